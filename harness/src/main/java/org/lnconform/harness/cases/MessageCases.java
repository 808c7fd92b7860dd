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
        int odd = Unknowns.oddMessageType();
        cases.add(CaseBuilder.of("bolt01/message/unknown-odd-type")
                .title("A message of an unassigned odd type, with a payload, is ignored")
                .requires("B1-MSG-09")
                .must().allow(Outcome.STAYED_UP)
                .body(ctx -> sendThenIgnored(ctx, new UnknownMessage(odd, Bytes.fromHex("000102030405060708090a0b0c0d0e0f")))));
        cases.add(CaseBuilder.of("bolt01/message/unknown-odd-type-empty")
                .title("A message of an unassigned odd type with no payload at all is ignored")
                .requires("B1-MSG-09")
                .must().allow(Outcome.STAYED_UP)
                .body(ctx -> sendThenIgnored(ctx, new UnknownMessage(odd, Bytes.empty()))));
        cases.add(CaseBuilder.of("bolt01/message/unknown-even-type")
                .title("A message of an unassigned even type closes the connection")
                .requires("B1-MSG-10")
                .must().mustClose()
                .body(ctx -> sendThenFollowUp(ctx, new UnknownMessage(Unknowns.evenMessageType(),
                        Bytes.fromHex("000102030405060708090a0b0c0d0e0f")))));
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

    /** B1-MSG-09: MUST ignore, so any reaction (pong, warning, error, close) fails. */
    private static Evidence sendThenIgnored(CaseContext ctx, UnknownMessage m) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(m);
        return ctx.oracle().expectIgnored(s);
    }

    private static Evidence sendThenFollowUp(CaseContext ctx, UnknownMessage m) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(m);
        return ctx.oracle().followUp(s);
    }
}
