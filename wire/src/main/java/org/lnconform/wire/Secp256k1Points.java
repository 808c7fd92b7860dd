package org.lnconform.wire;

import java.math.BigInteger;

/** Checks that 33 bytes are a compressed secp256k1 point, without a crypto library. */
public final class Secp256k1Points {

    /** The field prime p = 2^256 - 2^32 - 977. */
    private static final BigInteger P = new BigInteger(
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
    private static final BigInteger SEVEN = BigInteger.valueOf(7);
    private static final BigInteger LEGENDRE_EXPONENT = P.subtract(BigInteger.ONE).shiftRight(1);

    public static final int COMPRESSED_SIZE = 33;

    /** G, secp256k1's generator, compressed: a valid point to stand in for an invalid one. */
    public static final Bytes GENERATOR =
            Bytes.fromHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    private Secp256k1Points() {
    }

    /**
     * True if {@code point} is a SEC 1 compressed encoding (prefix 02 or 03, then x) and x is
     * the abscissa of a point on y^2 = x^3 + 7, i.e. x < p and x^3 + 7 is a square mod p.
     */
    public static boolean isValidCompressed(Bytes point) {
        return whyInvalid(point) == null;
    }

    /** Null when valid, else a short reason. */
    static String whyInvalid(Bytes point) {
        if (point.size() != COMPRESSED_SIZE) {
            return "a compressed point is 33 bytes, not " + point.size();
        }
        int prefix = point.getUnsigned(0);
        if (prefix != 0x02 && prefix != 0x03) {
            return "prefix 0x" + String.format("%02x", prefix) + " is not a compressed point's 0x02 or 0x03";
        }
        BigInteger x = new BigInteger(1, point.slice(1, COMPRESSED_SIZE).internal());
        if (x.compareTo(P) >= 0) {
            return "x is not below the field prime";
        }
        BigInteger rhs = x.modPow(BigInteger.valueOf(3), P).add(SEVEN).mod(P);
        // Euler's criterion: a non-zero square has rhs^((p-1)/2) = 1; x^3 + 7 is never 0 on secp256k1.
        if (!rhs.modPow(LEGENDRE_EXPONENT, P).equals(BigInteger.ONE)) {
            return "x is not on the curve (x^3 + 7 has no square root mod p)";
        }
        return null;
    }
}
