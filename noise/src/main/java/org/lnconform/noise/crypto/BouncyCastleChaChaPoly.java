package org.lnconform.noise.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** ChaCha20-Poly1305 from BouncyCastle's lightweight API: pure Java, the fastest for small messages. */
public final class BouncyCastleChaChaPoly implements ChaChaPoly {

    public static final Factory FACTORY = new Factory() {
        @Override
        public ChaChaPoly forKey(byte[] key) {
            return new BouncyCastleChaChaPoly(key);
        }

        @Override
        public String name() {
            return "bouncycastle";
        }
    };

    private final KeyParameter key;
    private final ChaCha20Poly1305 cipher = new ChaCha20Poly1305();

    private BouncyCastleChaChaPoly(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 key must be 32 bytes");
        }
        this.key = new KeyParameter(key.clone());
    }

    @Override
    public int seal(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        cipher.init(true, new AEADParameters(key, 128, ChaChaPoly.nonce(nonce), ad));
        int n = cipher.processBytes(in, inOff, inLen, out, outOff);
        try {
            return n + cipher.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int open(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff)
            throws BadTagException {
        if (inLen < TAG_LENGTH) {
            throw new BadTagException();
        }
        cipher.init(false, new AEADParameters(key, 128, ChaChaPoly.nonce(nonce), ad));
        int n = cipher.processBytes(in, inOff, inLen, out, outOff);
        try {
            return n + cipher.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new BadTagException();
        }
    }
}
