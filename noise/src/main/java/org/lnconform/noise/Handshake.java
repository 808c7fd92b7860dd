package org.lnconform.noise;

import org.lnconform.noise.crypto.CryptoProvider;

/**
 * Entry points of BOLT 8's Noise_XK handshake. It does no I/O: each state takes the bytes of
 * the peer's act and returns the bytes of ours plus the next state, until a {@link Session}.
 *
 * <pre>
 * initiator: Handshake.initiator(..).actOne() → AwaitingActTwo.readActTwo(act2) → ActThree(bytes, session)
 * responder: Handshake.responder(..).readActOne(act1) → ActTwo(bytes, AwaitingActThree) → readActThree(act3) → session
 * </pre>
 *
 * Every state can be used once; a failed act leaves nothing usable behind.
 */
public final class Handshake {

    /** Length of Act One and Act Two: version, 33-byte key, 16-byte tag. */
    public static final int ACT_ONE_LENGTH = 50;
    /** Length of Act Two. */
    public static final int ACT_TWO_LENGTH = 50;
    /** Length of Act Three: version, 49-byte encrypted static key, 16-byte tag. */
    public static final int ACT_THREE_LENGTH = 66;

    private Handshake() {}

    /** The initiator's first state: it knows the responder's static key {@code remoteStatic}. */
    public static InitiatorStart initiator(NodeKey local, byte[] remoteStatic, CryptoProvider crypto,
            EphemeralKeys ephemeral) {
        return new InitiatorStart(local, remoteStatic.clone(), crypto, ephemeral);
    }

    /** As above with the default crypto and a CSPRNG ephemeral key. */
    public static InitiatorStart initiator(NodeKey local, byte[] remoteStatic) {
        return initiator(local, remoteStatic, CryptoProvider.defaults(), EphemeralKeys.secureRandom());
    }

    /** The responder's first state: it waits for Act One. */
    public static AwaitingActOne responder(NodeKey local, CryptoProvider crypto, EphemeralKeys ephemeral) {
        return new AwaitingActOne(local, crypto, ephemeral);
    }

    /** As above with the default crypto and a CSPRNG ephemeral key. */
    public static AwaitingActOne responder(NodeKey local) {
        return responder(local, CryptoProvider.defaults(), EphemeralKeys.secureRandom());
    }
}
