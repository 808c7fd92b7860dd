package org.lnconform.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.crypto.CryptoProvider;

/** Behaviour of the sans-I/O handshake beyond the spec vectors. */
class HandshakeTest {

    private final NodeKey alice = NodeKey.generate();
    private final NodeKey bob = NodeKey.generate();

    @Test
    void bothSidesDeriveMatchingKeysAndAuthenticateEachOther() throws Exception {
        var one = Handshake.initiator(alice, bob.publicKey()).actOne();
        var two = Handshake.responder(bob).readActOne(one.bytes());
        var three = one.next().readActTwo(two.bytes());
        Session responder = two.next().readActThree(three.bytes());
        Session initiator = three.session();
        assertThat(responder.remoteStatic()).isEqualTo(alice.publicKey());
        assertThat(initiator.remoteStatic()).isEqualTo(bob.publicKey());
        byte[] frame = initiator.encryptor().encrypt("hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(responder.decryptor().decryptFrame(frame)).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aDifferentProtocolNameFailsActOneAtTheResponder() {
        var one = Handshake.initiator(alice, bob.publicKey(), CryptoProvider.defaults(), EphemeralKeys.secureRandom())
                .withProtocolNameForProbe("Noise_XX_secp256k1_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII),
                        SymmetricState.PROLOGUE)
                .actOne();
        assertThatThrownBy(() -> Handshake.responder(bob).readActOne(one.bytes()))
                .isInstanceOfSatisfying(HandshakeException.class,
                        e -> assertThat(e.error()).isEqualTo(HandshakeError.ACT1_BAD_TAG));
    }

    @Test
    void probeChoicesAreFixedWhenTheStartIsBuiltAndLeaveTheOriginalAlone() throws Exception {
        InitiatorStart plain = Handshake.initiator(alice, bob.publicKey());
        InitiatorStart probe = plain.withProtocolNameForProbe(
                "Noise_XX_secp256k1_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII), SymmetricState.PROLOGUE);
        assertThat(probe).isNotSameAs(plain);
        // the original still speaks BOLT 8
        var one = plain.actOne();
        var two = Handshake.responder(bob).readActOne(one.bytes());
        assertThat(two.next().readActThree(one.next().readActTwo(two.bytes()).bytes()).remoteStatic())
                .isEqualTo(alice.publicKey());
    }

    @Test
    void aPresentedStaticKeyThatIsNoPointFailsActThreeAtTheResponder() throws Exception {
        byte[] notAPoint = new byte[33];
        notAPoint[0] = 2;
        var one = Handshake.initiator(alice, bob.publicKey()).presentingStaticForProbe(notAPoint).actOne();
        var two = Handshake.responder(bob).readActOne(one.bytes());
        byte[] actThree = one.next().readActTwo(two.bytes()).bytes();
        assertThatThrownBy(() -> two.next().readActThree(actThree))
                .isInstanceOfSatisfying(HandshakeException.class,
                        e -> assertThat(e.error()).isEqualTo(HandshakeError.ACT3_BAD_PUBKEY));
    }

    @Test
    void theDerivedConstantsMatchTheSpec() {
        // ../shared/bolts/vectors.json, _derived_not_in_spec
        assertThat(Hex.encode(SymmetricState.sha256(SymmetricState.PROTOCOL_NAME)))
                .isEqualTo("2640f52eebcd9e882958951c794250eedb28002c05d7dc2ea0f195406042caf1");
        assertThat(Hex.encode(SymmetricState.sha256(SymmetricState.sha256(SymmetricState.PROTOCOL_NAME),
                SymmetricState.PROLOGUE))).isEqualTo("d1fbf6dee4f686f132fd702c4abf8fba4bb420d89d2a048a3c4f4c092e37b676");
    }

    @Test
    void oversizeMessagesAreRefusedWhenSending() throws Exception {
        var one = Handshake.initiator(alice, bob.publicKey()).actOne();
        var two = Handshake.responder(bob).readActOne(one.bytes());
        Session s = one.next().readActTwo(two.bytes()).session();
        assertThatThrownBy(() -> s.encryptor().encrypt(new byte[65536]))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.error()).isEqualTo(TransportError.MESSAGE_TOO_LONG));
    }

    @Test
    void aDecryptorStaysFailedAfterABadTag() throws Exception {
        var one = Handshake.initiator(alice, bob.publicKey()).actOne();
        var two = Handshake.responder(bob).readActOne(one.bytes());
        var three = one.next().readActTwo(two.bytes());
        Session responder = two.next().readActThree(three.bytes());
        byte[] frame = three.session().encryptor().encrypt(new byte[10]);
        frame[frame.length - 1] ^= 1;
        assertThatThrownBy(() -> responder.decryptor().decryptFrame(frame)).isInstanceOf(TransportException.class);
        byte[] next = three.session().encryptor().encrypt(new byte[10]);
        assertThatThrownBy(() -> responder.decryptor().decryptFrame(next))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.error()).isEqualTo(TransportError.FAILED_EARLIER));
    }

    @Test
    void badArgumentsToEncryptConsumeNoNonce() throws Exception {
        var one = Handshake.initiator(alice, bob.publicKey()).actOne();
        var two = Handshake.responder(bob).readActOne(one.bytes());
        var three = one.next().readActTwo(two.bytes());
        Session responder = two.next().readActThree(three.bytes());
        TransportEncryptor enc = three.session().encryptor();
        assertThatThrownBy(() -> enc.encrypt(new byte[100], 0, 100, new byte[50], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> enc.encrypt(new byte[10], 0, -1, new byte[50], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(enc.nonce()).isZero();
        byte[] frame = enc.encrypt(new byte[] {1, 2, 3});
        assertThat(responder.decryptor().decryptFrame(frame)).containsExactly(1, 2, 3);
    }
}
