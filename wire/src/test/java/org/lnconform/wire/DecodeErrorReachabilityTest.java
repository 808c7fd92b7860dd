package org.lnconform.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageRules;

/** Every {@link DecodeError} kind has an input that produces it through the public API. */
class DecodeErrorReachabilityTest {

    private static final String INIT = "0010" + "0000" + "0000";

    private static Object message(String hex) throws WireException {
        return LightningMessageCodec.decode(Bytes.fromHex(hex));
    }

    private static final Map<DecodeError, ThrowingSupplier<?>> EXAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(DecodeError.SHORT_READ, () -> message("0010" + "0001")),
            Map.entry(DecodeError.BIGSIZE_NOT_MINIMAL, () -> message(INIT + "fd0001" + "00")),
            Map.entry(DecodeError.TLV_NOT_MINIMAL_VALUE, () -> new WireReader(Bytes.fromHex("00ff")).tu16("x")),
            Map.entry(DecodeError.TLV_OUT_OF_ORDER, () -> message(INIT + "0300" + "0100")),
            Map.entry(DecodeError.TLV_DUPLICATE, () -> message(INIT + "0300" + "0300")),
            Map.entry(DecodeError.TLV_UNKNOWN_EVEN, () -> message(INIT + "ca00")),
            Map.entry(DecodeError.TLV_LENGTH_EXCEEDS, () -> message(INIT + "0305aa")),
            Map.entry(DecodeError.TLV_BAD_VALUE_LENGTH, () -> message(INIT + "0101aa")),
            Map.entry(DecodeError.UNKNOWN_EVEN_MESSAGE, () -> {
                MessageRules.requireUnderstood(LightningMessageCodec.decode(Bytes.fromHex("fffe")));
                return null;
            }),
            Map.entry(DecodeError.MESSAGE_TOO_LONG, () -> LightningMessageCodec.decode(new byte[70_000])),
            Map.entry(DecodeError.BAD_FIELD_VALUE, () -> AddressDescriptor.parse(Bytes.fromHex("0501800000"))),
            Map.entry(DecodeError.INVALID_POINT, () -> new WireReader(Bytes.zeros(33)).point("node_id")),
            Map.entry(DecodeError.TRAILING_BYTES, () -> BigSize.decode(Bytes.fromHex("0000")))));

    @Test
    void everyKindHasAnExample() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrder(DecodeError.values());
    }

    @Test
    void eachExampleFailsWithItsKind() {
        EXAMPLES.forEach((kind, example) -> {
            WireException e = catchThrowableOfType(WireException.class, example::get);
            assertThat(e).as(kind.name()).isNotNull();
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).startsWith(kind.name() + " at byte ").contains(e.field(), e.rule());
        });
    }
}
