package org.lnconform.bolt3;

import fr.acinq.bitcoin.PublicKey;

/**
 * The keys of one commitment transaction, named from its owner's side as in BOLT 3
 * ("local" = the owner). {@code remotePubkey} is the other node's payment_basepoint itself
 * (BOLT 3, remotepubkey Derivation).
 */
public record CommitmentKeys(
        PublicKey localFundingPubkey,
        PublicKey remoteFundingPubkey,
        PublicKey revocationPubkey,
        PublicKey localDelayedPubkey,
        PublicKey localHtlcPubkey,
        PublicKey remoteHtlcPubkey,
        PublicKey remotePubkey) {

    /**
     * Derives the keys of the commitment transaction held by {@code owner}, from both nodes'
     * basepoints and the owner's per-commitment point.
     */
    public static CommitmentKeys derive(Basepoints owner, Basepoints other, PublicKey ownerPerCommitmentPoint) {
        return new CommitmentKeys(
                owner.fundingPubkey(),
                other.fundingPubkey(),
                KeyDerivation.revocationPubkey(other.revocationBasepoint(), ownerPerCommitmentPoint),
                KeyDerivation.derivePubkey(owner.delayedPaymentBasepoint(), ownerPerCommitmentPoint),
                KeyDerivation.derivePubkey(owner.htlcBasepoint(), ownerPerCommitmentPoint),
                KeyDerivation.derivePubkey(other.htlcBasepoint(), ownerPerCommitmentPoint),
                other.paymentBasepoint());
    }

    /** The public keys one node sends in {@code open_channel} or {@code accept_channel}. */
    public record Basepoints(
            PublicKey fundingPubkey,
            PublicKey revocationBasepoint,
            PublicKey paymentBasepoint,
            PublicKey delayedPaymentBasepoint,
            PublicKey htlcBasepoint) {
    }
}
