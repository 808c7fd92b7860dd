package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acinq.lightning.Feature;
import fr.acinq.lightning.FeatureSupport;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.Hex;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportError;
import org.lnconform.noise.TransportException;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;

/**
 * Each entry of kmp/FINDINGS.md, pinned to its reproducing input: both sides' behaviour is
 * asserted exactly, so this fails if either stack changes and the write-up needs revisiting.
 * The display names are the finding ids.
 */
@DisplayName("kmp/FINDINGS.md reproductions")
class KnownFindingsTest {

    static Verdict ours(String hex) {
        return Verdict.ours(Hex.decode(hex));
    }

    static Verdict kmp(String hex) {
        return Verdict.kmp(Hex.decode(hex));
    }

    static DecodeError oursError(Verdict v) {
        assertThat(v.accepted()).as("ours accepted: %s", v).isFalse();
        return ((WireException) v.cause()).kind();
    }

    static void assertExplainedAs(KnownDisagreement kind, String hex) {
        byte[] input = Hex.decode(hex);
        assertThat(KnownDisagreement.classify(input, Verdict.ours(input), Verdict.kmp(input))).hasValue(kind);
    }

    @Test
    @DisplayName("KMP-01 TLV length of 2^32 or more is truncated to 32 bits")
    void kmp01() {
        // init, no features, remote_addr with length 2^32 and no value
        String exact = "0010" + "0000" + "0000" + "03" + "ff0000000100000000";
        assertThat(oursError(ours(exact))).isEqualTo(DecodeError.TLV_LENGTH_EXCEEDS);
        assertThat(kmp(exact).toString()).isEqualTo("init {features=[], tlv 3=}");
        // length 2^32 + 1 with one byte present: lightning-kmp reads it as a 1-byte value
        String plusOne = "0010" + "0000" + "0000" + "03" + "ff0000000100000001" + "41";
        assertThat(oursError(ours(plusOne))).isEqualTo(DecodeError.TLV_LENGTH_EXCEEDS);
        assertThat(kmp(plusOne).toString()).isEqualTo("init {features=[], tlv 3=41}");
        assertExplainedAs(KnownDisagreement.KMP_01_TLV_LENGTH_TRUNCATED, plusOne);
    }

    @Test
    @DisplayName("KMP-02 TLV types at or above 2^63 are ordered as negative numbers")
    void kmp02() {
        // valid: networks (1, empty) then odd type 2^63+1 → lightning-kmp rejects
        String valid = "0010" + "0000" + "0000" + "0100" + "ff8000000000000001" + "00";
        assertThat(ours(valid).toString()).isEqualTo("init {features=[], tlv 1=, tlv 9223372036854775809=}");
        assertThat(kmp(valid).rejection()).isEqualTo("IllegalArgumentException(tlv stream is not sorted by tags)");
        assertExplainedAs(KnownDisagreement.KMP_02_TLV_TYPES_SIGNED, valid);
        // invalid: 2^63+1 then 1 (decreasing) → lightning-kmp accepts
        String invalid = "0010" + "0000" + "0000" + "ff8000000000000001" + "00" + "0100";
        assertThat(oursError(ours(invalid))).isEqualTo(DecodeError.TLV_OUT_OF_ORDER);
        assertThat(kmp(invalid).toString()).isEqualTo("init {features=[], tlv 1=, tlv 9223372036854775809=}");
        assertExplainedAs(KnownDisagreement.KMP_02_TLV_TYPES_SIGNED, invalid);
    }

    @Test
    @DisplayName("KMP-03 both bits of a feature pair set: lightning-kmp keeps only the optional one")
    void kmp03() throws Exception {
        // features 0x03: option_data_loss_protect, both bits
        String both = "0010" + "0000" + "0001" + "03";
        assertThat(ours(both).fields().get("features")).isEqualTo("[0, 1]");
        assertThat(kmp(both).fields().get("features")).isEqualTo("[1]");
        var init = (fr.acinq.lightning.wire.Init) KmpCodec.decode(Hex.decode(both));
        assertThat(init.getFeatures().hasFeature(Feature.OptionDataLossProtect.INSTANCE, FeatureSupport.Mandatory))
                .isFalse();
        assertExplainedAs(KnownDisagreement.KMP_03_FEATURE_PAIR_DROPS_MANDATORY, both);
        // unknown pairs keep both bits: 2^100 and 2^101 are both reported
        String unknownPair = "0010" + "0000" + "000d" + "30" + "00".repeat(12);
        assertThat(kmp(unknownPair).fields()).isEqualTo(ours(unknownPair).fields());
    }

    @Test
    @DisplayName("KMP-04 a message over 65535 bytes gets a wrapped length header from LightningSession")
    void kmp04() throws Exception {
        var crossed = HandshakeDifferentialTest.crossHandshake(
                HandshakeDifferentialTest.KeySet.random(Seeds.random(4)), Seeds.describe());
        byte[] tooLong = new byte[65536];
        byte[] frame = crossed.kmpInitiator().encrypt(tooLong);
        assertThat(frame).hasSize(65536 + 34);
        int announced = crossed.oursResponder().decryptor().decryptLength(Arrays.copyOf(frame, 18));
        assertThat(announced).isZero();
        assertThatThrownBy(() -> crossed.oursInitiator().encryptor().encrypt(tooLong))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.getMessage()).contains(TransportError.MESSAGE_TOO_LONG.name()));
        assertThat(TransportEncryptor.MAX_MESSAGE_LENGTH).isEqualTo(65535);
    }

    @Test
    @DisplayName("KMP-05 handshake ephemeral keys come from kotlin.random.Random.Default")
    void kmp05() throws Exception {
        // lightning-kmp's Peer leaves HandshakeState's byteStream at its default, RandomBytes, which
        // draws from kotlin.random.Random.Default; on the JVM that is backed by ThreadLocalRandom.
        Field f = kotlin.random.Random.class.getDeclaredField("defaultRandom");
        f.setAccessible(true);
        assertThat(f.get(null).getClass().getName()).isEqualTo("kotlin.random.jdk8.PlatformThreadLocalRandom");
        assertThat(fr.acinq.lightning.crypto.noise.RandomBytes.INSTANCE.nextBytes(32)).hasSize(32);
    }

    @Test
    @DisplayName("EXP-01 lightning-kmp ignores the extension of ping, pong, warning and error")
    void exp01() {
        // ping(num_pong_bytes=4, no ignored bytes) with an extension holding unknown even TLV 2
        String ping = "0012" + "0004" + "0000" + "0200";
        assertThat(oursError(ours(ping))).isEqualTo(DecodeError.TLV_UNKNOWN_EVEN);
        assertThat(kmp(ping).toString()).isEqualTo("ping {ignored=, num_pong_bytes=4}");
        assertExplainedAs(KnownDisagreement.EXP_01_EXTENSION_IGNORED_BY_KMP, ping);
        // warning with a truncated extension
        String warning = "0001" + "00".repeat(32) + "0000" + "fd";
        assertThat(oursError(ours(warning))).isEqualTo(DecodeError.SHORT_READ);
        assertThat(kmp(warning).accepted()).isTrue();
        assertExplainedAs(KnownDisagreement.EXP_01_EXTENSION_IGNORED_BY_KMP, warning);
    }

    @Test
    @DisplayName("EXP-02 lightning-kmp parses init TLVs 1339 and 1191313409 of its own")
    void exp02() {
        // option_will_fund (1339) with a 1-byte value: unknown odd for BOLT 1, malformed for lightning-kmp
        String willFund = "0010" + "0000" + "0000" + "fd053b" + "01" + "00";
        assertThat(ours(willFund).toString()).isEqualTo("init {features=[], tlv 1339=00}");
        assertThat(kmp(willFund).rejection()).isEqualTo("IllegalArgumentException(unexpected EOF)");
        assertExplainedAs(KnownDisagreement.EXP_02_KMP_OWN_INIT_TLVS, willFund);
    }

    /** BOLT 3 Appendix C values, valid in both stacks. */
    static final String CHANNEL_ID = "11".repeat(32);
    static final String POINT = "025f7117a78150fe2ef97db7cfc83bd57b2e2c0d0dd25eaf467a4a1c2a45ce1486";
    static final String SIGNATURE = "22".repeat(64);

    @Test
    @DisplayName("EXP-01 lightning-kmp also ignores the extension of funding_created and funding_signed")
    void exp01Bolt2() {
        String fundingSigned = "0023" + CHANNEL_ID + SIGNATURE + "0200";
        assertThat(oursError(ours(fundingSigned))).isEqualTo(DecodeError.TLV_UNKNOWN_EVEN);
        assertThat(kmp(fundingSigned).accepted()).isTrue();
        assertExplainedAs(KnownDisagreement.EXP_01_EXTENSION_IGNORED_BY_KMP, fundingSigned);
        String fundingCreated = "0022" + CHANNEL_ID + "33".repeat(32) + "0000" + SIGNATURE + "fd";
        assertThat(oursError(ours(fundingCreated))).isEqualTo(DecodeError.SHORT_READ);
        assertThat(kmp(fundingCreated).accepted()).isTrue();
        assertExplainedAs(KnownDisagreement.EXP_01_EXTENSION_IGNORED_BY_KMP, fundingCreated);
    }

    @Test
    @DisplayName("KMP-08 a known TLV value longer than its encoding is accepted by lightning-kmp")
    void kmp08() {
        // closing_signed, fee_range (type 1) with 17 bytes: min 253, max 10860, one extra byte
        String closing = "0027" + CHANNEL_ID + "0000000000002a6c" + SIGNATURE
                + "0111" + "00000000000000fd" + "0000000000002a6c" + "00";
        assertThat(oursError(ours(closing))).isIn(DecodeError.TLV_BAD_VALUE_LENGTH, DecodeError.TRAILING_BYTES);
        assertThat(kmp(closing).fields()).containsEntry("fee_range", "253..10860");
        assertExplainedAs(KnownDisagreement.KMP_08_KNOWN_TLV_EXCESS_IGNORED, closing);
        // channel_ready, short_channel_id alias (type 1) with 9 bytes
        String ready = "0024" + CHANNEL_ID + POINT + "0109" + "000000000000002a" + "00";
        assertThat(oursError(ours(ready))).isIn(DecodeError.TLV_BAD_VALUE_LENGTH, DecodeError.TRAILING_BYTES);
        assertThat(kmp(ready).fields()).containsEntry("alias", "42");
        assertExplainedAs(KnownDisagreement.KMP_08_KNOWN_TLV_EXCESS_IGNORED, ready);
    }

    @Test
    @DisplayName("EXP-03 channel_reestablish next_funding: type 0 for lightning-kmp 1.8.4, type 1 in the pinned spec")
    void exp03() {
        String fixed = "0088" + CHANNEL_ID + "0000000000000001" + "0000000000000000" + "00".repeat(32) + POINT;
        // lightning-kmp's next_funding (type 0, a txid): an unknown even record for the pinned spec
        String kmpStyle = fixed + "0020" + "44".repeat(32);
        assertThat(oursError(ours(kmpStyle))).isEqualTo(DecodeError.TLV_UNKNOWN_EVEN);
        assertThat(kmp(kmpStyle).accepted()).isTrue();
        assertExplainedAs(KnownDisagreement.EXP_03_KMP_OWN_BOLT2_TLVS, kmpStyle);
        // the spec's next_funding (type 1, txid + retransmit_flags): both accept, lightning-kmp as unknown odd
        String specStyle = fixed + "0121" + "44".repeat(32) + "01";
        assertThat(ours(specStyle).accepted()).isTrue();
        assertThat(kmp(specStyle).accepted()).isTrue();
    }

    @Test
    @DisplayName("EXP-04 lightning-kmp does not check that a point lies on the curve")
    void exp04() {
        // channel_ready whose second_per_commitment_point has prefix 02 and x = 5 (no point on the curve has it)
        String offCurve = "02" + "00".repeat(31) + "05";
        String ready = "0024" + CHANNEL_ID + offCurve;
        assertThat(oursError(ours(ready))).isEqualTo(DecodeError.INVALID_POINT);
        assertThat(kmp(ready).fields()).containsEntry("second_per_commitment_point", offCurve);
        assertExplainedAs(KnownDisagreement.EXP_04_POINT_NOT_CHECKED_BY_KMP, ready);
    }
}
