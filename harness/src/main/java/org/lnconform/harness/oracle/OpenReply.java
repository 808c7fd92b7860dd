package org.lnconform.harness.oracle;

import java.util.Optional;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.WireText;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Warning;

/**
 * How the node answered one {@code open_channel} of ours (02-peer-protocol.md, The open_channel
 * Message): it accepted it, refused it (failed the channel), or did neither. The evidence's
 * outcome says which, in the vocabulary cases allow:
 * <ul>
 * <li>{@link Outcome#PROCEEDED}: {@code accept_channel} for our temporary_channel_id (accepted);
 * <li>{@link Outcome#CONFORMS}: an {@code error} naming the temporary_channel_id, or all channels
 *     (01-messaging.md: an all-zero channel_id refers to every channel, this one included);
 * <li>{@link Outcome#ERROR_THEN_CLOSED}: a {@code warning} (or an error about another channel), then a close;
 * <li>{@link Outcome#CLOSED}: a close without a word. A fundee does not keep a channel across a
 *     disconnection before {@code funding_signed} (BOLT 2, Message Retransmission), so both end it;
 * <li>{@link Outcome#STAYED_UP}, {@link Outcome#WARNED_STAYED_UP}: neither, and the node still
 *     answers our ping (ignored, perhaps after a warning, which fails no channel);
 * <li>{@link Outcome#SILENT}: neither answer nor close (a zombie); {@link Outcome#GARBLED} as ever.
 * </ul>
 */
public record OpenReply(Kind kind, Optional<AcceptChannel> accept, Evidence evidence) {

    /** The three answers an open_channel can get. */
    public enum Kind {
        ACCEPTED, REFUSED, NEITHER
    }

    /** Watches the node after our open_channel named {@code temporaryChannelId}, within the reply bound. */
    public static OpenReply after(Oracle oracle, ProbeSession s, Bytes temporaryChannelId) {
        Observation o = oracle.watch(s, oracle.bounds().reply(), m -> ours(m, temporaryChannelId) || refuses(m, temporaryChannelId)
                || m.decoded() instanceof Warning || m.decoded() instanceof ErrorMessage);
        String warned = "";
        if (o.found() != null && !ours(o.found(), temporaryChannelId) && !refuses(o.found(), temporaryChannelId)) {
            // a warning, or an error about another channel: neither fails this one; does a close follow?
            warned = WireText.incoming(o.found());
            o = oracle.watch(s, oracle.bounds().reply(), m -> ours(m, temporaryChannelId) || refuses(m, temporaryChannelId));
        }
        String before = warned.isEmpty() ? "" : " after " + warned;
        if (o.found() != null && o.found().decoded() instanceof AcceptChannel a) {
            return new OpenReply(Kind.ACCEPTED, Optional.of(a), Evidence.of(Outcome.PROCEEDED,
                    "the node accepted: accept_channel for temporary_channel_id " + temporaryChannelId.hex() + before));
        }
        if (o.found() != null) {
            ErrorMessage e = (ErrorMessage) o.found().decoded();
            String whose = e.channelId().isAllZero() ? "all channels (all-zero channel_id), so this one too"
                    : "the temporary_channel_id";
            return new OpenReply(Kind.REFUSED, Optional.empty(), Evidence.conforms("the node failed the channel: "
                    + WireText.message(e) + ", naming " + whose + before));
        }
        Evidence end = o.ending();
        if (end.outcome() == Outcome.CLOSED) {
            return new OpenReply(Kind.REFUSED, Optional.empty(), Evidence.of(warned.isEmpty() ? Outcome.CLOSED
                    : Outcome.ERROR_THEN_CLOSED, "the node closed the connection" + before + ", without accept_channel"
                    + (warned.isEmpty() ? " or error" : "") + ": the proposed channel ends with it"));
        }
        if (end.outcome() == Outcome.STAYED_UP) {
            return new OpenReply(Kind.NEITHER, Optional.empty(), Evidence.of(warned.isEmpty() ? Outcome.STAYED_UP
                    : Outcome.WARNED_STAYED_UP, "neither accept_channel nor an error on the temporary_channel_id"
                    + before + " within " + oracle.bounds().reply().toMillis() + " ms; the node still answers our ping"));
        }
        return new OpenReply(Kind.NEITHER, Optional.empty(), new Evidence(end.outcome(), end.observed() + before, end.before()));
    }

    /** True if the connection may still carry another open_channel. */
    public boolean connectionOpen() {
        return evidence.outcome() != Outcome.CLOSED && evidence.outcome() != Outcome.ERROR_THEN_CLOSED
                && evidence.outcome() != Outcome.GARBLED;
    }

    private static boolean ours(Incoming.Message m, Bytes temporaryChannelId) {
        return m.decoded() instanceof AcceptChannel a && a.temporaryChannelId().equals(temporaryChannelId);
    }

    /** An error that fails the proposed channel: on its temporary_channel_id, or on all channels. */
    private static boolean refuses(Incoming.Message m, Bytes temporaryChannelId) {
        return m.decoded() instanceof ErrorMessage e
                && (e.channelId().equals(temporaryChannelId) || e.channelId().isAllZero());
    }
}
