package org.lnconform.wire.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.QueryChannelRange;

/** BOLT 7's encoded_ arrays: both encodings, and a typed error (field, byte, rule) for every bad input. */
class EncodedArrayTest {

    private static final List<ShortChannelId> IDS = List.of(
            new ShortChannelId(1, 2, 3), new ShortChannelId(700_000, 1, 0), new ShortChannelId(700_001, 0, 1));

    @Test
    void bothEncodingsRoundTrip() throws WireException {
        for (EncodingType t : EncodingType.values()) {
            EncodedShortIds ids = new EncodedShortIds(t, IDS);
            Bytes wire = ids.encode();
            assertThat(wire.getUnsigned(0)).isEqualTo(t.code());
            assertThat(EncodedShortIds.decode(wire, "ids")).isEqualTo(ids);
        }
        assertThat(EncodedShortIds.uncompressed(IDS).ascending()).isTrue();
        assertThat(EncodedShortIds.uncompressed(List.of(IDS.get(1), IDS.get(0))).ascending()).isFalse();
    }

    @Test
    void onlyZlibIsDeprecated() {
        assertThat(EncodingType.ZLIB.deprecated()).isTrue();
        assertThat(EncodingType.UNCOMPRESSED.deprecated()).isFalse();
        assertThat(EncodingType.of(2)).isEmpty();
    }

    @Test
    void unknownEncodingIsABadFieldValueAtByteZero() {
        WireException e = fails(Bytes.fromHex("02" + "00".repeat(8)));
        assertThat(e.kind()).isEqualTo(DecodeError.BAD_FIELD_VALUE);
        assertThat(e.offset()).isZero();
        assertThat(e.field()).isEqualTo("ids.encoding_type");
        assertThat(e.rule()).contains("BOLT 7");
    }

    @Test
    void missingEncodingByteIsAShortRead() {
        assertThat(fails(Bytes.empty()).kind()).isEqualTo(DecodeError.SHORT_READ);
    }

    @Test
    void partialIdIsRefusedWhereItStarts() {
        WireException e = fails(Bytes.fromHex("00" + "00".repeat(8) + "0102"));
        assertThat(e.kind()).isEqualTo(DecodeError.BAD_FIELD_VALUE);
        assertThat(e.offset()).isEqualTo(9);
        assertThat(e.rule()).contains("whole number");
    }

    @Test
    void zlibFailuresAreTyped() {
        Bytes good = new EncodedShortIds(EncodingType.ZLIB, IDS).encode();
        assertThat(fails(good.slice(0, good.size() - 3)).kind()).isEqualTo(DecodeError.BAD_FIELD_VALUE);
        assertThat(fails(good.concat(Bytes.fromHex("00"))).kind()).isEqualTo(DecodeError.TRAILING_BYTES);
        assertThat(fails(Bytes.fromHex("01ffffffff")).kind()).isEqualTo(DecodeError.BAD_FIELD_VALUE);
    }

    @Test
    void aZlibBombIsRefusedAtTheBound() {
        Bytes bomb = EncodedArray.encode(EncodingType.ZLIB, Bytes.zeros(EncodedArray.MAX_INFLATED + 8));
        assertThat(bomb.size()).isLessThan(1000);
        WireException e = fails(bomb);
        assertThat(e.detail()).contains("inflates to over " + EncodedArray.MAX_INFLATED);
    }

    @Test
    void queryFlagsMustBeMinimalBigSizes() {
        WireException e = catchThrowableOfType(WireException.class,
                () -> QueryFlags.decode(Bytes.fromHex("00fd0001"), "query_flags"));
        assertThat(e.kind()).isEqualTo(DecodeError.BIGSIZE_NOT_MINIMAL);
    }

    @Test
    void nonMinimalQueryOptionFailsTheStream() {
        // BOLT 1, B1-TLV-14, through query_channel_range_tlvs: query_option_flags 1 as fd0001
        Bytes msg = LightningMessageCodec.encodeToBytes(new QueryChannelRange(Bytes.zeros(32), 0, 10))
                .concat(Bytes.fromHex("0103fd0001"));
        WireException e = catchThrowableOfType(WireException.class, () -> LightningMessageCodec.decode(msg));
        assertThat(e.kind()).isEqualTo(DecodeError.BIGSIZE_NOT_MINIMAL);
        assertThat(e.field()).contains("query_option");
    }

    private static WireException fails(Bytes encoded) {
        WireException e = catchThrowableOfType(WireException.class, () -> EncodedShortIds.decode(encoded, "ids"));
        assertThat(e).as("decoding %s should fail", encoded).isNotNull();
        return e;
    }
}
