package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lnconform.noise.Session;
import org.lnconform.noise.TransportDecryptor;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportError;
import org.lnconform.noise.TransportException;
import org.lnconform.noise.crypto.CryptoProvider;

/**
 * BOLT 8 transport after the spec's handshake: 1100 to 1500 messages of fuzzer-chosen sizes
 * (always including 0 and 65535 bytes), so both directions' keys rotate at least twice, are
 * encrypted and handed to the receiver cut at random points. Without corruption every message
 * comes out as sent; with one byte flipped the frame holding it fails with the matching
 * error, the ones before it are intact, and the decryptor stays failed. A message over 65535
 * bytes is refused with MESSAGE_TOO_LONG and leaves the encryptor's nonce where it was.
 */
class TransportFuzzTest {

    @FuzzTest
    void roundTripAcrossRotation(byte[] input) throws TransportException {
        TransportPlan plan = TransportPlan.read(input);
        Session[] pair = Bolt8Fixture.sessions(CryptoProvider.defaults());
        TransportEncryptor encryptor = pair[plan.reverse() ? 1 : 0].encryptor();
        TransportDecryptor decryptor = pair[plan.reverse() ? 0 : 1].decryptor();
        SplittableRandom rnd = new SplittableRandom(plan.seed());

        List<byte[]> sent = new ArrayList<>();
        int[] frameStart = new int[plan.messages()];
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < plan.messages(); i++) {
            if (plan.oversize() && i == plan.oversizeAt()) {
                checkOversizeRefused(encryptor, plan.oversizeLength());
            }
            byte[] message = new byte[plan.sizes()[i]];
            rnd.nextBytes(message);
            frameStart[i] = wire.size();
            wire.writeBytes(encrypt(encryptor, message, rnd));
            sent.add(message);
        }
        // Two nonces per message; the key rotates each time the nonce reaches 1000.
        long nonces = 2L * plan.messages();
        assertThat(encryptor.rotations()).isEqualTo(nonces / 1000);
        assertThat(encryptor.nonce()).isEqualTo(nonces % 1000);

        byte[] stream = wire.toByteArray();
        TransportError expected = null;
        if (plan.corrupt()) {
            int k = plan.corruptAt();
            int frameLength = TransportEncryptor.frameLength(plan.sizes()[k]);
            int offset = plan.corruptOffset() % frameLength;
            stream[frameStart[k] + offset] ^= (byte) plan.corruptMask();
            expected = offset < TransportEncryptor.HEADER_LENGTH ? TransportError.BAD_LENGTH_TAG : TransportError.BAD_BODY_TAG;
        }

        FragmentingReader reader = new FragmentingReader(decryptor);
        TransportException failure = null;
        for (int pos = 0; pos < stream.length && failure == null; ) {
            int piece = Math.min(1 + rnd.nextInt(plan.maxPiece()), stream.length - pos);
            try {
                reader.feed(stream, pos, piece);
            } catch (TransportException e) {
                failure = e;
            }
            pos += piece;
        }

        int intact = plan.corrupt() ? plan.corruptAt() : plan.messages();
        assertThat(reader.messages()).hasSize(intact);
        for (int i = 0; i < intact; i++) {
            assertThat(reader.messages().get(i)).as("message %d of %d bytes", i, sent.get(i).length).isEqualTo(sent.get(i));
        }
        if (expected == null) {
            assertThat(failure).isNull();
            assertThat(decryptor.rotations()).isEqualTo(encryptor.rotations());
            assertThat(decryptor.nonce()).isEqualTo(encryptor.nonce());
            return;
        }
        assertThat(failure).as("corrupted frame %d", plan.corruptAt()).isNotNull();
        assertThat(failure.error()).isEqualTo(expected);
        assertStaysFailed(decryptor, stream, frameStart[Math.min(plan.corruptAt() + 1, plan.messages() - 1)]);
    }

    /** Encrypts with one of the two entry points, at a random output offset for the array one. */
    private static byte[] encrypt(TransportEncryptor encryptor, byte[] message, SplittableRandom rnd)
            throws TransportException {
        if (rnd.nextBoolean()) {
            return encryptor.encrypt(message);
        }
        int inOff = rnd.nextInt(8);
        int outOff = rnd.nextInt(8);
        byte[] in = new byte[inOff + message.length];
        System.arraycopy(message, 0, in, inOff, message.length);
        byte[] out = new byte[outOff + TransportEncryptor.frameLength(message.length)];
        int n = encryptor.encrypt(in, inOff, message.length, out, outOff);
        assertThat(n).isEqualTo(TransportEncryptor.frameLength(message.length));
        byte[] frame = new byte[n];
        System.arraycopy(out, outOff, frame, 0, n);
        return frame;
    }

    private static void checkOversizeRefused(TransportEncryptor encryptor, int length) {
        long nonce = encryptor.nonce();
        byte[] big = new byte[length];
        TransportException whole = catchThrowableOfType(TransportException.class, () -> encryptor.encrypt(big));
        assertThat(whole).isNotNull();
        assertThat(whole.error()).isEqualTo(TransportError.MESSAGE_TOO_LONG);
        TransportException slice = catchThrowableOfType(TransportException.class,
                () -> encryptor.encrypt(big, 0, length, new byte[TransportEncryptor.frameLength(length)], 0));
        assertThat(slice).isNotNull();
        assertThat(slice.error()).isEqualTo(TransportError.MESSAGE_TOO_LONG);
        assertThat(encryptor.nonce()).isEqualTo(nonce);
    }

    /** BOLT 8: after a failed frame the connection is closed; every later call must fail too. */
    private static void assertStaysFailed(TransportDecryptor decryptor, byte[] stream, int nextFrame) {
        assertThat(decryptor.failed()).isTrue();
        TransportException header = catchThrowableOfType(TransportException.class,
                () -> decryptor.decryptLength(stream, nextFrame, TransportEncryptor.HEADER_LENGTH));
        assertThat(header).isNotNull();
        assertThat(header.error()).isEqualTo(TransportError.FAILED_EARLIER);
        TransportException body = catchThrowableOfType(TransportException.class,
                () -> decryptor.decryptBody(new byte[16]));
        assertThat(body).isNotNull();
        assertThat(body.error()).isEqualTo(TransportError.FAILED_EARLIER);
    }
}
