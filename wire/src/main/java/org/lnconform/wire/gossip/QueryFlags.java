package org.lnconform.wire.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * The {@code query_flags} TLV of query_short_channel_ids (BOLT 7): an encoding byte and one
 * minimally encoded bigsize bitfield per {@code short_channel_id}.
 */
public record QueryFlags(EncodingType encoding, List<Long> flags) {

    /** Bit 0: the sender wants the channel_announcement. */
    public static final long WANT_CHANNEL_ANNOUNCEMENT = 1;
    /** Bit 1: the channel_update for node 1. */
    public static final long WANT_UPDATE_1 = 1 << 1;
    /** Bit 2: the channel_update for node 2. */
    public static final long WANT_UPDATE_2 = 1 << 2;
    /** Bit 3: the node_announcement for node 1. */
    public static final long WANT_NODE_1 = 1 << 3;
    /** Bit 4: the node_announcement for node 2. */
    public static final long WANT_NODE_2 = 1 << 4;

    public QueryFlags {
        Objects.requireNonNull(encoding, "encoding");
        flags = List.copyOf(flags);
    }

    public static QueryFlags uncompressed(List<Long> flags) {
        return new QueryFlags(EncodingType.UNCOMPRESSED, flags);
    }

    /** The TLV value: encoding byte, then the bigsizes; non-minimal bigsizes are refused. */
    public static QueryFlags decode(Bytes value, String field) throws WireException {
        EncodedArray.Decoded d = EncodedArray.decode(value, field);
        WireReader in = new WireReader(d.array());
        List<Long> flags = new ArrayList<>();
        while (in.hasRemaining()) {
            flags.add(in.bigSize(field + ".encoded_query_flags"));
        }
        return new QueryFlags(d.encoding(), flags);
    }

    public Bytes encode() {
        WireWriter out = new WireWriter();
        flags.forEach(out::bigSize);
        return EncodedArray.encode(encoding, out.toBytes());
    }
}
