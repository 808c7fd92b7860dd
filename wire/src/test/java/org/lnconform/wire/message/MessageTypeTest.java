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

    /** The spec's rows: bolt, name, type, first field, second field. */
    private static List<String[]> spec() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                MessageTypeTest.class.getResourceAsStream("/org/lnconform/wire/msgtypes.csv"), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }

    /** Every msgtype row of BOLT 1, 2 and 7's csv tables has exactly one row in {@link MessageType}, and no other. */
    @Test
    void rowsAreTheSpecsMessageTypes() throws IOException {
        List<String> spec = spec().stream().map(f -> f[0] + "," + f[1] + "," + f[2]).toList();
        List<String> ours = Arrays.stream(MessageType.values())
                .map(t -> t.bolt() + "," + t.specName() + "," + t.number()).toList();
        assertThat(ours).containsExactlyInAnyOrderElementsOf(spec);
    }

    /**
     * A type names a channel where the spec's fields say so: a first field channel_id or
     * temporary_channel_id, or (the two opens) chain_hash then temporary_channel_id.
     */
    @Test
    void channelPositionsAreTheSpecsFields() throws IOException {
        for (String[] f : spec()) {
            MessageType t = MessageType.of(Integer.parseInt(f[2])).orElseThrow();
            Bytes payload = Bytes.zeros(32).concat(Bytes.fromHex("11".repeat(32)));
            boolean first = f[3].equals("channel_id") || f[3].equals("temporary_channel_id");
            boolean afterChain = f[3].equals("chain_hash") && f[4].equals("temporary_channel_id");
            assertThat(t.namesChannel()).as(f[1]).isEqualTo(first || afterChain);
            if (first) {
                assertThat(t.channelId(payload)).as(f[1]).contains(Bytes.zeros(32));
            } else if (afterChain) {
                assertThat(t.channelId(payload)).as(f[1]).contains(Bytes.fromHex("11".repeat(32)));
            }
        }
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
