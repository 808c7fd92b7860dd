package org.lnconform.harness.cases.bolt02;

import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.OpenReply;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.noise.NodeKey;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.OpenChannel;

/**
 * What the receiver of {@code open_channel} MUST accept (02-peer-protocol.md, The open_channel
 * Message, receiving node): undefined bits of channel_flags are ignored, and after a reconnection
 * a new open_channel is accepted in place of the one proposed before. A refusal counts only once
 * the node has shown it accepts the same open_channel otherwise.
 */
public final class OpenChannelReceiverCases {

    private OpenChannelReceiverCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt02/open/undefined-channel-flags-ignored")
                        .title("undefined bits of channel_flags are ignored: the open_channel is accepted as without them")
                        .requires("B2-OPN-15")
                        .must().allow(Outcome.CONFORMS)
                        .inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .expected("accept_channel, as for the same open_channel with channel_flags 0; a refusal fails once the"
                                + " node accepts that one on another connection")
                        .because("MUST ignore undefined bits: a refusal the control shows is theirs fails; staying up with"
                                + " neither accept_channel nor an error is INFO; a node that refuses the control too is UNSUPPORTED")
                        .body(OpenChannelReceiverCases::flagsIgnored),
                CaseBuilder.of("bolt02/open/new-open-after-reconnection")
                        .title("after a reconnection before funding_created, a new open_channel is accepted and the previous one discarded")
                        .requires("B2-OPN-16")
                        .must().allow(Outcome.CONFORMS)
                        .inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .expected("accept_channel for our open_channel on the first connection, and again for a new"
                                + " open_channel on a second connection with the same node key, after the first closed")
                        .because("MUST accept the new open_channel: a refusal fails; staying up with neither accept_channel"
                                + " nor an error is INFO; a node that does not accept the first open_channel is UNSUPPORTED")
                        .body(OpenChannelReceiverCases::reopened));
    }

    /** channel_flags 0xfe: every bit but announce_channel (bit 0, left 0), none of which BOLT 2 defines. */
    private static Evidence flagsIgnored(CaseContext ctx) throws Exception {
        ProbeSession s = OpenExchange.ready(ctx);
        FunderFlow flow = FunderFlow.propose(s.nodeInit(), ctx.random());
        OpenExchange.Answered flagged = OpenExchange.sendRetrying(ctx, s, FeatureVector.empty(),
                id -> flow.variant(id, d -> d.channelFlags = 0xfe));
        OpenReply reply = flagged.reply();
        if (reply.kind() == OpenReply.Kind.ACCEPTED) {
            return Evidence.conforms("accept_channel for an open_channel with channel_flags 0xfe" + flagged.note());
        }
        if (reply.kind() == OpenReply.Kind.NEITHER) {
            Evidence e = reply.evidence();
            return new Evidence(e.outcome(), e.observed() + flagged.note(), e.before());
        }
        OpenExchange.Answered plain = OpenExchange.sendRetrying(ctx, OpenExchange.ready(ctx), FeatureVector.empty(),
                id -> flow.variant(id, d -> { }));
        if (plain.reply().kind() != OpenReply.Kind.ACCEPTED) {
            throw new Unsupported("the node does not accept our open_channel with channel_flags 0 either: "
                    + plain.reply().evidence().observed() + plain.note());
        }
        return Evidence.violates("channel_flags 0xfe: " + reply.evidence().observed() + "; control: on another"
                + " connection the node accepted the same open_channel with channel_flags 0" + plain.note());
    }

    /** Open, get accept_channel, close; reconnect with the same key and open anew (BOLT 2, B2-OPN-16). */
    private static Evidence reopened(CaseContext ctx) throws Exception {
        NodeKey key = ctx.freshKey();
        ProbeSession first = readyAs(ctx, key);
        FunderFlow flow = FunderFlow.propose(first.nodeInit(), ctx.random());
        OpenExchange.accepted(ctx, first, flow.open, "on the first connection");
        first.close();
        Thread.sleep(ctx.bounds().reply().toMillis() / 5); // let the node see the close before the new connection
        ProbeSession second = readyAs(ctx, key);
        OpenChannel again = flow.variant(ctx.random().channelId(), d -> { });
        OpenReply reply = OpenExchange.send(ctx, second, again);
        if (reply.kind() == OpenReply.Kind.ACCEPTED) {
            return Evidence.conforms("after the reconnection the node accepted the new open_channel (temporary_channel_id "
                    + again.temporaryChannelId().hex() + "), having accepted " + flow.open.temporaryChannelId().hex()
                    + " on the first connection");
        }
        if (reply.kind() == OpenReply.Kind.NEITHER) {
            return reply.evidence();
        }
        return Evidence.violates("the node accepted our open_channel on the first connection, but after the reconnection"
                + " it refused the new one: " + reply.evidence().observed());
    }

    /** A running connection under {@code key}, whose init offers what our channel type needs. */
    private static ProbeSession readyAs(CaseContext ctx, NodeKey key) throws Exception {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = Handshakes.initiate(c, key, ctx.target().publicKey(), Handshakes.Tamper.NONE, ctx.bounds());
        if (!(r instanceof Handshakes.Result.Done done)) {
            throw new CaseError("the harness could not complete a valid handshake, so the case cannot run: "
                    + Handshakes.describe(r));
        }
        ProbeSession s = done.session();
        Incoming in = s.read(ctx.bounds().init());
        if (!(in instanceof Incoming.Message m && m.decoded() instanceof Init nodeInit)) {
            throw new CaseError("the node's first message was not a valid init: " + CaseContext.describe(in));
        }
        s.nodeInit(nodeInit);
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features())
                .features(InitBuilder.compatibleFeatures(nodeInit, ctx.features()).or(FunderFlow.initFeaturesFor(nodeInit)))
                .build(), "init compatible with the node's, offering the features of the channel type we propose");
        return s;
    }
}
