package org.lnconform.harness.cases.bolt02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acinq.bitcoin.ByteVector64;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.PrivateKey;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelOpenTlvs;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.tlv.TlvStream;

/** The node's accept_channel read field by field even when our codec rejects one of its points. */
class NodeAcceptTest {

    private static final Bytes VALID = Bytes.fromHex("02" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    /** x = 5 is not on secp256k1 (5^3 + 7 = 132 is not a square mod p). */
    private static final Bytes OFF_CURVE = Bytes.fromHex("02" + "00".repeat(31) + "05");
    private static final Bytes UNCOMPRESSED_PREFIX = Bytes.fromHex("04" + VALID.hex().substring(2));

    private static AcceptChannel accept(Bytes htlcBasepoint, Bytes perCommitmentPoint) {
        Bytes other = Bytes.of(new PrivateKey(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
                .publicKey().value.toByteArray());
        return new AcceptChannel(Bytes.of(new byte[32]), 546, 1000, 2000, 1, 3, 144, 30, VALID, other, VALID, other,
                htlcBasepoint, perCommitmentPoint, TlvStream.empty().with(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT, Bytes.empty()));
    }

    /** The message as the probe hands it on: decoded, or null with the codec's error. */
    private static Incoming.Message received(AcceptChannel a) {
        byte[] plaintext = MessageRegistry.standard().encode(a);
        try {
            return new Incoming.Message(AcceptChannel.TYPE, plaintext, MessageRegistry.standard().decode(plaintext), null);
        } catch (WireException e) {
            return new Incoming.Message(AcceptChannel.TYPE, plaintext, null, e);
        }
    }

    @Test
    void invalidPointsAreListedAndTheOtherFieldsStillRead() throws Exception {
        Incoming.Message m = received(accept(OFF_CURVE, UNCOMPRESSED_PREFIX));
        assertThat(m.decoded()).isNull();
        assertThat(m.error().kind()).isEqualTo(DecodeError.INVALID_POINT);

        NodeAccept n = NodeAccept.read(null, null, m);
        assertThat(n.badKeys(false)).singleElement().asString().startsWith("htlc_basepoint").contains("not the abscissa");
        assertThat(n.badKeys(true)).singleElement().asString().startsWith("first_per_commitment_point").contains("0x04");
        assertThat(n.accept().channelReserveSatoshis()).isEqualTo(2000);
        assertThat(n.accept().toSelfDelay()).isEqualTo(144);
        assertThat(n.accept().upfrontShutdownScript()).contains(Bytes.empty());
    }

    @Test
    void aValidMessageHasNoBadPoints() throws Exception {
        NodeAccept n = NodeAccept.read(null, null, received(accept(VALID, VALID)));
        assertThat(n.badPoints()).isEmpty();
        assertThat(n.accept()).isEqualTo(accept(VALID, VALID));
    }

    @Test
    void aMessageBrokenOtherwiseCannotBeJudged() {
        byte[] plaintext = MessageRegistry.standard().encode(accept(VALID, VALID));
        byte[] cut = Arrays.copyOf(plaintext, 100);
        Incoming.Message m = new Incoming.Message(AcceptChannel.TYPE, cut, null,
                new WireException(DecodeError.SHORT_READ, 100, "accept_channel", "cut"));
        assertThatThrownBy(() -> NodeAccept.read(null, null, m)).isInstanceOf(Unsupported.class)
                .hasMessageContaining("does not decode");
    }

    @Test
    void highSIsTheSameSignatureWithTheOtherS() {
        PrivateKey key = new PrivateKey(new byte[] {
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        byte[] hash = new byte[32];
        hash[0] = 7;
        Bytes low = Bytes.of(Crypto.sign(hash, key).toByteArray());
        Bytes high = FundingCreatedCases.highS(low);
        BigInteger n = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
        BigInteger s = new BigInteger(1, high.slice(32, 64).toByteArray());
        assertThat(s).isGreaterThan(n.shiftRight(1));
        assertThat(high.slice(0, 32)).isEqualTo(low.slice(0, 32));
        assertThat(FundingCreatedCases.highS(high)).isEqualTo(low);
        // libsecp256k1 verifies only the low-S form (BOLT 2 requires the recipient to refuse the other)
        assertThat(Crypto.verifySignature(hash, new ByteVector64(low.toByteArray()), key.publicKey())).isTrue();
        assertThat(Crypto.verifySignature(hash, new ByteVector64(high.toByteArray()), key.publicKey())).isFalse();
    }
}
