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
                    .must().allow(Outcome.CONFORMS)
                    .body(ctx -> answered(ctx, n, 0)));
        }
        cases.add(CaseBuilder.of("bolt01/ping/num-pong-bytes-65531-answered")
                .title("A ping with num_pong_bytes 65531 (the largest answerable) is answered with 65531 bytes")
                .requires("B1-PING-07")
                .must().allow(Outcome.CONFORMS)
                .body(ctx -> answered(ctx, 65531, 0)));
        for (int n = 65532; n <= 65535; n++) {
            int num = n;
            cases.add(CaseBuilder.of("bolt01/ping/num-pong-bytes-" + n + "-ignored")
                    .title("A ping with num_pong_bytes " + n + " is not answered and the connection stays up")
                    .requires("B1-PING-08")
                    .must().allow(Outcome.STAYED_UP)
                    .body(ctx -> ignored(ctx, num)));
        }
        cases.add(CaseBuilder.of("bolt01/ping/byteslen-maximum")
                .title("A maximal ping (byteslen 65529) asking for a maximal pong (65531 bytes) is answered in full")
                .requires("B1-PING-07", "B8-MSG-01")
                .must().allow(Outcome.CONFORMS)
                .body(ctx -> answered(ctx, 65531, 65529)));
        cases.add(CaseBuilder.of("bolt01/ping/pong-ignored-zeros")
                .title("The node's pong carries zero bytes in ignored")
                .requires("B1-PING-05", "B1-PING-06")
                .should().allow(Outcome.CONFORMS)
                .body(PingCases::pongZeros));
        cases.add(CaseBuilder.of("bolt01/ping/pipelined")
                .title("Ten pings sent back to back are answered in order, each with its own length")
                .requires("B1-PING-07")
                .must().allow(Outcome.CONFORMS)
                .body(PingCases::pipelined));
        cases.add(CaseBuilder.of("bolt01/ping/unsolicited-pong")
                .title("A pong that answers no ping may close the connection, but must not leave a zombie")
                .requires("B1-PING-09", "LNC-ROBUST-04")
                .may().anythingButSilent()
                .body(PingCases::unsolicitedPong));
        return cases;
    }

    private static Evidence answered(CaseContext ctx, int numPongBytes, int byteslen) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(numPongBytes, byteslen));
        PongWait w = ctx.oracle().nextPong(s);
        Pong p = w.pong();
        if (p == null) {
            return Evidence.violates("no pong arrived: " + w.why());
        }
        return p.byteslen() == numPongBytes
                ? Evidence.conforms("pong with " + p.byteslen() + " bytes")
                : Evidence.violates("pong with " + p.byteslen() + " bytes, expected " + numPongBytes);
    }

    /** B1-PING-08: the oversize ping must be ignored; any pong to it, warning, error or close fails. */
    private static Evidence ignored(CaseContext ctx, int numPongBytes) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(numPongBytes, 0));
        return ctx.oracle().expectIgnored(s);
    }

    private static Evidence pongZeros(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        s.send(Ping.of(64, 0));
        PongWait w = ctx.oracle().nextPong(s);
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
            PongWait w = ctx.oracle().nextPong(s);
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
        return ctx.oracle().followUp(s);
    }
}
