package org.lnconform.bolt3;

import fr.acinq.bitcoin.ByteVector64;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.SigVersion;
import fr.acinq.bitcoin.Transaction;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Segwit v0 (BIP 143) signatures over one input, deterministic (RFC 6979) as BOLT 3's vectors
 * expect. The Lightning wire carries 64-byte compact signatures; scripts carry DER plus a
 * sighash byte.
 */
public final class Signatures {

    private Signatures() {
    }

    /** The signature hash of input {@code input} spending {@code amountSat} locked by {@code witnessScript}. */
    public static byte[] sighash(Transaction tx, int input, byte[] witnessScript, long amountSat, int sighashType) {
        return tx.hashForSigning(input, witnessScript, sighashType, new Satoshi(amountSat), SigVersion.SIGVERSION_WITNESS_V0);
    }

    /** A 64-byte compact signature (r || s, low-s). */
    public static byte[] signCompact(Transaction tx, int input, byte[] witnessScript, long amountSat, int sighashType,
            PrivateKey key) {
        return Crypto.sign(sighash(tx, input, witnessScript, amountSat, sighashType), key).toByteArray();
    }

    public static boolean verifyCompact(Transaction tx, int input, byte[] witnessScript, long amountSat,
            int sighashType, byte[] compact, PublicKey key) {
        if (compact.length != 64) {
            return false;
        }
        return Crypto.verifySignature(sighash(tx, input, witnessScript, amountSat, sighashType),
                new ByteVector64(compact), key);
    }

    /** n, the order of secp256k1's group. */
    private static final BigInteger CURVE_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    /**
     * (r, s) as (r, n - s): the same signature to plain ECDSA, with the other S. A low-S signature
     * (S at most n / 2, as BIP 62 and Bitcoin's standardness require) becomes a high-S one and back.
     */
    public static byte[] negateS(byte[] compact) {
        byte[] sig = compact.clone();
        byte[] negated = CURVE_ORDER.subtract(s(compact)).toByteArray();
        Arrays.fill(sig, 32, 64, (byte) 0);
        int len = Math.min(32, negated.length);
        System.arraycopy(negated, negated.length - len, sig, 64 - len, len);
        return sig;
    }

    /** True if the compact signature's S is above n / 2 (not low-S, BIP 62). */
    public static boolean isHighS(byte[] compact) {
        return s(compact).compareTo(CURVE_ORDER.shiftRight(1)) > 0;
    }

    private static BigInteger s(byte[] compact) {
        return new BigInteger(1, Arrays.copyOfRange(compact, 32, 64));
    }

    /** DER encoding of a compact signature, without the sighash byte. */
    public static byte[] der(byte[] compact) {
        return Crypto.compact2der(new ByteVector64(compact)).toByteArray();
    }

    /** The compact form of a DER signature (without sighash byte). */
    public static byte[] compact(byte[] der) {
        return Crypto.der2compact(der).toByteArray();
    }

    /** A signature as a witness stack item: DER followed by the sighash byte. */
    public static byte[] witnessItem(byte[] compact, int sighashType) {
        byte[] der = der(compact);
        byte[] out = Arrays.copyOf(der, der.length + 1);
        out[der.length] = (byte) sighashType;
        return out;
    }
}
