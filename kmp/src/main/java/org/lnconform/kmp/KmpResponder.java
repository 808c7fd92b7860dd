package org.lnconform.kmp;

import fr.acinq.lightning.crypto.noise.CipherState;
import fr.acinq.lightning.crypto.noise.HandshakeStateReader;
import fr.acinq.lightning.crypto.noise.HandshakeStateWriter;
import kotlin.Pair;
import kotlin.Triple;

/**
 * The responder side of lightning-kmp's BOLT 8 handshake: Act One in, Act Two out, Act Three
 * in. Each step may be taken once, in order.
 */
public final class KmpResponder {

    private HandshakeStateReader awaitingActOne;
    private HandshakeStateReader awaitingActThree;

    KmpResponder(byte[] localStaticPrivateKey, byte[] ephemeralPrivateKey) {
        Pair<byte[], byte[]> local = KmpNoise.keyPair(localStaticPrivateKey);
        this.awaitingActOne = KmpNoise.newReader(local, ephemeralPrivateKey);
    }

    /** Act One in, Act Two out: returns Act Two's 50 bytes. */
    public byte[] readActOne(byte[] actOne) throws KmpException {
        HandshakeStateReader reader = awaitingActOne;
        if (reader == null) {
            throw new IllegalStateException("Act One is read once, first");
        }
        awaitingActOne = null;
        byte[] body = KmpNoise.unframe(actOne, KmpNoise.ACT_ONE_LENGTH, "Act One");
        try {
            HandshakeStateWriter writer = reader.read(body).getFirst();
            Triple<HandshakeStateReader, byte[], ?> out = writer.write(new byte[0]);
            awaitingActThree = out.getFirst();
            return KmpNoise.frame(out.getSecond());
        } catch (RuntimeException e) {
            throw new KmpException("Act One rejected", e);
        }
    }

    /** Act Three in: authenticates the initiator and returns the transport. */
    public KmpTransport readActThree(byte[] actThree) throws KmpException {
        HandshakeStateReader reader = awaitingActThree;
        if (reader == null) {
            throw new IllegalStateException("Act Three is read once, after Act One");
        }
        awaitingActThree = null;
        byte[] body = KmpNoise.unframe(actThree, KmpNoise.ACT_THREE_LENGTH, "Act Three");
        try {
            Triple<HandshakeStateWriter, byte[], Triple<CipherState, CipherState, byte[]>> out = reader.read(body);
            HandshakeStateWriter done = out.getFirst();
            Triple<CipherState, CipherState, byte[]> split = out.getThird();
            // Noise Split(): the responder receives with the first key and sends with the second.
            return new KmpTransport(split.getSecond(), split.getFirst(), split.getThird(), done.getRs(),
                    done.getState().getH());
        } catch (RuntimeException e) {
            throw new KmpException("Act Three rejected", e);
        }
    }
}
