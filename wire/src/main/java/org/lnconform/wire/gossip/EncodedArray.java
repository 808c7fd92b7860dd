package org.lnconform.wire.gossip;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;

/**
 * The {@code encoded_} prefix of BOLT 7 (07-routing-gossip.md, Query Messages): one encoding
 * byte, then the array, raw (0) or zlib-compressed (1, deprecated). This class turns such a
 * field into the bytes of its array and back; what the array holds is for the caller.
 */
public final class EncodedArray {

    /**
     * The most bytes a zlib array may inflate to: 65536 eight-byte entries, more than any
     * 65535-byte message can name uncompressed. Beyond this, the input is refused rather than
     * inflated (a compressed "bomb" must not grow without bound on our side).
     */
    public static final int MAX_INFLATED = 8 * 65536;

    static final String RULE = "BOLT 7, Query Messages: an encoded_ array is an encoding byte (0 uncompressed;"
            + " 1 was zlib, now deprecated) followed by the array";

    private EncodedArray() {
    }

    /** The array's bytes, after the encoding byte, inflated if zlib; typed failures name the field and byte. */
    public static Decoded decode(Bytes encoded, String field) throws WireException {
        if (encoded.isEmpty()) {
            throw new WireException(DecodeError.SHORT_READ, 0, field + ".encoding_type",
                    "no encoding byte", RULE, null);
        }
        int code = encoded.getUnsigned(0);
        EncodingType type = EncodingType.of(code).orElseThrow(() -> new WireException(DecodeError.BAD_FIELD_VALUE,
                0, field + ".encoding_type", "unknown encoding type " + code, RULE, null));
        Bytes body = encoded.slice(1, encoded.size());
        return new Decoded(type, type == EncodingType.ZLIB ? inflate(body, field) : body);
    }

    /** An encoding byte and the array's bytes; ZLIB compresses them (only to test a receiver: senders must not). */
    public static Bytes encode(EncodingType type, Bytes array) {
        byte[] prefix = {(byte) type.code()};
        return Bytes.of(prefix).concat(type == EncodingType.ZLIB ? deflate(array) : array);
    }

    /** What an encoded array held: its encoding and the raw array bytes. */
    public record Decoded(EncodingType encoding, Bytes array) {
    }

    private static Bytes inflate(Bytes compressed, String field) throws WireException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed.toByteArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED, 4 * compressed.size() + 64));
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new WireException(DecodeError.BAD_FIELD_VALUE, 1 + (int) inflater.getBytesRead(), field,
                            "zlib stream ends before its end marker", RULE, null);
                }
                if (out.size() + n > MAX_INFLATED) {
                    throw new WireException(DecodeError.BAD_FIELD_VALUE, 1 + (int) inflater.getBytesRead(), field,
                            "zlib array inflates to over " + MAX_INFLATED + " bytes", RULE, null);
                }
                out.write(chunk, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new WireException(DecodeError.TRAILING_BYTES, 1 + compressed.size() - inflater.getRemaining(),
                        field, inflater.getRemaining() + " bytes after the zlib stream", RULE, null);
            }
            return Bytes.of(out.toByteArray());
        } catch (DataFormatException e) {
            throw new WireException(DecodeError.BAD_FIELD_VALUE, 1 + (int) inflater.getBytesRead(), field,
                    "not a zlib stream: " + e.getMessage(), RULE, e);
        } finally {
            inflater.end();
        }
    }

    private static Bytes deflate(Bytes array) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(array.toByteArray());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return Bytes.of(out.toByteArray());
        } finally {
            deflater.end();
        }
    }
}
