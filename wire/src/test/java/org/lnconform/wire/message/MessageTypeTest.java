package org.lnconform.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;

class MessageTypeTest {

    /** Every msgtype row of BOLT 1, 2 and 7's csv tables has exactly one row in {@link MessageType}, and no other. */
    @Test
    void rowsAreTheSpecsMessageTypes() throws IOException {
        List<String> spec;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                MessageTypeTest.class.getResourceAsStream("/org/lnconform/wire/msgtypes.csv"), StandardCharsets.UTF_8))) {
            spec = r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        List<String> ours = Arrays.stream(MessageType.values())
                .map(t -> t.bolt() + "," + t.specName() + "," + t.number()).toList();
        assertThat(ours).containsExactlyInAnyOrderElementsOf(spec);
    }

    @Test
    void namesUndecodedTypesToo() {
        assertThat(MessageRegistry.standard().nameOf(134)).isEqualTo("update_fee");
        assertThat(MessageRegistry.standard().isKnown(134)).isFalse();
        assertThat(MessageRegistry.standard().nameOf(265)).isEqualTo("gossip_timestamp_filter");
    }

    @Test
    void channelIdIsFoundWhereTheMessageNamesIt() {
        Bytes chain = Bytes.zeros(32);
        Bytes id = Bytes.fromHex("11".repeat(32));
        assertThat(MessageType.OPEN_CHANNEL.channelId(chain.concat(id))).contains(id);
        assertThat(MessageType.SHUTDOWN.channelId(id.concat(chain))).contains(id);
        assertThat(MessageType.SHUTDOWN.channelId(Bytes.zeros(31))).isEmpty();
        assertThat(MessageType.PING.channelId(id)).isEmpty();
    }
}
