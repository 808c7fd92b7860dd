package org.lnconform.noise;

/** Why the BOLT 8 transport refused to encrypt or decrypt. */
public enum TransportError {
    /** The 18-byte encrypted length header did not authenticate. */
    BAD_LENGTH_TAG,
    /** The message body's tag did not authenticate. */
    BAD_BODY_TAG,
    /** A message longer than 65535 bytes was offered for sending. */
    MESSAGE_TOO_LONG,
    /** Fewer bytes than the header or the announced body were supplied. */
    SHORT_READ,
    /** Calls out of order: a body without a header, or a header while a body is due. */
    OUT_OF_ORDER,
    /** A previous error: the decryptor stays failed, as the connection must be closed. */
    FAILED_EARLIER
}
