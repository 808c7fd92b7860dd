package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.ChannelUpdateTimestamps;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.gossip.QueryFlags;

/**
 * BOLT 7's {@code encoded_} arrays of arbitrary bytes, read as short_channel_ids, query flags and
 * timestamps: only {@link WireException} (offset inside the input), allocation bounded even for
 * zlib (the inflated size is capped), and what is accepted re-encodes to the same values; in the
 * uncompressed encoding, to the same bytes.
 */
class QueryArrayFuzzTest {

    @FuzzTest
    void encodedArray(byte[] input) {
        Bytes bytes = Bytes.of(input);
        try {
            EncodedShortIds ids = AllocationBudget.within(input.length, () -> EncodedShortIds.decode(bytes, "ids"));
            roundTrips(bytes, ids.encoding(), ids.encode());
            assertThat(EncodedShortIds.decode(ids.encode(), "ids")).isEqualTo(ids);
        } catch (WireException e) {
            assertThat(e.offset()).as(e.getMessage()).isBetween(0, input.length);
        }
        try {
            QueryFlags flags = AllocationBudget.within(input.length, () -> QueryFlags.decode(bytes, "flags"));
            roundTrips(bytes, flags.encoding(), flags.encode());
            assertThat(QueryFlags.decode(flags.encode(), "flags")).isEqualTo(flags);
        } catch (WireException e) {
            assertThat(e.offset()).as(e.getMessage()).isBetween(0, input.length);
        }
        try {
            ChannelUpdateTimestamps.Encoded ts = AllocationBudget.within(input.length,
                    () -> ChannelUpdateTimestamps.Encoded.decode(bytes, "timestamps"));
            roundTrips(bytes, ts.encoding(), ts.encode());
            assertThat(ChannelUpdateTimestamps.Encoded.decode(ts.encode(), "timestamps")).isEqualTo(ts);
        } catch (WireException e) {
            assertThat(e.offset()).as(e.getMessage()).isBetween(0, input.length);
        }
    }

    private static void roundTrips(Bytes input, EncodingType encoding, Bytes reencoded) {
        if (encoding == EncodingType.UNCOMPRESSED) {
            assertThat(reencoded).isEqualTo(input);
        }
    }
}
