package org.lnconform.noise.crypto;

/** secp256k1 through libsecp256k1 (ACINQ's secp256k1-kmp JNI binding); about 3x BouncyCastle's ECDH rate. */
public final class NativeSecp256k1 implements Secp256k1 {

    private final fr.acinq.secp256k1.Secp256k1 lib;

    private NativeSecp256k1(fr.acinq.secp256k1.Secp256k1 lib) {
        this.lib = lib;
    }

    /** Loads the native library; throws if this platform has none. */
    public static NativeSecp256k1 load() {
        return new NativeSecp256k1(fr.acinq.secp256k1.Secp256k1.get());
    }

    @Override
    public byte[] publicKey(byte[] privateKey) {
        return lib.pubKeyCompress(lib.pubkeyCreate(privateKey));
    }

    @Override
    public boolean isValidPrivateKey(byte[] privateKey) {
        return privateKey.length == 32 && lib.secKeyVerify(privateKey);
    }

    @Override
    public boolean isValidPublicKey(byte[] key) {
        if (key.length != 33 || (key[0] != 2 && key[0] != 3)) {
            return false;
        }
        try {
            lib.pubkeyParse(key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public byte[] ecdh(byte[] privateKey, byte[] key) {
        if (key.length != 33 || (key[0] != 2 && key[0] != 3)) {
            throw new IllegalArgumentException("public key is not a 33-byte compressed point");
        }
        try {
            // libsecp256k1's default ECDH hash is SHA-256(compressed point), exactly BOLT 8's ECDH.
            return lib.ecdh(privateKey, key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("public key is not on the curve", e);
        }
    }

    @Override
    public String name() {
        return "libsecp256k1";
    }
}
