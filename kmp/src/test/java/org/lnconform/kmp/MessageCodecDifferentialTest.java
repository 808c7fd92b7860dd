package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.Hex;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/**
 * BOLT 1 messages encoded by one stack and decoded by the other, compared field by field:
 * init (feature bits, networks, remote_addr, unknown odd TLVs), ping, pong, warning, error and
 * unknown odd types. For canonical messages the two encodings must also be byte-identical.
 */
@DisplayName("BOLT 1 messages: encoded by one stack, decoded by the other")
class MessageCodecDifferentialTest {

    static final Bytes MAINNET = MessageGenerators.MAINNET;
    static final Bytes TESTNET = Bytes.fromHex("43497fd7f826957108f4a30fd9cec3aeba79972084e90ead01ea330900000000");
    static final AddressDescriptor IPV4 = new AddressDescriptor.Ipv4(Bytes.fromHex("7f000001"), 9735);
    /** var_onion_optin, payment_secret, basic_mpp, option_support_large_channel, an unknown odd bit. */
    static final int[] FEATURE_BITS = {9, 15, 17, 19, 1001};

    static Bytes features(int... bits) {
        return FeatureVector.of(bits).toBytes();
    }

    @Test
    @DisplayName("ours → lightning-kmp: init with feature bits, networks, remote_addr and an unknown odd TLV")
    void init() throws Exception {
        Init ours = new Init(Bytes.empty(), features(FEATURE_BITS), TlvStream.of(
                new TlvRecord(1, MAINNET.concat(TESTNET)), new TlvRecord(3, IPV4.encode()),
                new TlvRecord(65537, Bytes.fromHex("c0ffee"))));
        var kmp = (fr.acinq.lightning.wire.Init) KmpCodec.decode(LightningMessageCodec.encode(ours));
        assertThat(KmpCodec.featureBits(kmp.getFeatures())).containsExactly(9, 15, 17, 19, 1001);
        assertThat(KmpCodec.networks(kmp)).extracting(Hex::encode).containsExactly(MAINNET.hex(), TESTNET.hex());
        Map<Long, byte[]> tlvs = KmpCodec.tlvRecords(kmp.getTlvs());
        assertThat(tlvs).containsOnlyKeys(1L, 3L, 65537L);
        assertThat(Hex.encode(tlvs.get(3L))).isEqualTo("017f0000012607");
        assertThat(Hex.encode(tlvs.get(65537L))).isEqualTo("c0ffee");
    }

    @Test
    @DisplayName("ours → lightning-kmp: init's globalfeatures are OR-ed into features on both sides")
    void globalFeaturesMerged() throws Exception {
        Init ours = new Init(features(13), features(9, 1001), TlvStream.empty());
        var kmp = (fr.acinq.lightning.wire.Init) KmpCodec.decode(LightningMessageCodec.encode(ours));
        assertThat(KmpCodec.featureBits(kmp.getFeatures())).containsExactlyElementsOf(ours.combinedFeatures().bits());
        assertThat(KmpCodec.networks(kmp)).isNull();
    }

    @Test
    @DisplayName("ours → lightning-kmp: ping, pong, warning, error")
    void controlMessages() throws Exception {
        Bytes channel = Bytes.fromHex("11".repeat(32));
        var ping = (fr.acinq.lightning.wire.Ping) KmpCodec.decode(LightningMessageCodec.encode(
                new Ping(65531, Bytes.zeros(7))));
        assertThat(ping.getPongLength()).isEqualTo(65531);
        assertThat(ping.getData().toHex()).isEqualTo("00".repeat(7));

        var pong = (fr.acinq.lightning.wire.Pong) KmpCodec.decode(LightningMessageCodec.encode(Pong.of(300)));
        assertThat(pong.getData().toHex()).isEqualTo("00".repeat(300));

        var warning = (fr.acinq.lightning.wire.Warning) KmpCodec.decode(LightningMessageCodec.encode(
                new Warning(channel, Bytes.fromHex("68690a00ff"))));
        assertThat(warning.getChannelId().toHex()).isEqualTo(channel.hex());
        assertThat(warning.getData().toHex()).isEqualTo("68690a00ff");

        var error = (fr.acinq.lightning.wire.Error) KmpCodec.decode(LightningMessageCodec.encode(
                ErrorMessage.allChannels("internal error")));
        assertThat(error.getChannelId().toHex()).isEqualTo("00".repeat(32));
        assertThat(error.toAscii()).isEqualTo("internal error");
    }

    @Test
    @DisplayName("ours → lightning-kmp: unknown odd types arrive as lightning-kmp's UnknownMessage of the same type")
    void unknownOddTypes() throws Exception {
        for (int type : MessageGenerators.UNKNOWN_ODD_TYPES) {
            var kmp = KmpCodec.decode(LightningMessageCodec.encode(new UnknownMessage(type, Bytes.fromHex("0102"))));
            assertThat(kmp).as("type %d", type).isInstanceOf(fr.acinq.lightning.wire.UnknownMessage.class);
            assertThat(kmp.getType()).isEqualTo(type);
        }
    }

    @Test
    @DisplayName("lightning-kmp → ours: init with feature bits, networks, remote_addr and an unknown odd TLV")
    void initFromKmp() throws Exception {
        Map<Long, byte[]> extra = new TreeMap<>();
        extra.put(3L, IPV4.encode().toByteArray());
        extra.put(65537L, Hex.decode("c0ffee"));
        var kmp = KmpCodec.init(features(FEATURE_BITS).toByteArray(),
                List.of(MAINNET.toByteArray(), TESTNET.toByteArray()), extra);
        Init ours = (Init) LightningMessageCodec.decode(KmpCodec.encode(kmp));
        assertThat(ours.globalFeatures().isEmpty()).isTrue();
        assertThat(ours.featureVector().bits()).containsExactly(9, 15, 17, 19, 1001);
        assertThat(ours.networks()).hasValue(List.of(MAINNET, TESTNET));
        assertThat(ours.remoteAddress()).hasValue(IPV4);
        assertThat(ours.tlvs().value(65537)).hasValue(Bytes.fromHex("c0ffee"));
    }

    @Test
    @DisplayName("lightning-kmp → ours: ping, pong, warning, error")
    void controlMessagesFromKmp() throws Exception {
        byte[] channel = Hex.decode("22".repeat(32));
        Ping ping = (Ping) LightningMessageCodec.decode(KmpCodec.encode(KmpCodec.ping(65532, new byte[3])));
        assertThat(ping.numPongBytes()).isEqualTo(65532);
        assertThat(ping.ignored()).isEqualTo(Bytes.zeros(3));
        assertThat(ping.expectsPong()).isFalse();

        Pong pong = (Pong) LightningMessageCodec.decode(KmpCodec.encode(KmpCodec.pong(new byte[0])));
        assertThat(pong.byteslen()).isZero();

        Warning warning = (Warning) LightningMessageCodec.decode(KmpCodec.encode(
                KmpCodec.warning(channel, Hex.decode("ff00"))));
        assertThat(warning.channelId()).isEqualTo(Bytes.of(channel));
        assertThat(warning.data()).isEqualTo(Bytes.fromHex("ff00"));

        ErrorMessage error = (ErrorMessage) LightningMessageCodec.decode(KmpCodec.encode(
                KmpCodec.error(channel, "bye".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThat(error.channelId()).isEqualTo(Bytes.of(channel));
        assertThat(error.dataText()).isEqualTo("bye");
    }

    @Test
    @DisplayName("lightning-kmp → ours: lightning-kmp cannot encode an unknown message (its UnknownMessage has no payload)")
    void unknownMessagesCannotBeEncodedFromKmp() {
        assertThatThrownBy(() -> KmpCodec.encode(new fr.acinq.lightning.wire.UnknownMessage(32769)))
                .isInstanceOf(kotlin.NotImplementedError.class);
    }
}
