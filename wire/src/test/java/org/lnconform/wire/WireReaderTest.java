package org.lnconform.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireReaderTest {

    private static final String GENERATOR_G =
            "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    private static WireReader reader(String hex) {
        return new WireReader(Bytes.fromHex(hex));
    }

    @Test
    void unsignedIntegersAreBigEndian() throws WireException {
        WireReader r = reader("01" + "0203" + "04050607" + "ffffffffffffffff");
        assertThat(r.u8("a")).isEqualTo(1);
        assertThat(r.u16("b")).isEqualTo(0x0203);
        assertThat(r.u32("c")).isEqualTo(0x04050607L);
        assertThat(r.u64("d")).isEqualTo(-1L);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void writerMirrorsReader() throws WireException {
        Bytes out = new WireWriter().u8(1).u16(0xfffe).u32(0xffff_fffeL).u64(5).s8(-1).s16(-2).s32(-3).s64(-4)
                .tu16(0x100).tu32(0).tu64(1).toBytes();
        assertThat(out.hex()).isEqualTo("01" + "fffe" + "fffffffe" + "0000000000000005"
                + "ff" + "fffe" + "fffffffd" + "fffffffffffffffc" + "0100" + "" + "01");
        assertThatThrownBy(() -> new WireWriter().u16(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WireWriter().s8(128)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortReadNamesFieldOffsetAndCounts() {
        WireReader r = reader("0001");
        assertThatThrownBy(() -> {
            r.u8("init.gflen");
            r.u32("init.flen");
        }).isInstanceOfSatisfying(WireException.class, e -> {
            assertThat(e.kind()).isEqualTo(DecodeError.SHORT_READ);
            assertThat(e.offset()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("init.flen");
            assertThat(e.getMessage()).contains("needs 4 bytes, 1 remain", "B1-MSG-12");
        });
    }

    @Test
    void truncatedIntegersMustBeMinimal() throws WireException {
        assertThat(reader("").tu64("x")).isZero();
        assertThat(reader("0100").tu16("x")).isEqualTo(256);
        assertThatThrownBy(() -> reader("0001").tu32("amount"))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.TLV_NOT_MINIMAL_VALUE));
        assertThatThrownBy(() -> reader("010203").tu16("amount"))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.TLV_BAD_VALUE_LENGTH));
    }

    @Test
    void pointMustBeACompressedCurvePoint() throws WireException {
        assertThat(reader(GENERATOR_G).point("node_id").hex()).isEqualTo(GENERATOR_G);
        assertThatThrownBy(() -> reader("04" + GENERATOR_G.substring(2)).point("node_id"))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.INVALID_POINT));
        // x = 5: 5^3 + 7 = 132 is not a square mod p, so no curve point has this x.
        String offCurve = "02" + "00".repeat(31) + "05";
        assertThat(Secp256k1Points.isValidCompressed(Bytes.fromHex(offCurve))).isFalse();
        String xTooBig = "02" + "ff".repeat(32);
        assertThat(Secp256k1Points.isValidCompressed(Bytes.fromHex(xTooBig))).isFalse();
    }

    @Test
    void limitedReaderKeepsAbsoluteOffsets() throws WireException {
        WireReader r = reader("aabbccdd");
        r.u8("skip");
        WireReader inner = r.limited(2, "inner");
        assertThat(r.position()).isEqualTo(3);
        assertThat(inner.u8("x")).isEqualTo(0xbb);
        assertThatThrownBy(() -> inner.u16("y"))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.offset()).isEqualTo(2));
    }

    @Test
    void hugeLengthFailsBeforeAllocating() {
        assertThatThrownBy(() -> reader("00").bytes(Integer.MAX_VALUE, "data"))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.SHORT_READ));
        assertThatThrownBy(() -> reader("00").bytes(-1, "data"))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.BAD_FIELD_VALUE));
    }

    @Test
    void shortChannelIdSplitsIntoParts() throws WireException {
        ShortChannelId scid = reader("0001020003040005").shortChannelId("scid");
        assertThat(scid).isEqualTo(new ShortChannelId(0x102, 0x304, 5));
        assertThat(scid.toString()).isEqualTo("258x772x5");
        assertThat(ShortChannelId.fromLong(scid.toLong())).isEqualTo(scid);
    }
}
