package org.lnconform.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

class LightningMessageCodecTest {

    private static LightningMessage decode(String hex) throws WireException {
        return LightningMessageCodec.decode(Bytes.fromHex(hex));
    }

    private static WireException failure(String hex) {
        WireException e = catchThrowableOfType(WireException.class, () -> decode(hex));
        assertThat(e).as("decoding %s", hex).isNotNull();
        return e;
    }

    @Test
    void decodesInitFields() throws WireException {
        Init init = (Init) decode("0010" + "0001" + "02" + "0002" + "0200" + "0120" + "11".repeat(32));
        assertThat(init.globalFeatures()).isEqualTo(Bytes.fromHex("02"));
        assertThat(init.featureVector().bits()).containsExactly(9);
        assertThat(init.combinedFeatures().bits()).containsExactly(1, 9);
        assertThat(init.networks()).contains(List.of(Bytes.fromHex("11".repeat(32))));
        assertThat(init.remoteAddr()).isEmpty();
    }

    @Test
    void initNetworksMustBeWholeChainHashes() {
        WireException e = failure("0010" + "0000" + "0000" + "0121" + "11".repeat(33));
        assertThat(e.kind()).isEqualTo(DecodeError.TLV_BAD_VALUE_LENGTH);
        assertThat(e.field()).isEqualTo("init_tlvs.networks");
    }

    @Test
    void initRemoteAddrHasAParsedView() throws WireException {
        Init init = Init.of(FeatureVector.of(1))
                .withRemoteAddr(new AddressDescriptor.Ipv4(Bytes.fromHex("7f000001"), 9735));
        Init back = (Init) LightningMessageCodec.decode(LightningMessageCodec.encode(init));
        assertThat(back.remoteAddr()).contains(Bytes.fromHex("017f0000012607"));
        assertThat(back.remoteAddress()).hasValueSatisfying(a -> assertThat(a).hasToString("127.0.0.1:9735"));
    }

    @Test
    void shortMessagesNameTheMissingField() {
        assertThat(failure("00").field()).isEqualTo("message.type");
        assertThat(failure("0010").field()).isEqualTo("init.gflen");
        assertThat(failure("0010" + "0002" + "00").field()).isEqualTo("init.globalfeatures");
        assertThat(failure("0010" + "0000" + "0001").field()).isEqualTo("init.features");
        assertThat(failure("0011" + "00".repeat(31)).field()).isEqualTo("error.channel_id");
        assertThat(failure("0001" + "00".repeat(32) + "0003ab").field()).isEqualTo("warning.data");
        assertThat(failure("0012" + "0004" + "0002" + "00").field()).isEqualTo("ping.ignored");
        assertThat(failure("0013" + "00").field()).isEqualTo("pong.byteslen");
        assertThat(failure("0007" + "0001").field()).isEqualTo("peer_storage.blob");
        assertThat(failure("0009").field()).isEqualTo("peer_storage_retrieval.length");
        assertThat(failure("0010").kind()).isEqualTo(DecodeError.SHORT_READ);
    }

    @Test
    void everyTruncationOfAKnownMessageIsATypedError() {
        Random r = new Random(2);
        for (MessageCodec<?> codec : MessageRegistry.standard().codecs()) {
            LightningMessage m = SampleMessages.sample(codec.type(), r);
            byte[] wire = LightningMessageCodec.encode(m);
            // the extension comes last: everything before it is the fixed fields
            WireWriter extension = new WireWriter();
            ((Extensible) m).tlvs().encode(extension);
            int fixedEnd = wire.length - extension.size();
            for (int cut = 0; cut < wire.length; cut++) {
                byte[] prefix = Arrays.copyOf(wire, cut);
                String what = codec.name() + " cut to " + cut + " of " + wire.length + " bytes";
                if (cut < fixedEnd) {
                    // B1-MSG-12: a known message too short for its fields is rejected, as a short read
                    WireException e = catchThrowableOfType(WireException.class, () -> LightningMessageCodec.decode(prefix));
                    assertThat(e).as(what).isNotNull();
                    assertThat(e.kind()).as(what).isEqualTo(DecodeError.SHORT_READ);
                    assertThat(e.offset()).as(what).isBetween(0, cut);
                } else {
                    // inside the extension: a cut at a record boundary is a shorter valid stream, any
                    // other cut a typed error; either way nothing but WireException escapes
                    try {
                        assertThat(LightningMessageCodec.decode(prefix).type()).as(what).isEqualTo(codec.type());
                    } catch (WireException e) {
                        assertThat(e.offset()).as(what).isBetween(0, cut);
                    }
                }
            }
        }
    }

    @Test
    void randomMutationsOnlyEverThrowWireException() {
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            int type = List.copyOf(SampleMessages.GENERATORS.keySet()).get(r.nextInt(SampleMessages.GENERATORS.size()));
            byte[] wire = LightningMessageCodec.encode(SampleMessages.sample(type, r));
            for (int k = 0; k < 3; k++) {
                wire[r.nextInt(wire.length)] = (byte) r.nextInt(256);
            }
            try {
                LightningMessageCodec.decode(wire);
            } catch (WireException expected) {
                // the typed error points into the message
                assertThat(expected.offset()).isBetween(0, wire.length);
            }
        }
    }

    @Test
    void unknownTypesComeBackRawAndRulesDecide() throws WireException {
        LightningMessage odd = decode("8001" + "abcd");
        LightningMessage even = decode("8000" + "abcd");
        assertThat(odd).isEqualTo(new UnknownMessage(0x8001, Bytes.fromHex("abcd")));
        assertThat(MessageRules.actionFor(odd)).isEqualTo(MessageRules.Action.IGNORE);
        assertThat(MessageRules.actionFor(even)).isEqualTo(MessageRules.Action.CLOSE);
        assertThat(MessageRules.actionFor(Ping.of(1, 0))).isEqualTo(MessageRules.Action.PROCESS);
        assertThatThrownBy(() -> MessageRules.requireUnderstood(even))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.kind()).isEqualTo(DecodeError.UNKNOWN_EVEN_MESSAGE));
        assertThat(LightningMessageCodec.encode(even)).isEqualTo(Bytes.fromHex("8000abcd").toByteArray());
    }

    @Test
    void unknownMessageCanCarryAKnownTypeToCraftBadInput() {
        byte[] wire = LightningMessageCodec.encode(new UnknownMessage(Init.TYPE, Bytes.fromHex("0005")));
        assertThat(failure(Bytes.of(wire).hex()).field()).isEqualTo("init.globalfeatures");
    }

    @Test
    void messagesOverTheLimitAreRejected() {
        WireException e = catchThrowableOfType(WireException.class, () -> LightningMessageCodec.decode(new byte[65536]));
        assertThat(e.kind()).isEqualTo(DecodeError.MESSAGE_TOO_LONG);
        assertThatThrownBy(() -> LightningMessageCodec.encode(new Pong(Bytes.zeros(65534))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extensionsKeepUnknownOddAndRejectUnknownEven() throws WireException {
        ErrorMessage withOdd = (ErrorMessage) decode("0011" + "00".repeat(32) + "0002" + "6869" + "0301ff");
        assertThat(withOdd.dataText()).isEqualTo("hi");
        assertThat(withOdd.isAllChannels()).isTrue();
        assertThat(withOdd.tlvs()).isEqualTo(TlvStream.of(new TlvRecord(3, Bytes.fromHex("ff"))));
        assertThat(failure("0013" + "0000" + "0200").kind()).isEqualTo(DecodeError.TLV_UNKNOWN_EVEN);
    }

    @Test
    void pingRulesFollowTheThreshold() {
        assertThat(Ping.of(65531, 0).expectedPong()).contains(Pong.of(65531));
        assertThat(Ping.of(65532, 0).expectsPong()).isFalse();
        assertThat(Pong.of(4).answers(Ping.of(4, 0))).isTrue();
        assertThat(Pong.of(4).answers(Ping.of(5, 0))).isFalse();
    }

    @Test
    void nonPrintableDataIsShownAsHex() {
        assertThat(new Warning(Bytes.zeros(32), Bytes.fromHex("410a")).dataText()).isEqualTo("hex:410a");
    }
}
