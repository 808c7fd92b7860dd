package org.lnconform.wire.gossip;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;

/**
 * The TLV namespaces of BOLT 7's query messages (07-routing-gossip.md, Query Messages). Values
 * that start with an encoding byte are kept whole, since BOLT 7 lets a receiver choose what to do
 * with an unknown encoding (warn, close, or neither); {@link QueryFlags} and
 * {@link ChannelUpdateTimestamps.Encoded} read them.
 */
public final class QueryTlvs {

    /** query_short_channel_ids type 1: encoding_type, encoded_query_flags. */
    public static final TlvField<Bytes> QUERY_FLAGS = encodedArray(1, "query_flags");

    /** query_channel_range type 1: a minimally encoded bigsize bitfield (bit 0 timestamps, bit 1 checksums). */
    public static final TlvField<Long> QUERY_OPTION = TlvField.of(1, "query_option",
            r -> r.bigSize("query_option.query_option_flags"), (w, v) -> w.bigSize(v));

    /** reply_channel_range type 1: encoding_type, encoded_timestamps. */
    public static final TlvField<Bytes> TIMESTAMPS = encodedArray(1, "timestamps_tlv");

    /** reply_channel_range type 3: 8 bytes of checksums per channel, never compressed. */
    public static final TlvField<List<ChannelUpdateChecksums>> CHECKSUMS = TlvField.of(3, "checksums_tlv",
            QueryTlvs::readChecksums,
            (w, list) -> list.forEach(c -> w.u32(c.checksumNodeId1()).u32(c.checksumNodeId2())));

    /** Bit 0 of query_option_flags: the sender wants timestamps. */
    public static final long WANT_TIMESTAMPS = 1;
    /** Bit 1 of query_option_flags: the sender wants checksums. */
    public static final long WANT_CHECKSUMS = 2;

    public static final TlvNamespace QUERY_SHORT_CHANNEL_IDS = TlvNamespace.of("query_short_channel_ids_tlvs", QUERY_FLAGS);
    public static final TlvNamespace QUERY_CHANNEL_RANGE = TlvNamespace.of("query_channel_range_tlvs", QUERY_OPTION);
    public static final TlvNamespace REPLY_CHANNEL_RANGE = TlvNamespace.of("reply_channel_range_tlvs", TIMESTAMPS, CHECKSUMS);

    private QueryTlvs() {
    }

    /** An encoding byte and any bytes after it; only a missing encoding byte is a bad length. */
    private static TlvField<Bytes> encodedArray(long type, String name) {
        return TlvField.of(type, name, r -> {
            if (!r.hasRemaining()) {
                throw new WireException(DecodeError.TLV_BAD_VALUE_LENGTH, r.position(), name,
                        "no encoding_type byte");
            }
            return r.remainingBytes(name);
        }, (w, v) -> w.bytes(v));
    }

    private static List<ChannelUpdateChecksums> readChecksums(WireReader r) throws WireException {
        if (r.remaining() % 8 != 0) {
            throw new WireException(DecodeError.TLV_BAD_VALUE_LENGTH, r.position(), "checksums_tlv",
                    r.remaining() + " bytes is not a whole number of 8-byte checksum pairs");
        }
        List<ChannelUpdateChecksums> out = new ArrayList<>(r.remaining() / 8);
        while (r.hasRemaining()) {
            out.add(new ChannelUpdateChecksums(r.u32("checksums_tlv"), r.u32("checksums_tlv")));
        }
        return List.copyOf(out);
    }
}
