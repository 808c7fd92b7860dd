package org.lnconform.peer.pipeline;

import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessage;

/**
 * One received message as {@link MessageDecoder} read it: its plaintext (type included) and the
 * decoded message, or the typed error that kept it from decoding. What to do with bytes that do
 * not decode is BOLT 1's receiver rules, so the decoder passes them on instead of closing.
 */
public sealed interface Inbound {

    /** The plaintext of the transport message, type included. Not to be modified. */
    byte[] plaintext();

    record Decoded(byte[] plaintext, LightningMessage message) implements Inbound {}

    record Undecodable(byte[] plaintext, WireException error) implements Inbound {}
}
