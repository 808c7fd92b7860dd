package org.lnconform.wire.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * {@code encoded_short_ids} of query_short_channel_ids and reply_channel_range (BOLT 7, Query
 * Messages): an encoding byte and a whole number of 8-byte {@code short_channel_id}s.
 */
public record EncodedShortIds(EncodingType encoding, List<ShortChannelId> ids) {

    static final String WHOLE_RULE = "BOLT 7, query_short_channel_ids: encoded_short_ids must hold a whole number"
            + " of short_channel_ids (receiver MAY warn or close otherwise)";

    public EncodedShortIds {
        Objects.requireNonNull(encoding, "encoding");
        ids = List.copyOf(ids);
    }

    /** The encoding senders must use: uncompressed. */
    public static EncodedShortIds uncompressed(List<ShortChannelId> ids) {
        return new EncodedShortIds(EncodingType.UNCOMPRESSED, ids);
    }

    public static EncodedShortIds decode(Bytes encoded, String field) throws WireException {
        EncodedArray.Decoded d = EncodedArray.decode(encoded, field);
        Bytes array = d.array();
        if (array.size() % 8 != 0) {
            // the offset is exact only for the uncompressed encoding; for zlib it is where the array starts
            int at = d.encoding() == EncodingType.UNCOMPRESSED ? 1 + array.size() - array.size() % 8 : 1;
            throw new WireException(DecodeError.BAD_FIELD_VALUE, at, field,
                    array.size() + " bytes is not a whole number of 8-byte short_channel_ids", WHOLE_RULE, null);
        }
        WireReader in = new WireReader(array);
        List<ShortChannelId> ids = new ArrayList<>(array.size() / 8);
        while (in.hasRemaining()) {
            ids.add(in.shortChannelId(field));
        }
        return new EncodedShortIds(d.encoding(), ids);
    }

    public Bytes encode() {
        WireWriter out = new WireWriter();
        ids.forEach(out::shortChannelId);
        return EncodedArray.encode(encoding, out.toBytes());
    }

    /** BOLT 7, encoding 0: ids in ascending order (strictly, as a set has no repeats). */
    public boolean ascending() {
        for (int i = 1; i < ids.size(); i++) {
            if (Long.compareUnsigned(ids.get(i - 1).toLong(), ids.get(i).toLong()) >= 0) {
                return false;
            }
        }
        return true;
    }
}
