package org.lnconform.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.conscrypt.Conscrypt;
import org.lnconform.noise.crypto.ChaChaPoly;

/**
 * ChaCha20-Poly1305 from Conscrypt (BoringSSL over JNI) through its JCA provider: a benchmark
 * candidate only, the noise module does not depend on Conscrypt. Like {@code JdkChaChaPoly}, one
 * cipher object per direction, because Conscrypt refuses to encrypt twice with one nonce.
 *
 * <p>Two ways in. {@code doFinal(byte[]…)}: Conscrypt 2.5.2 copies the input into an internal
 * buffer that it re-allocates whenever the message size differs from the previous message's (a
 * global, shared by all instances), i.e. twice per BOLT 8 frame: 197 KB of garbage per 64 KiB
 * frame. {@code doFinal(ByteBuffer, ByteBuffer)} on direct buffers goes to BoringSSL with no
 * buffering, at the price of copying in and out of per-thread direct buffers. {@link #FACTORY}
 * uses the array path below {@link #DIRECT_FROM} bytes and the direct path from there on;
 * {@link #ARRAY_FACTORY} always uses the array path (for comparison).
 */
final class ConscryptChaChaPoly implements ChaChaPoly {

    private static final Provider PROVIDER = Conscrypt.newProvider();
    private static final int MAX = 65535 + TAG_LENGTH;
    private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal.withInitial(
            () -> new ByteBuffer[] {ByteBuffer.allocateDirect(MAX), ByteBuffer.allocateDirect(MAX)});

    /** Messages at least this long go through the direct buffers. */
    static final int DIRECT_FROM = 512;

    static final Factory FACTORY = factory(true, "conscrypt");
    static final Factory ARRAY_FACTORY = factory(false, "conscrypt-array");

    private final SecretKeySpec key;
    private final boolean direct;
    private Cipher encrypt;
    private Cipher decrypt;

    private ConscryptChaChaPoly(byte[] key, boolean direct) {
        if (key.length != 32) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "ChaCha20");
        this.direct = direct;
    }

    private static Factory factory(boolean direct, String name) {
        return new Factory() {
            @Override
            public ChaChaPoly forKey(byte[] key) {
                return new ConscryptChaChaPoly(key, direct);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("ChaCha20-Poly1305", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Conscrypt has no ChaCha20-Poly1305", e);
        }
    }

    @Override
    public int seal(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        if (encrypt == null) {
            encrypt = newCipher();
        }
        try {
            encrypt.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ChaChaPoly.nonce(nonce)));
            return run(encrypt, ad, in, inOff, inLen, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int open(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff)
            throws BadTagException {
        if (inLen < TAG_LENGTH) {
            throw new BadTagException();
        }
        if (decrypt == null) {
            decrypt = newCipher();
        }
        try {
            decrypt.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(ChaChaPoly.nonce(nonce)));
            return run(decrypt, ad, in, inOff, inLen, out, outOff);
        } catch (AEADBadTagException e) {
            decrypt = null;
            throw new BadTagException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(Cipher cipher, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff)
            throws GeneralSecurityException {
        if (ad.length > 0) {
            cipher.updateAAD(ad);
        }
        if (!direct || inLen < DIRECT_FROM) {
            return cipher.doFinal(in, inOff, inLen, out, outOff);
        }
        ByteBuffer[] scratch = SCRATCH.get();
        ByteBuffer src = scratch[0].clear();
        src.put(in, inOff, inLen).flip();
        ByteBuffer dst = scratch[1].clear();
        int n = cipher.doFinal(src, dst);
        dst.flip().get(out, outOff, n);
        return n;
    }
}
