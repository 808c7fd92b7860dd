package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageCodec;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.MessageRules;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * Whole BOLT 1 messages of arbitrary bytes through {@link LightningMessageCodec#decode}: only
 * {@link WireException}, bounded allocation, the registered record for a known type and
 * {@link UnknownMessage} otherwise, and byte-identical re-encoding. Every message type here
 * has a single encoding: length-prefixed fields fix their own size and the extension is a
 * canonical TLV stream, so no accepted input may re-encode differently.
 */
class MessageFuzzTest {

    @FuzzTest
    void lightningMessage(byte[] input) {
        LightningMessage message;
        try {
            message = AllocationBudget.within(input.length, () -> LightningMessageCodec.decode(input));
        } catch (WireException e) {
            assertThat(e.offset()).as(e.getMessage()).isBetween(0, input.length);
            return;
        }
        int type = (input[0] & 0xff) << 8 | (input[1] & 0xff);
        assertThat(message.type()).isEqualTo(type);
        Optional<MessageCodec<?>> codec = MessageRegistry.standard().codec(type);
        if (codec.isPresent()) {
            assertThat(message).isInstanceOf(codec.get().messageClass());
            assertThat(MessageRules.actionFor(message)).isEqualTo(MessageRules.Action.PROCESS);
        } else {
            assertThat(message).isInstanceOf(UnknownMessage.class);
            assertThat(MessageRules.mustClose(message)).isEqualTo(MessageRules.isEven(type));
        }
        byte[] encoded = LightningMessageCodec.encode(message);
        assertThat(Bytes.of(encoded)).as("canonical re-encoding of %s", message).isEqualTo(Bytes.of(input));
        try {
            assertThat(LightningMessageCodec.decode(encoded)).isEqualTo(message);
        } catch (WireException e) {
            throw new AssertionError("re-encoded " + message + " does not decode", e);
        }
        readFields(message);
    }

    /** The typed views of a decoded message may throw only WireException, and what they parse round-trips. */
    private static void readFields(LightningMessage message) {
        try {
            if (message instanceof Init init) {
                init.networks();
                init.combinedFeatures();
                Optional<AddressDescriptor> address = init.remoteAddress();
                if (address.isPresent()) {
                    assertThat(address.get().encode()).isEqualTo(init.remoteAddr().orElseThrow());
                }
            } else if (message instanceof ErrorMessage error) {
                error.dataText();
            } else if (message instanceof Warning warning) {
                warning.dataText();
            }
        } catch (WireException e) {
            // A malformed remote_addr: BOLT 1 lets the receiver ignore it; the message itself was valid.
        }
    }
}
