package org.lnconform.peer;

/**
 * Plaintext bytes sent as one transport message exactly as given (type prefix included), with no
 * encoding or checks: how the node's overrides, probes and tests put malformed bytes on the wire.
 */
public record RawMessage(byte[] plaintext) {
    public RawMessage {
        plaintext = plaintext.clone();
    }
}
