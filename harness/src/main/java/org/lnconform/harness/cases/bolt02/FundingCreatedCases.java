package org.lnconform.harness.cases.bolt02;

import java.util.List;
import org.lnconform.bolt3.Signatures;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.Warning;

/**
 * The node as recipient of our {@code funding_created} (02-peer-protocol.md, The funding_created
 * Message): a signature that is right but not low-S must fail the channel like a wrong one. ECDSA
 * accepts both (r, s) and (r, n - s); BOLT 2 and Bitcoin's standardness rules accept only the low one.
 */
public final class FundingCreatedCases {

    private FundingCreatedCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt02/funder/funding-created-high-s-signature")
                        .title("a funding_created whose signature is valid but not low-S fails the channel")
                        .requires("B2-FCR-06")
                        .must().allow(Outcome.CONFORMS)
                        .expected("an error (failing the channel), or a warning and a close; never funding_signed."
                                + " The signature is our valid one with S replaced by n - S")
                        .body(FundingCreatedCases::highSSignature));
    }

    private static Evidence highSSignature(CaseContext ctx) throws Exception {
        NodeAccept n = NodeAccept.exchange(ctx, FeatureVector.empty(),
                "init compatible with the node's, offering the features of the channel type we propose");
        return n.evidence(refusesHighS(ctx, n));
    }

    private static Evidence refusesHighS(CaseContext ctx, NodeAccept n) {
        FundingCreated valid = n.flow().fundingCreated(n.accept(), true, ctx.random());
        Bytes high = highS(valid.signature());
        return refused(ctx, n.session(), new FundingCreated(valid.temporaryChannelId(), valid.fundingTxid(),
                valid.fundingOutputIndex(), high), "a high-S signature (our valid one with S replaced by n - S)");
    }

    /**
     * Sends {@code created}, whose signature is {@code what}, and judges the answer by B2-FCR-06:
     * an error, or a warning and a close (or a close), and never funding_signed.
     */
    static Evidence refused(CaseContext ctx, ProbeSession s, FundingCreated created, String what) {
        s.send(created);
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(), m -> m.decoded() instanceof FundingSigned
                || m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning);
        if (o.found() != null && o.found().decoded() instanceof FundingSigned) {
            return Evidence.violates("the node answered a funding_created with " + what + " with funding_signed");
        }
        if (o.found() != null) {
            return Evidence.conforms("the node refused " + what + ": " + NodeAccept.describe(o.found()));
        }
        if (o.closed()) {
            return Evidence.conforms("the node closed the connection: " + o.ending().observed());
        }
        return Evidence.violates("neither error nor warning and close after a funding_created with " + what + ": "
                + o.ending().observed());
    }

    /** (r, s) as (r, n - s): the same signature for ECDSA, but with S above n / 2 (ours are low-S). */
    static Bytes highS(Bytes compact) {
        return Bytes.of(Signatures.negateS(compact.toByteArray()));
    }
}
