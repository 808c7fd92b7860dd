package org.lnconform.harness.cases.bolt02;

import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.Warning;

/**
 * lnconform as the funder of a v1 channel, the node as fundee (02-peer-protocol.md, Channel
 * Establishment v1): the node's {@code accept_channel} against the sender's rules, its
 * {@code funding_signed} signature verified against the commitment transaction we build
 * ourselves (BOLT 3), and a {@code funding_created} with a bad signature, which must fail the
 * channel. No chain is involved: the funding outpoint exists nowhere.
 */
public final class FunderFlowCases {

    private FunderFlowCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt02/funder/accept-channel-type-echoed")
                        .title("accept_channel sets channel_type to the channel_type of our open_channel")
                        .requires("B2-ACC-05")
                        .must().allow(Outcome.CONFORMS)
                        .expected("accept_channel carries the channel_type we proposed, bit for bit")
                        .body(FunderFlowCases::channelTypeEchoed),
                CaseBuilder.of("bolt02/funder/funding-signed-signature-valid")
                        .title("funding_signed names the channel by funding_txid XOR index and signs our first commitment transaction")
                        .requires("B2-FSG-01", "B2-FSG-02", "B2-FSG-03")
                        .must().allow(Outcome.CONFORMS)
                        .expected("funding_signed whose channel_id is our funding_txid XOR 0 and whose signature verifies"
                                + " against our commitment transaction, built independently from BOLT 3")
                        .body(FunderFlowCases::fundingSigned),
                CaseBuilder.of("bolt02/funder/funding-created-bad-signature")
                        .title("a funding_created whose signature does not sign the node's commitment transaction fails the channel")
                        .requires("B2-FCR-06")
                        .must().allow(Outcome.CONFORMS)
                        .expected("an error (failing the channel), or a warning and a close; never funding_signed")
                        .body(FunderFlowCases::badFundingSignature));
    }

    /** Our open_channel and the node's accept_channel, on a connection whose init offers the channel type's features. */
    private static NodeAccept accepted(CaseContext ctx) throws Exception {
        return NodeAccept.exchange(ctx, FeatureVector.empty(),
                "init compatible with the node's, offering the features of the channel type we propose");
    }

    private static Evidence channelTypeEchoed(CaseContext ctx) throws Exception {
        NodeAccept n = accepted(ctx);
        return n.evidence(channelTypeEchoed(n.flow(), n.accept()));
    }

    private static Evidence channelTypeEchoed(FunderFlow flow, AcceptChannel accept) {
        if (accept.channelType().isEmpty()) {
            return Evidence.violates("accept_channel has no channel_type; we proposed " + flow.channelTypeBits);
        }
        if (!accept.channelType().get().equals(flow.channelTypeBits)) {
            return Evidence.violates("accept_channel's channel_type is " + accept.channelType().get()
                    + ", ours was " + flow.channelTypeBits);
        }
        return Evidence.conforms("accept_channel echoes channel_type " + flow.channelTypeBits);
    }

    private static Evidence fundingSigned(CaseContext ctx) throws Exception {
        NodeAccept n = accepted(ctx);
        if (!n.badPoints().isEmpty()) {
            throw new Unsupported("accept_channel carries invalid points (" + String.join("; ", n.badPoints())
                    + "), so no commitment transaction can be built; bolt02/funder/accept/basepoints-valid judges them");
        }
        return n.evidence(fundingSigned(ctx, n.session(), n.flow(), n.accept()));
    }

    private static Evidence fundingSigned(CaseContext ctx, ProbeSession s, FunderFlow flow, AcceptChannel accept)
            throws Unsupported {
        FundingCreated created = flow.fundingCreated(accept, true, ctx.random());
        s.send(created);
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(), m -> m.decoded() instanceof FundingSigned
                || m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning);
        if (o.found() == null || !(o.found().decoded() instanceof FundingSigned signed)) {
            throw new Unsupported("the node did not answer our funding_created with funding_signed: "
                    + (o.found() != null ? NodeAccept.describe(o.found()) : o.ending().observed()));
        }
        if (!signed.channelId().equals(flow.channelId())) {
            return Evidence.violates("funding_signed names channel_id " + signed.channelId().hex()
                    + ", not funding_txid XOR 0 = " + flow.channelId().hex());
        }
        if (!flow.verifies(accept, signed)) {
            return Evidence.violates("funding_signed's signature " + signed.signature().hex()
                    + " does not sign our first commitment transaction (" + flow.type + ")");
        }
        return Evidence.conforms("funding_signed on channel " + signed.channelId().hex()
                + "; its signature verifies against our " + flow.type + " commitment transaction");
    }

    private static Evidence badFundingSignature(CaseContext ctx) throws Exception {
        NodeAccept n = accepted(ctx);
        return n.evidence(badFundingSignature(ctx, n.session(), n.flow(), n.accept()));
    }

    private static Evidence badFundingSignature(CaseContext ctx, ProbeSession s, FunderFlow flow, AcceptChannel accept) {
        return FundingCreatedCases.refused(ctx, s, flow.fundingCreated(accept, false, ctx.random()),
                "a signature made with another key");
    }
}
