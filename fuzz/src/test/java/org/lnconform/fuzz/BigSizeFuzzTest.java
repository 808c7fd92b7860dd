package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lnconform.wire.BigSize;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;

/**
 * BOLT 1 Appendix A, BigSize decoding of arbitrary bytes: only {@link WireException}, of the
 * kind a ten-line reference decoder predicts, and every accepted value re-encodes to the very
 * bytes it was read from (only minimal encodings are accepted).
 */
class BigSizeFuzzTest {

    @FuzzTest
    void bigSizeDecode(byte[] input) {
        Bytes bytes = Bytes.of(input);
        DecodeError expected = referenceError(input);
        long value;
        try {
            value = AllocationBudget.within(input.length, () -> BigSize.decode(bytes));
        } catch (WireException e) {
            assertThat(e.kind()).as("%s: %s", bytes, e.getMessage()).isEqualTo(expected);
            assertThat(e.offset()).isBetween(0, input.length);
            return;
        }
        assertThat(expected).as("%s was accepted as %s", bytes, Long.toUnsignedString(value)).isNull();
        assertThat(BigSize.encode(value)).as("canonical re-encoding").isEqualTo(bytes);
        assertThat(BigSize.encodedLength(value)).isEqualTo(input.length);

        // Read as a prefix of a longer input, it consumes exactly its own bytes.
        WireReader in = new WireReader(bytes.concat(bytes));
        try {
            assertThat(BigSize.read(in, "bigsize")).isEqualTo(value);
        } catch (WireException e) {
            throw new AssertionError("accepted alone but not as a prefix: " + bytes, e);
        }
        assertThat(in.remaining()).isEqualTo(input.length);
    }

    /** What BOLT 1 says about {@code b} read as one BigSize: null if valid, else the failed rule. */
    static DecodeError referenceError(byte[] b) {
        if (b.length == 0) {
            return DecodeError.SHORT_READ;
        }
        int prefix = b[0] & 0xff;
        int width = prefix < 0xfd ? 0 : prefix == 0xfd ? 2 : prefix == 0xfe ? 4 : 8;
        if (b.length < 1 + width) {
            return DecodeError.SHORT_READ;
        }
        long v = 0;
        for (int i = 1; i <= width; i++) {
            v = v << 8 | (b[i] & 0xff);
        }
        long min = width == 2 ? 0xfd : width == 4 ? 0x1_0000L : width == 8 ? 0x1_0000_0000L : 0;
        if (Long.compareUnsigned(v, min) < 0) {
            return DecodeError.BIGSIZE_NOT_MINIMAL;
        }
        return b.length > 1 + width ? DecodeError.TRAILING_BYTES : null;
    }
}
