package org.lnconform.harness.cases;

import java.time.Duration;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.oracle.PongWait;
import org.lnconform.noise.TransportException;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;

/** BOLT 8 after the handshake: frames, MACs, the size limit and key rotation (08-transport.md, Lightning Message Specification). */
public final class Bolt08TransportCases {

    private Bolt08TransportCases() {}

    /** Messages sent in each direction by the rotation case: past two rotations (every 500 messages). */
    static final int ROTATION_MESSAGES = 1100;

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt08/transport/bad-body-mac")
                        .title("A message whose body MAC fails ends the connection")
                        .requires("B8-GEN-02", "B8-MSG-05", "B8-MSG-06")
                        .must().mustClose()
                        .body(ctx -> corruptFrame(ctx, 18 + 5)),
                CaseBuilder.of("bolt08/transport/bad-length-mac")
                        .title("A message whose length header MAC fails ends the connection")
                        .requires("B8-GEN-02", "B8-MSG-05")
                        .must().mustClose()
                        .body(ctx -> corruptFrame(ctx, 17)),
                CaseBuilder.of("bolt08/transport/length-announces-more")
                        .title("A length header announcing more bytes than ever arrive, then end of stream: the node closes")
                        .requires("B8-MSG-05")
                        .must().allow(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED)
                        .body(Bolt08TransportCases::announcesMore),
                CaseBuilder.of("bolt08/transport/key-rotation")
                        .title("1100 pings answered by 1100 pongs, interleaved: both directions rotate their keys twice")
                        .requires("B8-ROT-01", "B8-ROT-02", "B8-MSG-02", "B8-MSG-03", "B8-MSG-04")
                        .must().allow(Outcome.CONFORMS)
                        .body(Bolt08TransportCases::keyRotation),
                CaseBuilder.of("bolt08/transport/max-size-message")
                        .title("A 65535-byte message (a ping padded to the limit) is accepted and answered")
                        .requires("B8-MSG-01", "B8-MSG-05")
                        .must().allow(Outcome.CONFORMS)
                        .body(Bolt08TransportCases::maxSize));
    }

    private static Evidence corruptFrame(CaseContext ctx, int index) throws Exception {
        ProbeSession s = ctx.ready();
        byte[] ping;
        try {
            ping = s.session().encryptor().encrypt(org.lnconform.wire.message.LightningMessageCodec.encode(Ping.of(4, 4)));
        } catch (TransportException e) {
            throw new IllegalStateException(e);
        }
        ping[index] ^= 0x01;
        s.sendRaw(ping, "frame", "an encrypted ping with byte " + index + " flipped (MAC must fail)");
        // our encryptor advanced; a follow-up ping is still correctly encrypted for a node that kept going
        return ctx.oracle().followUp(s);
    }

    private static Evidence announcesMore(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        byte[] frame;
        try {
            frame = s.session().encryptor().encrypt(new byte[1000]);
        } catch (TransportException e) {
            throw new IllegalStateException(e);
        }
        byte[] cut = java.util.Arrays.copyOf(frame, 18 + 100);
        s.sendRaw(cut, "frame", "length header announcing 1000 bytes, then only 100 of them");
        s.connection().shutdownOutput();
        Oracle.Window w = ctx.oracle().window(s, ctx.bounds().reply(), false);
        if (w.end() instanceof Incoming.Closed) {
            return Evidence.of(Outcome.CLOSED, "the node closed the connection after the stream ended mid-message");
        }
        if (w.end() instanceof Incoming.BadFrame b) {
            return Oracle.garbled(b);
        }
        return Evidence.of(Outcome.SILENT, "the node kept the connection open for " + ctx.bounds().reply().toMillis()
                + " ms after the stream ended mid-message");
    }

    private static Evidence keyRotation(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        int answered = 0;
        int sent = 0;
        // a window of pings in flight, so sends and receives interleave
        while (answered < ROTATION_MESSAGES) {
            while (sent < ROTATION_MESSAGES && sent - answered < 50) {
                if (!s.send(Ping.of(sent % 97, sent % 13))) {
                    return Evidence.violates("the node closed after " + answered + " pongs");
                }
                sent++;
            }
            PongWait w = ctx.oracle().nextPong(s);
            if (w.pong() == null) {
                return Evidence.violates("after " + answered + " pongs (our sending key rotated "
                        + s.session().encryptor().rotations() + " times, theirs " + s.session().decryptor().rotations()
                        + "): " + w.why());
            }
            if (w.pong().byteslen() != answered % 97) {
                return Evidence.violates("pong " + answered + " had " + w.pong().byteslen() + " bytes, expected "
                        + answered % 97);
            }
            answered++;
        }
        return Evidence.conforms(ROTATION_MESSAGES + " pings answered in order; keys rotated "
                + s.session().encryptor().rotations() + " times sending and " + s.session().decryptor().rotations()
                + " times receiving");
    }

    private static Evidence maxSize(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(16, 65535 - 6));
        PongWait w = ctx.oracle().nextPong(s);
        if (w.pong() == null) {
            return Evidence.violates("the 65535-byte ping got no pong: " + w.why());
        }
        return w.pong().byteslen() == 16 ? Evidence.conforms("the 65535-byte ping was answered")
                : Evidence.violates("pong with " + w.pong().byteslen() + " bytes, expected 16");
    }

    static Duration shortly(CaseContext ctx) {
        return ctx.bounds().reply();
    }
}
