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
import org.lnconform.harness.run.Unsupported;
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
    /** Odd unknown messages between two pings in the receiving-side rotation case. */
    private static final int RECEIVE_BATCH = 99;
    /** BOLT 8: a key rotates after 1000 nonces, i.e. every 500 messages. */
    private static final int ROTATION_EVERY = 500;

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
                CaseBuilder.of("bolt08/transport/key-rotation-receive")
                        .title("1100 odd unknown messages and 11 pings to the node: it decrypts past our sending key's two rotations"
                                + " while its own key does not rotate")
                        .requires("B8-ROT-01", "B8-ROT-02", "B8-MSG-04")
                        .must().allow(Outcome.CONFORMS)
                        .expected("a pong after every 100 odd unknown messages, also after our key rotated at message 500 and 1000")
                        .body(Bolt08TransportCases::receiveRotation),
                CaseBuilder.of("bolt08/transport/key-rotation-send")
                        .title("1100 pings answered by 1100 pongs, interleaved: both directions rotate their keys twice")
                        .requires("B8-ROT-01", "B8-ROT-02", "B8-MSG-02", "B8-MSG-03")
                        .must().allow(Outcome.CONFORMS)
                        .expected("1100 pongs that decrypt under the node's rotated sending keys; a node that stops answering"
                                + " pings before its 500th message never reaches a rotation: UNSUPPORTED with the count")
                        .body(Bolt08TransportCases::sendRotation),
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

    /**
     * B8-ROT-01/02, receiving side: odd unknown messages (which the node must ignore, B1) advance
     * the node's receiving nonce without making it send anything, so its receiving key rotates
     * twice while its sending key, used for 11 pongs only, never does. A pong after each batch
     * shows where the node stopped decrypting.
     */
    private static Evidence receiveRotation(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        int type = Unknowns.oddMessageType();
        int sent = 0;
        for (int batch = 0; sent < ROTATION_MESSAGES; batch++) {
            long rotatedBefore = s.session().encryptor().rotations();
            for (int i = 0; i < RECEIVE_BATCH; i++) {
                if (!s.send(new UnknownMessage(type, Bytes.of(new byte[] {(byte) i})))) {
                    return stopped(s, rotatedBefore, sent, "closed the connection");
                }
                sent++;
            }
            s.send(Ping.of(batch + 1, 0));
            sent++;
            PongWait w = ctx.oracle().nextPong(s);
            if (w.garbled() != null) {
                return Oracle.garbled(w.garbled());
            }
            if (w.pong() == null) {
                return stopped(s, rotatedBefore, sent, (w.closed() ? "closed the connection" : "sent no pong")
                        + " (" + w.why() + ")");
            }
            if (w.pong().byteslen() != batch + 1) {
                return Evidence.violates("pong after batch " + (batch + 1) + " had " + w.pong().byteslen()
                        + " bytes, expected " + (batch + 1));
            }
        }
        return Evidence.conforms(sent + " messages decrypted by the node across " + s.session().encryptor().rotations()
                + " rotations of our sending key; its own sending key rotated " + s.session().decryptor().rotations()
                + " times (keys rotate individually)");
    }

    /**
     * The node stopped answering during a batch of ours: a rotation finding only if our sending
     * key rotated inside that batch (the batch's messages were the first the node had to decrypt
     * with its rotated receiving key); otherwise it stopped for a reason of its own, which this
     * case cannot judge.
     */
    private static Evidence stopped(ProbeSession s, long rotatedBefore, int sent, String what) throws Unsupported {
        long rotated = s.session().encryptor().rotations();
        if (rotated > rotatedBefore) {
            return Evidence.violates("the node " + what + " after our message " + sent + ", in the first batch sent"
                    + " under our sending key's rotation number " + rotated + " (its receiving key must rotate with it)");
        }
        throw new Unsupported("the node " + what + " after our message " + sent + ", in a batch without a rotation"
                + " of our key (" + rotated + " so far): not a rotation finding");
    }

    /**
     * B8-ROT-01/02, sending side: only pongs make a node send 500 messages. A node that stops
     * answering pings (lnd rate-limits pongs) where no key has just rotated gives no rotation
     * finding: UNSUPPORTED with the count; B1-PING-07 is judged by the ping cases.
     */
    private static Evidence sendRotation(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        int answered = 0;
        int sent = 0;
        long[] ourRotationsAt = new long[ROTATION_MESSAGES];
        // a window of pings in flight, so sends and receives interleave
        while (answered < ROTATION_MESSAGES) {
            boolean closed = false;
            while (!closed && sent < ROTATION_MESSAGES && sent - answered < 50) {
                closed = !s.send(Ping.of(sent % 97, sent % 13));
                ourRotationsAt[sent++] = s.session().encryptor().rotations();
            }
            PongWait w = closed ? new PongWait(null, "the connection closed", true, null) : ctx.oracle().nextPong(s);
            if (w.garbled() != null) {
                return Oracle.garbled(w.garbled());
            }
            if (w.pong() == null) {
                String where = "after " + answered + " pongs (" + sent + " pings sent; keys rotated "
                        + s.session().encryptor().rotations() + " times sending, " + s.session().decryptor().rotations()
                        + " times receiving): " + w.why();
                // the missing pong answers the first ping under our rotated key, or would be the node's first
                // message under its rotated key (its init and a few messages of its own come before the pongs)
                boolean ourRotation = answered > 0 && ourRotationsAt[answered] > ourRotationsAt[answered - 1];
                int nodeMessage = answered + 1;
                boolean theirRotation = nodeMessage % ROTATION_EVERY < 5 || nodeMessage % ROTATION_EVERY > ROTATION_EVERY - 5;
                if (!ourRotation && !(theirRotation && nodeMessage > 5)) {
                    throw new Unsupported("the node " + (w.closed() ? "closed the connection " : "stopped answering pings ")
                            + where + ", away from a rotation of either key: not a rotation finding"
                            + (answered < ROTATION_EVERY ? " (it never sent the 500 messages after which its sending key rotates)" : ""));
                }
                return Evidence.violates("the node " + (w.closed() ? "closed the connection " : "went silent ") + where
                        + (ourRotation ? "; the missing pong answers our first ping under a rotated key"
                                : "; the missing pong would be its first message under its rotated sending key"));
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
