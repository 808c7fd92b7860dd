package org.lnconform.bolt3;

import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;

/**
 * BOLT 3, Key Derivation. The per-commitment keys are the basepoints tweaked by the
 * per-commitment point; the revocation key blends a basepoint of one node with the
 * per-commitment point of the other, so that neither alone knows its secret.
 */
public final class KeyDerivation {

    private KeyDerivation() {
    }

    /** {@code per_commitment_point = per_commitment_secret * G}. */
    public static PublicKey perCommitmentPoint(byte[] perCommitmentSecret) {
        return new PrivateKey(perCommitmentSecret).publicKey();
    }

    /**
     * localpubkey, local/remote_htlcpubkey, local/remote_delayedpubkey:
     * {@code basepoint + SHA256(per_commitment_point || basepoint) * G}.
     */
    public static PublicKey derivePubkey(PublicKey basepoint, PublicKey perCommitmentPoint) {
        PrivateKey tweak = tweak(perCommitmentPoint, basepoint);
        return basepoint.plus(tweak.publicKey());
    }

    /** The matching secret: {@code basepoint_secret + SHA256(per_commitment_point || basepoint)}. */
    public static PrivateKey derivePrivkey(PrivateKey basepointSecret, PublicKey perCommitmentPoint) {
        return basepointSecret.plus(tweak(perCommitmentPoint, basepointSecret.publicKey()));
    }

    /**
     * {@code revocation_basepoint * SHA256(revocation_basepoint || per_commitment_point)
     * + per_commitment_point * SHA256(per_commitment_point || revocation_basepoint)}.
     */
    public static PublicKey revocationPubkey(PublicKey revocationBasepoint, PublicKey perCommitmentPoint) {
        PublicKey a = revocationBasepoint.times(tweak(revocationBasepoint, perCommitmentPoint));
        PublicKey b = perCommitmentPoint.times(tweak(perCommitmentPoint, revocationBasepoint));
        return a.plus(b);
    }

    /**
     * Once the per-commitment secret is revealed: {@code revocation_basepoint_secret *
     * SHA256(revocation_basepoint || per_commitment_point) + per_commitment_secret *
     * SHA256(per_commitment_point || revocation_basepoint)}.
     */
    public static PrivateKey revocationPrivkey(PrivateKey revocationBasepointSecret, PrivateKey perCommitmentSecret) {
        PublicKey basepoint = revocationBasepointSecret.publicKey();
        PublicKey point = perCommitmentSecret.publicKey();
        PrivateKey a = revocationBasepointSecret.times(tweak(basepoint, point));
        PrivateKey b = perCommitmentSecret.times(tweak(point, basepoint));
        return a.plus(b);
    }

    /** SHA256(first || second) over the compressed encodings, as a scalar. */
    private static PrivateKey tweak(PublicKey first, PublicKey second) {
        return new PrivateKey(Hashes.sha256(Scripts.bytes(first), Scripts.bytes(second)));
    }
}
