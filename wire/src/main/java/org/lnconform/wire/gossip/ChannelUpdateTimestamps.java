package org.lnconform.wire.gossip;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * BOLT 7 subtype {@code channel_update_timestamps}: the timestamps of the two channel_updates of
 * one channel (0 where there is none), as sent in reply_channel_range's {@code timestamps_tlv}.
 */
public record ChannelUpdateTimestamps(long timestampNodeId1, long timestampNodeId2) {

    /** {@code timestamps_tlv}'s value: an encoding byte and 8 bytes per channel. */
    public record Encoded(EncodingType encoding, List<ChannelUpdateTimestamps> timestamps) {

        public Encoded {
            timestamps = List.copyOf(timestamps);
        }

        public static Encoded decode(Bytes value, String field) throws WireException {
            EncodedArray.Decoded d = EncodedArray.decode(value, field);
            if (d.array().size() % 8 != 0) {
                throw new WireException(DecodeError.BAD_FIELD_VALUE, 1, field + ".encoded_timestamps",
                        d.array().size() + " bytes is not a whole number of 8-byte timestamp pairs",
                        EncodedArray.RULE, null);
            }
            WireReader in = new WireReader(d.array());
            List<ChannelUpdateTimestamps> out = new ArrayList<>();
            while (in.hasRemaining()) {
                out.add(new ChannelUpdateTimestamps(in.u32(field), in.u32(field)));
            }
            return new Encoded(d.encoding(), out);
        }

        public Bytes encode() {
            WireWriter out = new WireWriter();
            timestamps.forEach(t -> out.u32(t.timestampNodeId1()).u32(t.timestampNodeId2()));
            return EncodedArray.encode(encoding, out.toBytes());
        }
    }
}
