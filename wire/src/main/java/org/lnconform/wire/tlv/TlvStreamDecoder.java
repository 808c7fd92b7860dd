package org.lnconform.wire.tlv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;

/** The receiving-node rules of BOLT 1, Type-Length-Value Format, in the order the spec lists them. */
final class TlvStreamDecoder {

    private static final String TRUNCATED_RULE =
            "BOLT 1, Type-Length-Value Format: a record needs a whole BigSize type and length";

    private TlvStreamDecoder() {
    }

    static List<TlvRecord> decode(WireReader in, TlvNamespace namespace) throws WireException {
        String ns = namespace.name();
        List<TlvRecord> out = new ArrayList<>();
        long previous = 0;
        // B1-TLV-08: the stream ends exactly where the input ends.
        while (in.hasRemaining()) {
            int typeAt = in.position();
            long type = bigSize(in, ns + ".type");
            Optional<TlvField<?>> known = namespace.field(type);
            String label = ns + "." + known.map(TlvField::name).orElse("type_" + Long.toUnsignedString(type));
            int lengthAt = in.position();
            long length = bigSize(in, label + ".length");

            // B1-TLV-10: strictly increasing types, hence no repeats.
            if (!out.isEmpty()) {
                int order = Long.compareUnsigned(type, previous);
                if (order == 0) {
                    throw new WireException(DecodeError.TLV_DUPLICATE, typeAt, label,
                            "type " + Long.toUnsignedString(type) + " appears twice");
                }
                if (order < 0) {
                    throw new WireException(DecodeError.TLV_OUT_OF_ORDER, typeAt, label,
                            "type " + Long.toUnsignedString(type) + " follows type " + Long.toUnsignedString(previous));
                }
            }
            // B1-TLV-11: the value must fit in what is left.
            if (Long.compareUnsigned(length, in.remaining()) > 0) {
                throw new WireException(DecodeError.TLV_LENGTH_EXCEEDS, lengthAt, label + ".length",
                        "length " + Long.toUnsignedString(length) + " but " + in.remaining() + " bytes remain");
            }
            WireReader value = in.limited((int) length, label);
            if (known.isPresent()) {
                readValue(known.get(), value.duplicate(), label);
            } else if ((type & 1) == 0) {
                // B1-TLV-15: an unknown even type fails the whole stream; B1-TLV-16: odd ones are skipped.
                throw new WireException(DecodeError.TLV_UNKNOWN_EVEN, typeAt, label,
                        "even type " + Long.toUnsignedString(type) + " is not known in " + ns);
            }
            out.add(new TlvRecord(type, value.remainingBytes(label)));
            previous = type;
        }
        return out;
    }

    private static long bigSize(WireReader in, String field) throws WireException {
        try {
            return in.bigSize(field);
        } catch (WireException e) {
            if (e.kind() != DecodeError.SHORT_READ) {
                throw e;
            }
            throw e.reframe(DecodeError.SHORT_READ, field, "truncated BigSize: " + e.detail(), TRUNCATED_RULE);
        }
    }

    /**
     * B1-TLV-12..14: a known value is read with its encoding and must use exactly its length;
     * a short read inside the value means the length is too small for the encoding.
     */
    static <T> T readValue(TlvField<T> field, WireReader value, String label) throws WireException {
        T result;
        try {
            result = field.read(value);
        } catch (WireException e) {
            String where = e.field().equals(field.name()) ? label : label + "." + e.field();
            if (e.kind() == DecodeError.SHORT_READ) {
                throw e.reframe(DecodeError.TLV_BAD_VALUE_LENGTH, where,
                        "length is less than the encoding needs: " + e.detail(), DecodeError.TLV_BAD_VALUE_LENGTH.rule());
            }
            throw e.reframe(e.kind(), where, e.detail(), e.rule());
        }
        if (value.hasRemaining()) {
            throw new WireException(DecodeError.TLV_BAD_VALUE_LENGTH, value.position(), label,
                    "length is greater than the encoding needs: " + value.remaining() + " bytes left over");
        }
        return result;
    }
}
