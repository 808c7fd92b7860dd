package org.lnconform.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.WireException;

class RegisteredMessagesTest {

    @Test
    void everyRegisteredTypeHasAGenerator() {
        assertThat(SampleMessages.GENERATORS.keySet())
                .containsExactlyInAnyOrderElementsOf(MessageRegistry.standard().codecs().stream()
                        .map(MessageCodec::type).toList());
    }

    @Test
    void everyMessageRecordIsRegistered() {
        List<Class<?>> registered = MessageRegistry.standard().codecs().stream()
                .<Class<?>>map(MessageCodec::messageClass).toList();
        List<Class<?>> records = Arrays.stream(LightningMessage.class.getPermittedSubclasses())
                .filter(c -> c != UnknownMessage.class).toList();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void everyRegisteredMessageRoundTrips() throws WireException {
        Random r = new Random(1);
        for (MessageCodec<?> codec : MessageRegistry.standard().codecs()) {
            for (int i = 0; i < 50; i++) {
                LightningMessage m = SampleMessages.sample(codec.type(), r);
                byte[] wire = LightningMessageCodec.encode(m);
                assertThat(wire[0] << 8 | wire[1] & 0xff).isEqualTo(codec.type());
                LightningMessage back = LightningMessageCodec.decode(wire);
                assertThat(back).isEqualTo(m);
                assertThat(LightningMessageCodec.encode(back)).isEqualTo(wire);
            }
        }
    }

    @Test
    void registryNamesTypes() {
        assertThat(MessageRegistry.standard().nameOf(16)).isEqualTo("init");
        assertThat(MessageRegistry.standard().nameOf(1)).isEqualTo("warning");
        assertThat(MessageRegistry.standard().nameOf(33333)).isEqualTo("unknown_33333");
    }
}
