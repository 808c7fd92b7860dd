package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.InitTlvs;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * Length fields that claim far more than the input holds (up to 2^64 - 1) are rejected with
 * the typed error before anything is allocated for them. The fuzz targets check the same budget
 * on every input; these cases pin the extremes a fuzzer reaches only by luck.
 */
class HostileLengthTest {

    private record Case(String name, String hex, DecodeError expected, Decoder decoder) {}

    @FunctionalInterface
    private interface Decoder {
        Object decode(Bytes input) throws WireException;
    }

    private static Decoder tlv(TlvNamespace ns) {
        return b -> TlvStream.decode(b, ns);
    }

    private static final Decoder MESSAGE = LightningMessageCodec::decode;

    private static final List<Case> CASES = List.of(
            new Case("n1 tlv1 claiming 2^60 bytes", "01ff1000000000000000", DecodeError.TLV_LENGTH_EXCEEDS,
                    tlv(AppendixBNamespaces.N1)),
            new Case("init networks claiming 2^64-1 bytes", "01ffffffffffffffffff00", DecodeError.TLV_LENGTH_EXCEEDS,
                    tlv(InitTlvs.NAMESPACE)),
            new Case("odd record claiming 2^31 bytes", "21fe8000000000", DecodeError.TLV_LENGTH_EXCEEDS,
                    tlv(AppendixBNamespaces.N2)),
            new Case("odd record claiming 2^31-1 bytes", "21fe7fffffff00", DecodeError.TLV_LENGTH_EXCEEDS,
                    tlv(AppendixBNamespaces.N2)),
            new Case("init gflen 65535 with no bytes", "0010ffff", DecodeError.SHORT_READ, MESSAGE),
            new Case("ping byteslen 65535 with four bytes", "00120004ffff68656c6c", DecodeError.SHORT_READ, MESSAGE),
            new Case("error len 65535 after channel_id", "0011" + "00".repeat(32) + "ffff", DecodeError.SHORT_READ, MESSAGE),
            new Case("peer_storage length 65535 with one byte", "0007ffff00", DecodeError.SHORT_READ, MESSAGE),
            new Case("init extension claiming 2^60 bytes", "001000000000c9ff1000000000000000",
                    DecodeError.TLV_LENGTH_EXCEEDS, MESSAGE));

    @TestFactory
    Stream<DynamicTest> rejectedWithoutAllocating() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Bytes input = Bytes.fromHex(c.hex());
            WireException e = catchThrowableOfType(WireException.class,
                    () -> AllocationBudget.within(input.size(), () -> c.decoder().decode(input)));
            assertThat(e).as(c.name()).isNotNull();
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(c.expected());
            assertThat(e.offset()).isBetween(0, input.size());
        }));
    }
}
