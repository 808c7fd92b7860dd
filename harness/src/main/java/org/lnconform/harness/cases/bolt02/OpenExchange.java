package org.lnconform.harness.cases.bolt02;

import java.util.function.Function;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.OpenReply;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.OpenChannel;

/**
 * The steps every BOLT 2 funder case shares: a connection whose init offers what our channel type
 * needs, and one open_channel sent and answered ({@link OpenReply}).
 */
final class OpenExchange {

    private OpenExchange() {}

    /**
     * A running connection whose init offers the features of the channel type we will propose
     * (BOLT 2, open_channel: a channel_type names only features both sides negotiated; lnd refuses
     * one that does not), and {@code extra} besides.
     */
    static ProbeSession ready(CaseContext ctx, FeatureVector extra) throws Exception {
        return ctx.withInit("init compatible with the node's, offering the features of the channel type we propose"
                        + (extra.isEmpty() ? "" : " and " + extra),
                (nodeInit, compatible) -> compatible.features(InitBuilder.compatibleFeatures(nodeInit, ctx.features())
                        .or(FunderFlow.initFeaturesFor(nodeInit)).or(extra)).build());
    }

    static ProbeSession ready(CaseContext ctx) throws Exception {
        return ready(ctx, FeatureVector.empty());
    }

    /** Sends {@code open} and returns how the node answered it. */
    static OpenReply send(CaseContext ctx, ProbeSession s, OpenChannel open) {
        s.send(open);
        return OpenReply.after(ctx.oracle(), s, open.temporaryChannelId());
    }

    /** One open_channel answered: on which connection, what we sent, how the node answered, and any retry. */
    record Answered(ProbeSession session, OpenChannel open, OpenReply reply, String note) {}

    /**
     * Sends the open_channel {@code openFor} builds for a fresh temporary_channel_id on {@code s}.
     * If the node neither accepts nor refuses it while it stays up, the open_channel is tried once
     * more, as another peer: Eclair can lose an open_channel that races another peer's (FINDINGS
     * E21), and one lost race must not decide a verdict. The note says so.
     */
    static Answered sendRetrying(CaseContext ctx, ProbeSession s, FeatureVector extra,
            Function<Bytes, OpenChannel> openFor) throws Exception {
        OpenChannel open = openFor.apply(ctx.random().channelId());
        OpenReply reply = send(ctx, s, open);
        if (reply.kind() != OpenReply.Kind.NEITHER || reply.evidence().outcome() != Outcome.STAYED_UP) {
            return new Answered(s, open, reply, "");
        }
        s.close();
        ProbeSession again = ready(ctx, extra);
        OpenChannel second = openFor.apply(ctx.random().channelId());
        return new Answered(again, second, send(ctx, again, second), " (the first open_channel got neither answer while"
                + " the node stayed up; this is the answer to a second one, as another peer: FINDINGS E21)");
    }

    /** Sends {@code open} and returns the node's accept_channel; anything else is the node's own choice: UNSUPPORTED. */
    static AcceptChannel accepted(CaseContext ctx, ProbeSession s, OpenChannel open, String what) throws Exception {
        OpenReply reply = send(ctx, s, open);
        if (reply.accept().isPresent()) {
            return reply.accept().get();
        }
        throw new Unsupported("the node did not accept our open_channel (" + what + "): " + reply.evidence().observed());
    }
}
