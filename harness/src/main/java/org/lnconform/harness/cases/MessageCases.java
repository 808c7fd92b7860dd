package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.PongWait;
import org.lnconform.wire.BigSize;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * The message format rules on a running connection: the odd/even rule for unknown types, known
 * messages too short for their fields, and extensions (01-messaging.md, Lightning Message Format).
 */
public final class MessageCases {

    /** num_pong_bytes of the pings that carry an extension: distinct from the oracle's follow-up. */
    static final int EXTENSION_PONG_BYTES = 5;

    private MessageCases() {}

    public static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        List<Integer> odd = Unknowns.oddMessageTypes();
        Bytes payload = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        cases.add(CaseBuilder.of("bolt01/message/unknown-odd-type")
                .title("Messages of unassigned odd types " + odd + " (low, middle, experimental range), with a payload,"
                        + " are ignored")
                .requires("B1-MSG-09")
                .must().allow(Outcome.STAYED_UP)
                .body(ctx -> eachIgnored(ctx, odd, payload)));
        cases.add(CaseBuilder.of("bolt01/message/unknown-odd-type-empty")
                .title("Messages of unassigned odd types " + odd + " with no payload at all are ignored")
                .requires("B1-MSG-09")
                .must().allow(Outcome.STAYED_UP)
                .body(ctx -> eachIgnored(ctx, odd, Bytes.empty())));
        cases.add(CaseBuilder.of("bolt01/message/unknown-even-type")
                .title("A message of an unassigned even type closes the connection, for each of "
                        + Unknowns.evenMessageTypes() + " (low, middle, experimental range)")
                .requires("B1-MSG-10")
                .must().mustClose()
                .body(ctx -> eachCloses(ctx, Unknowns.evenMessageTypes(), payload)));
        tooShort("ping-without-byteslen", "A ping that ends after num_pong_bytes",
                new WireWriter().u16(Ping.TYPE).u16(4), cases);
        tooShort("ping-byteslen-exceeds", "A ping whose byteslen announces 10 bytes but carries 3",
                new WireWriter().u16(Ping.TYPE).u16(4).u16(10).raw(new byte[3]), cases);
        tooShort("pong-one-byte", "A pong with one byte where byteslen needs two",
                new WireWriter().u16(Pong.TYPE).u8(0), cases);
        tooShort("error-short-channel-id", "An error whose channel_id is 10 bytes long",
                new WireWriter().u16(ErrorMessage.TYPE).raw(Bytes.fromHex("0102030405060708090a").toByteArray()), cases);
        tooShort("warning-data-truncated", "A warning whose len announces 20 bytes of data but carries 5",
                new WireWriter().u16(Warning.TYPE).raw(new byte[32]).u16(20).raw("short".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), cases);
        long tlv = Unknowns.oddTlvType();
        cases.add(CaseBuilder.of("bolt01/message/extension/valid-odd-record")
                .title("A ping carrying a valid extension with an unassigned odd TLV record is answered")
                .requires("B1-MSG-14", "B1-TLV-16", "B1-PING-07")
                .must().allow(Outcome.CONFORMS)
                .body(ctx -> validExtension(ctx, new WireWriter().bigSize(tlv).bigSize(1).u8(0x2a))));
        invalidExtension("unknown-even-record", "an unassigned even TLV record",
                new WireWriter().bigSize(Unknowns.evenTlvType()).bigSize(1).u8(0x2a), cases);
        invalidExtension("truncated-record", "a TLV record whose length runs past the end",
                new WireWriter().bigSize(tlv).bigSize(8).u8(0x2a), cases);
        invalidExtension("out-of-order", "two TLV records in decreasing type order",
                new WireWriter().bigSize(tlv + 2).bigSize(0).bigSize(tlv).bigSize(0), cases);
        WireWriter nonMinimal = new WireWriter();
        BigSize.write(nonMinimal, tlv, 9);
        invalidExtension("type-not-minimal", "a TLV type in a 9-byte BigSize", nonMinimal.bigSize(0), cases);
        return cases;
    }

    /** A known message cut short: B1-MSG-12 requires a close. */
    private static void tooShort(String name, String what, WireWriter message, List<ConformanceCase> out) {
        byte[] bytes = message.toByteArray();
        out.add(CaseBuilder.of("bolt01/message/too-short/" + name)
                .title(what + " closes the connection")
                .requires("B1-MSG-12")
                .must().mustClose()
                .body(ctx -> {
                    ProbeSession s = ctx.ready();
                    s.sendPlaintext(bytes, what.toLowerCase(java.util.Locale.ROOT));
                    return ctx.oracle().followUp(s);
                }));
    }

    /**
     * A ping with an invalid extension. BOLT 1 lets a node ignore extensions (B1-MSG-14) or else
     * requires a close (B1-MSG-15): both are fine, a zombie is neither.
     */
    private static void invalidExtension(String name, String what, WireWriter extension, List<ConformanceCase> out) {
        byte[] tail = extension.toByteArray();
        out.add(CaseBuilder.of("bolt01/message/extension/invalid-" + name)
                .title("A ping whose extension holds " + what + " is ignored or closes the connection; a warning without a close, or a zombie, fails")
                .requires("B1-MSG-15", "B1-MSG-14")
                .must().allow(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED, Outcome.STAYED_UP)
                .body(ctx -> {
                    ProbeSession s = ctx.ready();
                    s.sendPlaintext(pingWith(tail), "ping(" + EXTENSION_PONG_BYTES + ") with an extension holding " + what);
                    return ctx.oracle().followUp(s);
                }));
    }

    private static Evidence validExtension(CaseContext ctx, WireWriter extension) throws Exception {
        ProbeSession s = ctx.ready();
        s.sendPlaintext(pingWith(extension.toByteArray()),
                "ping(" + EXTENSION_PONG_BYTES + ") with an unassigned odd extension record");
        PongWait w = ctx.oracle().nextPong(s);
        if (w.pong() == null) {
            return Evidence.violates("the ping with a valid extension got no pong: " + w.why());
        }
        return w.pong().byteslen() == EXTENSION_PONG_BYTES
                ? Evidence.conforms("the ping with a valid extension was answered")
                : Evidence.violates("pong with " + w.pong().byteslen() + " bytes, expected " + EXTENSION_PONG_BYTES);
    }

    /** ping(num_pong_bytes=5, byteslen=0) followed by {@code extension} verbatim. */
    private static byte[] pingWith(byte[] extension) {
        return new WireWriter().u16(Ping.TYPE).u16(EXTENSION_PONG_BYTES).u16(0).raw(extension).toByteArray();
    }

    /**
     * B1-MSG-09: MUST ignore, so any reaction (pong, warning, error, close) fails. One connection,
     * one type after the other, each followed by the oracle; the first reaction ends the case.
     */
    private static Evidence eachIgnored(CaseContext ctx, List<Integer> types, Bytes payload) throws Exception {
        ProbeSession s = ctx.ready();
        List<String> ignored = new ArrayList<>();
        for (int type : types) {
            s.send(new UnknownMessage(type, payload));
            Evidence e = ctx.oracle().expectIgnored(s);
            if (e.outcome() != Outcome.STAYED_UP) {
                return Evidence.of(e.outcome(), "type " + type + (ignored.isEmpty() ? "" : " (after ignoring types "
                        + String.join(", ", ignored) + ")") + ": " + e.observed());
            }
            ignored.add(String.valueOf(type));
        }
        return Evidence.of(Outcome.STAYED_UP, "the node ignored types " + String.join(", ", ignored)
                + " and answered a ping after each");
    }

    /** B1-MSG-10: each unknown even type, on a connection of its own, must end it; the first that does not decides. */
    private static Evidence eachCloses(CaseContext ctx, List<Integer> types, Bytes payload) throws Exception {
        List<String> closed = new ArrayList<>();
        Evidence last = null;
        for (int type : types) {
            ProbeSession s = ctx.ready();
            s.send(new UnknownMessage(type, payload));
            last = ctx.oracle().followUp(s);
            if (last.outcome() != Outcome.CLOSED && last.outcome() != Outcome.ERROR_THEN_CLOSED) {
                return Evidence.of(last.outcome(), "type " + type + (closed.isEmpty() ? "" : " (types "
                        + String.join(", ", closed) + " did close)") + ": " + last.observed());
            }
            closed.add(String.valueOf(type));
        }
        return Evidence.of(last.outcome(), "each of types " + String.join(", ", closed) + " ended its connection; last: "
                + last.observed());
    }
}
