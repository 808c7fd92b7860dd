package org.lnconform.noise;

/**
 * Why a BOLT 8 handshake failed. The names are the error tokens of BOLT 8's Appendix A test
 * vectors ({@code ACT1_BAD_VERSION} …), so a failing vector names the constant it expects.
 */
public enum HandshakeError {
    /** Act One was not exactly 50 bytes. */
    ACT1_READ_FAILED(1),
    /** Act One's version byte was not 0. */
    ACT1_BAD_VERSION(1),
    /** Act One's ephemeral key is not a valid compressed secp256k1 point. */
    ACT1_BAD_PUBKEY(1),
    /** Act One's tag did not authenticate. */
    ACT1_BAD_TAG(1),
    /** Act Two was not exactly 50 bytes. */
    ACT2_READ_FAILED(2),
    /** Act Two's version byte was not 0. */
    ACT2_BAD_VERSION(2),
    /** Act Two's ephemeral key is not a valid compressed point. */
    ACT2_BAD_PUBKEY(2),
    /** Act Two's tag did not authenticate. */
    ACT2_BAD_TAG(2),
    /** Act Three was not exactly 66 bytes. */
    ACT3_READ_FAILED(3),
    /** Act Three's version byte was not 0. */
    ACT3_BAD_VERSION(3),
    /** Act Three's encrypted static key did not authenticate. */
    ACT3_BAD_CIPHERTEXT(3),
    /** Act Three's decrypted static key is not a valid compressed point. */
    ACT3_BAD_PUBKEY(3),
    /** Act Three's final tag did not authenticate. */
    ACT3_BAD_TAG(3);

    private final int act;

    HandshakeError(int act) {
        this.act = act;
    }

    /** The act (1, 2 or 3) this error belongs to. */
    public int act() {
        return act;
    }
}
