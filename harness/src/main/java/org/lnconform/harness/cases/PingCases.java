package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.peer.Deviation;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;

/** ping and pong (01-messaging.md, The ping and pong Messages). */
public final class PingCases {

    private PingCases() {}

    public static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        for (int n : new int[] {0, 1000}) {
            cases.add(CaseBuilder.of("bolt01/ping/num-pong-bytes-" + n + "-answered")
                    .title("A ping with num_pong_bytes " + n + " is answered by a pong with exactly " + n + " bytes")
                    .requires("B1-PING-07")
                    .must().allow(Outcome.CONFORMS).failsUnder(Deviation.PONG_LENGTH_OFF_BY_ONE)
                    .body(ctx -> answered(ctx, n, 0)));
        }
        cases.add(CaseBuilder.of("bolt01/ping/num-pong-bytes-65531-answered")
                .title("A ping with num_pong_bytes 65531 (the largest answerable) is answered with 65531 bytes")
                .requires("B1-PING-07")
                .must().allow(Outcome.CONFORMS).failsUnder(Deviation.IGNORE_LARGE_PINGS)
                .body(ctx -> answered(ctx, 65531, 0)));
        for (int n = 65532; n <= 65535; n++) {
            int num = n;
            cases.add(CaseBuilder.of("bolt01/ping/num-pong-bytes-" + n + "-ignored")
                    .title("A ping with num_pong_bytes " + n + " is not answered and the connection stays up")
                    .requires("B1-PING-08")
                    .must().allow(Outcome.STAYED_UP).failsUnder(Deviation.ANSWER_OVERSIZE_PING)
                    .body(ctx -> ignored(ctx, num)));
        }
        cases.add(CaseBuilder.of("bolt01/ping/byteslen-maximum")
                .title("A maximal ping (byteslen 65529) asking for a maximal pong (65531 bytes) is answered in full")
                .requires("B1-PING-07", "B8-MSG-01")
                .must().allow(Outcome.CONFORMS).failsUnder(Deviation.DROP_LARGE_MESSAGES)
                .body(ctx -> answered(ctx, 65531, 65529)));
        cases.add(CaseBuilder.of("bolt01/ping/pong-ignored-zeros")
                .title("The node's pong carries zero bytes in ignored")
                .requires("B1-PING-05", "B1-PING-06")
                .should().allow(Outcome.CONFORMS).failsUnder(Deviation.PONG_NONZERO_BYTES)
                .body(PingCases::pongZeros));
        cases.add(CaseBuilder.of("bolt01/ping/pipelined")
                .title("Ten pings sent back to back are answered in order, each with its own length")
                .requires("B1-PING-07")
                .must().allow(Outcome.CONFORMS).failsUnder(Deviation.DROP_SECOND_PIPELINED_PING)
                .body(PingCases::pipelined));
        cases.add(CaseBuilder.of("bolt01/ping/unsolicited-pong")
                .title("A pong that answers no ping may close the connection, but must not leave a zombie")
                .requires("B1-PING-09")
                .may().anythingButSilent().failsUnder(Deviation.ZOMBIE_ON_UNSOLICITED_PONG)
                .body(PingCases::unsolicitedPong));
        return cases;
    }

    private static Evidence answered(CaseContext ctx, int numPongBytes, int byteslen) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(numPongBytes, byteslen));
        PongWait w = nextPong(ctx, s);
        Pong p = w.pong();
        if (p == null) {
            return Evidence.violates("no pong arrived: " + w.why());
        }
        return p.byteslen() == numPongBytes
                ? Evidence.conforms("pong with " + p.byteslen() + " bytes")
                : Evidence.violates("pong with " + p.byteslen() + " bytes, expected " + numPongBytes);
    }

    /** The next pong, or why none came ({@code closed}: the node closed the connection). */
    record PongWait(Pong pong, String why, boolean closed) {
        PongWait(Pong pong, String why) {
            this(pong, why, false);
        }
    }

    /** The next pong within the bound, answering the node's own pings meanwhile. */
    static PongWait nextPong(CaseContext ctx, ProbeSession s) {
        long deadline = System.nanoTime() + ctx.bounds().reply().toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (in instanceof Incoming.Message m) {
                if (m.decoded() instanceof Pong p) {
                    return new PongWait(p, "");
                }
                s.answerIfPing(m);
                continue;
            }
            return new PongWait(null, CaseContext.describe(in), in instanceof Incoming.Closed);
        }
        return new PongWait(null, "nothing within the bound");
    }

    private static Evidence ignored(CaseContext ctx, int numPongBytes) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(numPongBytes, 0));
        s.send(Ping.of(CaseContext.FOLLOW_UP_PONG_BYTES, 0));
        PongWait w = nextPong(ctx, s);
        Pong p = w.pong();
        if (p == null) {
            return w.closed() ? Evidence.of(Outcome.CLOSED, "the node closed the connection: " + w.why())
                    : Evidence.of(Outcome.SILENT, "no pong at all after the follow-up ping: " + w.why());
        }
        if (p.byteslen() == CaseContext.FOLLOW_UP_PONG_BYTES) {
            return Evidence.of(Outcome.STAYED_UP, "the oversize ping got no pong; the follow-up ping did");
        }
        return Evidence.of(Outcome.PROCEEDED, "the node answered the ping with num_pong_bytes " + numPongBytes
                + " with a pong of " + p.byteslen() + " bytes");
    }

    private static Evidence pongZeros(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(64, 0));
        PongWait w = nextPong(ctx, s);
        Pong p = w.pong();
        if (p == null) {
            return Evidence.violates("no pong arrived: " + w.why());
        }
        return p.ignored().isAllZero() ? Evidence.conforms("the pong's " + p.byteslen() + " ignored bytes are zero")
                : Evidence.violates("the pong's ignored bytes are not all zero: " + p.ignored());
    }

    private static Evidence pipelined(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        WireWriter all = new WireWriter();
        int[] sizes = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        for (int n : sizes) {
            all.raw(s.session().encryptor().encrypt(org.lnconform.wire.message.LightningMessageCodec.encode(Ping.of(n, n))));
        }
        s.sendRaw(all.toByteArray(), "frames", "ten pings in one write, num_pong_bytes 3,1,4,1,5,9,2,6,5,3");
        for (int i = 0; i < sizes.length; i++) {
            PongWait w = nextPong(ctx, s);
            Pong p = w.pong();
            if (p == null) {
                return Evidence.violates("only " + i + " of 10 pongs arrived: " + w.why());
            }
            if (p.byteslen() != sizes[i]) {
                return Evidence.violates("pong " + (i + 1) + " had " + p.byteslen() + " bytes, expected " + sizes[i]);
            }
        }
        return Evidence.conforms("ten pongs in order with the right lengths");
    }

    private static Evidence unsolicitedPong(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Pong.of(7));
        return ctx.followUp(s);
    }
}
