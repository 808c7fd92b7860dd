package org.lnconform.harness.probe;

import java.util.function.UnaryOperator;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActThree;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;

/** Drives BOLT 8 as the responder on a connection the node opened, optionally tampering with Act Two. */
public final class Responder {

    private Responder() {}

    /** What happened. */
    public sealed interface Result {
        /** The node's Act One did not arrive in full. */
        record NoActOne(ReadResult read) implements Result {}

        /** The node's Act One was rejected by our checks. */
        record BadActOne(byte[] act, HandshakeException error) implements Result {}

        /** Act Two sent; the node's reaction to it is in {@code afterActTwo}. */
        record ActTwoSent(byte[] actOne, AwaitingActThree next) implements Result {}
    }

    /** What the node's Act One came to, in words. */
    public static String describe(Result r) {
        if (r instanceof Result.NoActOne n) {
            return "no complete Act One: " + WireText.read(n.read());
        }
        if (r instanceof Result.BadActOne b) {
            return "the node's Act One (" + WireText.hex(b.act()) + ") failed: " + b.error().getMessage();
        }
        return "Act Two sent";
    }

    /** Reads Act One, answers with Act Two (altered by {@code tamper}). */
    public static Result actOneAndTwo(ProbeConnection c, NodeKey ours, UnaryOperator<byte[]> tamper, Bounds bounds) {
        ReadResult r = c.readExactly(Handshake.ACT_ONE_LENGTH, bounds.act());
        if (!(r instanceof ReadResult.Data d)) {
            return new Result.NoActOne(r);
        }
        c.trace().received("act1", d.bytes(), "Act One, version " + (d.bytes()[0] & 0xff));
        AwaitingActOne start = Handshake.responder(ours, CryptoProvider.defaults(), EphemeralKeys.secureRandom());
        AwaitingActOne.ActTwo two;
        try {
            two = start.readActOne(d.bytes());
        } catch (HandshakeException e) {
            c.trace().note("bad-act1", e.getMessage());
            return new Result.BadActOne(d.bytes(), e);
        }
        byte[] act2 = tamper.apply(two.bytes());
        c.send(act2, "act2", "Act Two, version " + (act2[0] & 0xff) + (act2 == two.bytes() ? "" : " (altered)"));
        return new Result.ActTwoSent(d.bytes(), two.next());
    }

    /** Reads and checks the node's Act Three. */
    public static Session actThree(ProbeConnection c, AwaitingActThree next, Bounds bounds) throws HandshakeException {
        ReadResult r = c.readExactly(Handshake.ACT_THREE_LENGTH, bounds.act());
        byte[] act3 = r instanceof ReadResult.Data d ? d.bytes()
                : r instanceof ReadResult.Closed cl ? cl.partial() : ((ReadResult.Silent) r).partial();
        c.trace().received("act3", act3, act3.length == 66 ? "Act Three, version " + (act3[0] & 0xff)
                : "only " + act3.length + " bytes of Act Three");
        return next.readActThree(act3);
    }
}
