package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;

/** Decodes and encodes whole BOLT 1 messages with the {@linkplain MessageRegistry#standard() standard registry}. */
public final class LightningMessageCodec {

    private LightningMessageCodec() {
    }

    /** A decrypted message: 2-byte big-endian type, payload, optional extension. */
    public static LightningMessage decode(byte[] message) throws WireException {
        return MessageRegistry.standard().decode(message);
    }

    public static LightningMessage decode(Bytes message) throws WireException {
        return MessageRegistry.standard().decode(message);
    }

    public static byte[] encode(LightningMessage message) {
        return MessageRegistry.standard().encode(message);
    }

    public static Bytes encodeToBytes(LightningMessage message) {
        return Bytes.of(encode(message));
    }
}
