package org.lnconform.kmp;

import fr.acinq.lightning.crypto.noise.CipherState;
import fr.acinq.lightning.crypto.noise.HandshakeStateReader;
import fr.acinq.lightning.crypto.noise.HandshakeStateWriter;
import kotlin.Pair;
import kotlin.Triple;

/**
 * The initiator side of lightning-kmp's BOLT 8 handshake, as its {@code Peer} runs it: Act One
 * out, Act Two in, Act Three out. Each step may be taken once, in order.
 */
public final class KmpInitiator {

    private final byte[] remoteStatic;
    private HandshakeStateWriter writer;
    private HandshakeStateReader awaitingActTwo;

    KmpInitiator(byte[] localStaticPrivateKey, byte[] remoteStaticPublicKey, byte[] ephemeralPrivateKey) {
        Pair<byte[], byte[]> local = KmpNoise.keyPair(localStaticPrivateKey);
        this.remoteStatic = remoteStaticPublicKey.clone();
        this.writer = KmpNoise.newWriter(local, remoteStatic, ephemeralPrivateKey);
    }

    /** Act One: the 50 bytes to send. */
    public byte[] actOne() {
        if (writer == null) {
            throw new IllegalStateException("Act One was already written");
        }
        Triple<HandshakeStateReader, byte[], ?> out = writer.write(new byte[0]);
        writer = null;
        awaitingActTwo = out.getFirst();
        return KmpNoise.frame(out.getSecond());
    }

    /** Act Two in, Act Three out: returns Act Three's 66 bytes and the transport. */
    public ActThree readActTwo(byte[] actTwo) throws KmpException {
        HandshakeStateReader reader = awaitingActTwo;
        if (reader == null) {
            throw new IllegalStateException("Act Two is read once, after Act One");
        }
        awaitingActTwo = null;
        byte[] body = KmpNoise.unframe(actTwo, KmpNoise.ACT_TWO_LENGTH, "Act Two");
        try {
            HandshakeStateWriter next = reader.read(body).getFirst();
            Triple<HandshakeStateReader, byte[], Triple<CipherState, CipherState, byte[]>> out =
                    next.write(new byte[0]);
            Triple<CipherState, CipherState, byte[]> split = out.getThird();
            // Noise Split(): the initiator sends with the first key and receives with the second.
            KmpTransport transport = new KmpTransport(split.getFirst(), split.getSecond(), split.getThird(),
                    remoteStatic, out.getFirst().getState().getH());
            return new ActThree(KmpNoise.frame(out.getSecond()), transport);
        } catch (RuntimeException e) {
            throw new KmpException("Act Two rejected", e);
        }
    }

    /** Act Three's bytes and the finished transport. */
    public record ActThree(byte[] bytes, KmpTransport transport) {}
}
