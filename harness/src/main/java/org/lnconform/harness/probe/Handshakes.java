package org.lnconform.harness.probe;

import java.util.function.UnaryOperator;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.crypto.CryptoProvider;

/** Drives BOLT 8 as the initiator over a probe connection, optionally tampering with an act. */
public final class Handshakes {

    private Handshakes() {}

    /** Result of driving the acts: a session, or what the node did instead. */
    public sealed interface Result {
        record Done(ProbeSession session) implements Result {}

        /** The node's Act Two did not arrive as 50 bytes: it closed or stayed silent. */
        record NoActTwo(ReadResult read) implements Result {}

        /** The node's Act Two arrived but our side rejected it (a node bug). */
        record BadActTwo(HandshakeException error, byte[] act) implements Result {}
    }

    /** How to alter our acts. */
    public record Tamper(UnaryOperator<byte[]> actOne, byte[] presentedStatic, UnaryOperator<byte[]> actThree) {
        public static final Tamper NONE = new Tamper(UnaryOperator.identity(), null, UnaryOperator.identity());

        public static Tamper actOne(UnaryOperator<byte[]> f) {
            return new Tamper(f, null, UnaryOperator.identity());
        }

        public static Tamper actThree(UnaryOperator<byte[]> f) {
            return new Tamper(UnaryOperator.identity(), null, f);
        }

        public static Tamper presentStatic(byte[] key) {
            return new Tamper(UnaryOperator.identity(), key, UnaryOperator.identity());
        }
    }

    /** Acts one to three against a responder whose static key is {@code nodeKey}. */
    public static Result initiate(ProbeConnection c, NodeKey ours, byte[] nodeKey, Tamper tamper, Bounds bounds) {
        InitiatorStart start = Handshake.initiator(ours, nodeKey, CryptoProvider.defaults(), EphemeralKeys.secureRandom());
        InitiatorStart.ActOne one = start.actOne();
        byte[] act1 = tamper.actOne().apply(one.bytes());
        if (!c.send(act1, "act1", "Act One, version " + (act1[0] & 0xff) + (act1 == one.bytes() ? "" : " (altered)"))) {
            return new Result.NoActTwo(new ReadResult.Closed(new byte[0], true));
        }
        ReadResult r = c.readExactly(Handshake.ACT_TWO_LENGTH, bounds.act());
        if (!(r instanceof ReadResult.Data d)) {
            return new Result.NoActTwo(r);
        }
        c.trace().received("act2", d.bytes(), "Act Two, version " + (d.bytes()[0] & 0xff));
        AwaitingActTwo.ActThree three;
        try {
            three = tamper.presentedStatic() == null ? one.next().readActTwo(d.bytes())
                    : one.next().readActTwo(d.bytes(), tamper.presentedStatic());
        } catch (HandshakeException e) {
            c.trace().note("bad-act2", e.getMessage());
            return new Result.BadActTwo(e, d.bytes());
        }
        byte[] act3 = tamper.actThree().apply(three.bytes());
        c.send(act3, "act3", "Act Three, version " + (act3[0] & 0xff)
                + (act3 == three.bytes() && tamper.presentedStatic() == null ? "" : " (altered)"));
        return new Result.Done(new ProbeSession(c, three.session()));
    }

    /** What the acts came to, in words: for evidence and ERROR causes. */
    public static String describe(Result r) {
        if (r instanceof Result.Done) {
            return "the handshake completed";
        }
        if (r instanceof Result.BadActTwo b) {
            return "the node's Act Two was not valid: " + b.error().getMessage();
        }
        return "no Act Two: " + WireText.read(((Result.NoActTwo) r).read());
    }

    /** Flips one bit of byte {@code index}. */
    public static UnaryOperator<byte[]> flip(int index) {
        return b -> {
            byte[] x = b.clone();
            x[index] ^= 0x01;
            return x;
        };
    }

    /** Sets byte {@code index} to {@code value}. */
    public static UnaryOperator<byte[]> setByte(int index, int value) {
        return b -> {
            byte[] x = b.clone();
            x[index] = (byte) value;
            return x;
        };
    }
}
