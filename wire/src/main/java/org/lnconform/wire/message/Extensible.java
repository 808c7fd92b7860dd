package org.lnconform.wire.message;

import org.lnconform.wire.tlv.TlvStream;

/**
 * A message whose payload ends in an extension TLV stream (BOLT 1, Lightning Message Format:
 * B1-MSG-13/14/15). The stream holds the known records of the message's namespace and any
 * unknown odd ones the sender added.
 */
public interface Extensible {

    /** The extension, possibly empty. */
    TlvStream tlvs();
}
