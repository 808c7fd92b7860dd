package org.lnconform.harness.cases;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Warning;

/**
 * error and warning received on a connection without channels (01-messaging.md, The error and
 * warning Messages, receiving node). With no channel to fail, the node must in every case stay
 * responsive or close; for a channel_id it does not have, it must ignore the message.
 */
public final class ErrorWarningCases {

    /** A channel_id no node has: a fixed, non-zero pattern. */
    static final Bytes UNKNOWN_CHANNEL = Bytes.fromHex("6c6e636f6e666f726d3a206e6f2073756368206368616e6e656c2068657265ff");

    /** Control bytes, DEL, bytes above 126 and invalid UTF-8: nothing a terminal should print as is. */
    static final Bytes NON_PRINTABLE = Bytes.fromHex("00071b5b324a0d0a7f80c328fffe");

    private ErrorWarningCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/error/all-channels")
                        .title("An error for all channels (all-zero channel_id), with no channels open, is not followed by a zombie")
                        .requires("B1-ERR-12", "B1-ERR-16", "LNC-ROBUST-04")
                        .must().anythingButSilent()
                        .body(ctx -> sendThenFollowUp(ctx, ErrorMessage.allChannels("lnconform: an error for all channels"))),
                CaseBuilder.of("bolt01/error/unknown-channel")
                        .title("An error for a channel the node does not have is ignored")
                        .requires("B1-ERR-16")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> sendThenIgnored(ctx, new ErrorMessage(UNKNOWN_CHANNEL,
                                ascii("lnconform: an error for a channel you do not have")))),
                CaseBuilder.of("bolt01/error/non-printable-data")
                        .title("An error for an unknown channel whose data is not printable ASCII is ignored all the same")
                        .requires("B1-ERR-16", "B1-ERR-17")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> sendThenIgnored(ctx, new ErrorMessage(UNKNOWN_CHANNEL, NON_PRINTABLE))),
                CaseBuilder.of("bolt01/warning/all-channels")
                        .title("A warning with an all-zero channel_id is not followed by a zombie")
                        .requires("B1-ERR-15", "B1-ERR-16", "LNC-ROBUST-04")
                        .must().anythingButSilent()
                        .body(ctx -> sendThenFollowUp(ctx, Warning.allChannels("lnconform: a warning for all channels"))),
                CaseBuilder.of("bolt01/warning/unknown-channel")
                        .title("A warning for a channel the node does not have is ignored")
                        .requires("B1-ERR-16")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> sendThenIgnored(ctx, new Warning(UNKNOWN_CHANNEL,
                                ascii("lnconform: a warning for a channel you do not have")))),
                CaseBuilder.of("bolt01/warning/non-printable-data")
                        .title("A warning for an unknown channel whose data is not printable ASCII is ignored all the same")
                        .requires("B1-ERR-16", "B1-ERR-17")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> sendThenIgnored(ctx, new Warning(UNKNOWN_CHANNEL, NON_PRINTABLE))));
    }

    /** B1-ERR-16: MUST ignore, so any reaction (pong, warning, error, close) fails. */
    private static Evidence sendThenIgnored(CaseContext ctx, LightningMessage m) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(m);
        return ctx.oracle().expectIgnored(s);
    }

    private static Evidence sendThenFollowUp(CaseContext ctx, LightningMessage m) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(m);
        return ctx.oracle().followUp(s);
    }

    private static Bytes ascii(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.US_ASCII));
    }
}
