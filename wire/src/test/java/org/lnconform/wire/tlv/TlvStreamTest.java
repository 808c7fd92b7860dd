package org.lnconform.wire.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;

class TlvStreamTest {

    private static final TlvField<Long> AMOUNT = TlvFields.tu64(2, "amount");
    private static final TlvField<Integer> DELTA = TlvFields.u16(4, "delta");
    private static final TlvField<List<Bytes>> CHAINS = TlvFields.chainHashes(6, "chains");
    private static final TlvNamespace NS = TlvNamespace.of("test_tlvs", AMOUNT, DELTA, CHAINS);

    private static TlvStream decode(String hex) throws WireException {
        return TlvStream.decode(Bytes.fromHex(hex), NS);
    }

    private static DecodeError failure(String hex) {
        try {
            decode(hex);
        } catch (WireException e) {
            return e.kind();
        }
        throw new AssertionError("decoded " + hex);
    }

    @Test
    void keepsUnknownOddRecordsAndReEncodesExactly() throws WireException {
        TlvStream s = decode("02020100" + "0301aa" + "04020005" + "fd00fd00");
        assertThat(s.records()).extracting(TlvRecord::type).containsExactly(2L, 3L, 4L, 253L);
        assertThat(s.get(AMOUNT)).contains(256L);
        assertThat(s.get(DELTA)).contains(5);
        assertThat(s.unknown(NS)).extracting(TlvRecord::type).containsExactly(3L, 253L);
        assertThat(s.encode()).isEqualTo(Bytes.fromHex("02020100" + "0301aa" + "04020005" + "fd00fd00"));
    }

    @Test
    void ofSortsByUnsignedTypeSoEncodingIsCanonical() {
        TlvStream s = TlvStream.of(new TlvRecord(-1L, Bytes.empty()), new TlvRecord(1, Bytes.empty()));
        assertThat(s.encode()).isEqualTo(Bytes.fromHex("0100" + "ffffffffffffffffff00"));
        assertThatThrownBy(() -> TlvStream.of(new TlvRecord(1, Bytes.empty()), new TlvRecord(1, Bytes.empty())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplacesAndWithoutRemoves() throws WireException {
        TlvStream s = TlvStream.empty().with(AMOUNT, 7L).with(AMOUNT, 0L).with(DELTA, 1);
        assertThat(s.get(AMOUNT)).contains(0L);
        assertThat(s.value(2)).contains(Bytes.empty());
        assertThat(s.without(2).records()).hasSize(1);
    }

    @Test
    void everyStreamRuleHasItsOwnKind() {
        assertThat(failure("fd")).isEqualTo(DecodeError.SHORT_READ);
        assertThat(failure("fd000100")).isEqualTo(DecodeError.BIGSIZE_NOT_MINIMAL);
        assertThat(failure("0100" + "0100")).isEqualTo(DecodeError.TLV_DUPLICATE);
        assertThat(failure("0300" + "0100")).isEqualTo(DecodeError.TLV_OUT_OF_ORDER);
        assertThat(failure("0105aa")).isEqualTo(DecodeError.TLV_LENGTH_EXCEEDS);
        assertThat(failure("0800")).isEqualTo(DecodeError.TLV_UNKNOWN_EVEN);
        assertThat(failure("020100")).isEqualTo(DecodeError.TLV_NOT_MINIMAL_VALUE);
        assertThat(failure("040100")).isEqualTo(DecodeError.TLV_BAD_VALUE_LENGTH);
        assertThat(failure("0403000000")).isEqualTo(DecodeError.TLV_BAD_VALUE_LENGTH);
        assertThat(failure("0601aa")).isEqualTo(DecodeError.TLV_BAD_VALUE_LENGTH);
    }

    @Test
    void errorsPointAtTheOffendingRecord() {
        assertThatThrownBy(() -> decode("0100" + "040100"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DecodeError.TLV_BAD_VALUE_LENGTH);
                    assertThat(e.field()).isEqualTo("test_tlvs.delta");
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("B1-TLV-13");
                });
        assertThatThrownBy(() -> decode("0100" + "0800"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.field()).isEqualTo("test_tlvs.type_8");
                    assertThat(e.offset()).isEqualTo(2);
                });
    }

    @Test
    void typesCompareUnsigned() {
        // 2^64-1 then 0: out of order, although 0 > -1 as a signed long.
        assertThat(failure("ffffffffffffffffff00" + "0100")).isEqualTo(DecodeError.TLV_OUT_OF_ORDER);
    }

    @Test
    void namespaceRejectsTwoFieldsOfOneType() {
        assertThatThrownBy(() -> TlvNamespace.of("x", AMOUNT, TlvFields.bytes(2, "other")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainHashesRoundTrip() throws WireException {
        List<Bytes> chains = List.of(Bytes.zeros(32), Bytes.fromHex("11".repeat(32)));
        TlvStream s = TlvStream.empty().with(CHAINS, chains);
        assertThat(decode(s.encode().hex()).get(CHAINS)).contains(chains);
    }
}
