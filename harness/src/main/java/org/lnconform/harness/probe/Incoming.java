package org.lnconform.harness.probe;

import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessage;

/** What a bounded read of one transport message got. */
public sealed interface Incoming {

    /** A message arrived; {@code decoded} is null if our codec rejected it ({@code error} says why). */
    record Message(int type, byte[] plaintext, LightningMessage decoded, WireException error) implements Incoming {}

    /** The node closed the connection. */
    record Closed(boolean reset) implements Incoming {}

    /** Nothing arrived within the bound and the connection is still open. */
    record Silent(int partialBytes) implements Incoming {}

    /**
     * The node sent a frame that failed decryption: a transport violation by the node (BOLT 8),
     * with the raw bytes that failed ({@code raw}: the 18-byte header, or header and body).
     */
    record BadFrame(String detail, byte[] raw) implements Incoming {}
}
