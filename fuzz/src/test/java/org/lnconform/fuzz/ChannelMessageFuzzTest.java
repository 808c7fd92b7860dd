package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelReady;
import org.lnconform.wire.message.ChannelReestablish;
import org.lnconform.wire.message.ClosingSigned;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageCodec;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.OpenChannel;

/**
 * BOLT 2 payloads behind a BOLT 2 type: the first input byte picks one of the registered
 * BOLT 2 messages (so the fuzzer spends its time in their fields, not in finding their type
 * numbers), the rest is the payload. The properties are {@link MessageFuzzTest}'s: only
 * {@link WireException} with an offset inside the input, bounded allocation, the registered
 * record, byte-identical re-encoding; and the typed TLV views throw nothing else.
 */
class ChannelMessageFuzzTest {

    /** The BOLT 2 codecs, by increasing type. */
    static final List<MessageCodec<?>> BOLT2 = MessageRegistry.standard().codecs().stream()
            .filter(c -> c.messageType().bolt() == 2).toList();

    @FuzzTest
    void channelMessage(byte[] input) {
        if (input.length == 0) {
            return;
        }
        MessageCodec<?> codec = BOLT2.get((input[0] & 0xff) % BOLT2.size());
        byte[] message = new WireWriter().u16(codec.type()).raw(Arrays.copyOfRange(input, 1, input.length)).toByteArray();
        LightningMessage decoded;
        try {
            decoded = AllocationBudget.within(message.length, () -> LightningMessageCodec.decode(message));
        } catch (WireException e) {
            assertThat(e.offset()).as(e.getMessage()).isBetween(0, message.length);
            return;
        }
        assertThat(decoded).isInstanceOf(codec.messageClass());
        assertThat(Bytes.of(LightningMessageCodec.encode(decoded))).as("canonical re-encoding of %s", decoded)
                .isEqualTo(Bytes.of(message));
        readViews(decoded);
    }

    /** Selector byte for a codec, for the seeds. */
    static byte selector(int type) {
        for (int i = 0; i < BOLT2.size(); i++) {
            if (BOLT2.get(i).type() == type) {
                return (byte) i;
            }
        }
        throw new IllegalArgumentException("not a registered BOLT 2 type: " + type);
    }

    private static void readViews(LightningMessage m) {
        try {
            if (m instanceof OpenChannel open) {
                open.channelType();
                open.upfrontShutdownScript();
            } else if (m instanceof AcceptChannel accept) {
                accept.channelType();
                accept.upfrontShutdownScript();
            } else if (m instanceof ChannelReady ready) {
                ready.alias();
            } else if (m instanceof ClosingSigned closing) {
                closing.feeRange();
            } else if (m instanceof ChannelReestablish reestablish) {
                reestablish.tlvs().get(ChannelReestablish.NEXT_FUNDING);
                reestablish.tlvs().get(ChannelReestablish.MY_CURRENT_FUNDING_LOCKED);
            }
        } catch (WireException e) {
            // a known TLV with a malformed value is a typed error, nothing else
        }
    }
}
