package org.lnconform.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BigSizeTest {

    @Test
    void roundTripsAtEveryWidthBoundary() throws WireException {
        long[] values = {0, 0xfc, 0xfd, 0xffff, 0x1_0000, 0xffff_ffffL, 0x1_0000_0000L, -1L};
        int[] lengths = {1, 1, 3, 3, 5, 5, 9, 9};
        for (int i = 0; i < values.length; i++) {
            Bytes encoded = BigSize.encode(values[i]);
            assertThat(encoded.size()).isEqualTo(lengths[i]).isEqualTo(BigSize.encodedLength(values[i]));
            assertThat(BigSize.decode(encoded)).isEqualTo(values[i]);
        }
    }

    @Test
    void nonMinimalIsRejectedAtItsFirstByte() {
        assertThatThrownBy(() -> BigSize.decode(Bytes.fromHex("00fe0000ffff").slice(1, 6)))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DecodeError.BIGSIZE_NOT_MINIMAL);
                    assertThat(e.offset()).isZero();
                    assertThat(e.getMessage()).contains("65535", "B1-TLV-09");
                });
    }

    @Test
    void truncatedIsShortRead() {
        assertThatThrownBy(() -> BigSize.decode(Bytes.fromHex("fd00")))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.SHORT_READ));
    }

    @Test
    void leftoverBytesAreTrailing() {
        assertThatThrownBy(() -> BigSize.decode(Bytes.fromHex("0100")))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DecodeError.TRAILING_BYTES);
                    assertThat(e.offset()).isEqualTo(1);
                });
    }

    @Test
    void chosenWidthWritesNonMinimalForCraftedInput() {
        WireWriter w = new WireWriter();
        BigSize.write(w, 1, 3);
        assertThat(w.toBytes()).isEqualTo(Bytes.fromHex("fd0001"));
        assertThatThrownBy(() -> BigSize.write(new WireWriter(), 0x10000, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BigSize.write(new WireWriter(), 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
