package org.lnconform.noise.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Pure-Java secp256k1 on BouncyCastle's custom curve: the portable fallback. */
public final class BouncyCastleSecp256k1 implements Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final ECCurve CURVE = PARAMS.getCurve();
    private static final BigInteger N = PARAMS.getN();
    private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

    @Override
    public byte[] publicKey(byte[] privateKey) {
        BigInteger k = scalar(privateKey);
        return baseMultiplier.multiply(PARAMS.getG(), k).getEncoded(true);
    }

    @Override
    public boolean isValidPrivateKey(byte[] privateKey) {
        if (privateKey.length != 32) {
            return false;
        }
        BigInteger k = new BigInteger(1, privateKey);
        return k.signum() > 0 && k.compareTo(N) < 0;
    }

    @Override
    public boolean isValidPublicKey(byte[] key) {
        return decode(key) != null;
    }

    @Override
    public byte[] ecdh(byte[] privateKey, byte[] key) {
        ECPoint p = decode(key);
        if (p == null) {
            throw new IllegalArgumentException("public key is not a valid compressed point");
        }
        ECPoint shared = p.multiply(scalar(privateKey)).normalize();
        try {
            return MessageDigest.getInstance("SHA-256").digest(shared.getEncoded(true));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger scalar(byte[] privateKey) {
        BigInteger k = new BigInteger(1, privateKey);
        if (privateKey.length != 32 || k.signum() == 0 || k.compareTo(N) >= 0) {
            throw new IllegalArgumentException("invalid private key");
        }
        return k;
    }

    private static ECPoint decode(byte[] key) {
        if (key.length != 33 || (key[0] != 2 && key[0] != 3)) {
            return null;
        }
        try {
            ECPoint p = CURVE.decodePoint(key);
            return p.isValid() && !p.isInfinity() ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "bouncycastle";
    }
}
