package org.lnconform.harness.model;

/**
 * What the node did in response to a case's action, as the oracle observed it on the wire.
 * Closed and silent are always told apart: a follow-up ping or a bounded read decides.
 */
public enum Outcome {
    /** The node closed the connection without sending error or warning. */
    CLOSED("closed the connection"),
    /** The node sent error or warning, then closed. */
    ERROR_THEN_CLOSED("sent error/warning, then closed"),
    /** The node ignored the input and still answers a follow-up ping. */
    STAYED_UP("ignored it and stayed responsive"),
    /** The node sent error or warning and still answers a follow-up ping. */
    WARNED_STAYED_UP("sent error/warning and stayed responsive"),
    /** Neither closed nor answered within the bound: a zombie connection. */
    SILENT("neither closed nor answered (zombie)"),
    /** The node carried on with the handshake or protocol as if the input were valid. */
    PROCEEDED("carried on as if the input were valid"),
    /**
     * The node went on as if the input were valid, then failed what it had started at its next
     * step, before anything could come of it (e.g. accept_channel, then an error on our
     * funding_created and no funding_signed).
     */
    FAILED_LATE("carried on, then failed it at the next step"),
    /** The node sent an error with an all-zero channel_id, failing all its channels with us, not the one named. */
    ALL_CHANNELS_FAILED("failed all channels (an error with an all-zero channel_id)"),
    /** What the node sent or did meets the requirement. */
    CONFORMS("behaved as the requirement says"),
    /** What the node sent or did breaks the requirement. */
    VIOLATES("broke the requirement"),
    /**
     * The node sent a frame that failed decryption: a BOLT 8 violation of its own (B8-MSG-02,
     * B8-MSG-03), whatever the case checks. Never allowed; always FAIL.
     */
    GARBLED("sent a frame that failed decryption");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
