package org.lnconform.bolt3;

import fr.acinq.bitcoin.SigHash;

/**
 * The commitment formats this module builds: the two that real nodes use by default
 * (BOLT 9 {@code option_static_remotekey}, and {@code option_anchors_zero_fee_htlc_tx}, which
 * BOLT 3 calls "option_anchors"). Weights and fees from BOLT 3 "Fee Calculation".
 */
public enum ChannelType {
    STATIC_REMOTEKEY(false),
    ANCHORS_ZERO_FEE_HTLC_TX(true);

    /** BOLT 3, {@code to_local_anchor} and {@code to_remote_anchor}: fixed at 330 sat. */
    public static final long ANCHOR_OUTPUT_SAT = 330;

    private final boolean anchors;

    ChannelType(boolean anchors) {
        this.anchors = anchors;
    }

    public boolean anchors() {
        return anchors;
    }

    /** BOLT 3 expected commitment weight before HTLC outputs: 724, or 1124 with anchors. */
    public long commitmentBaseWeight() {
        return anchors ? 1124 : 724;
    }

    /** Weight each untrimmed HTLC output adds to the commitment transaction. */
    public long htlcOutputWeight() {
        return 172;
    }

    /** BOLT 3: the HTLC-timeout fee; 0 with option_anchors, else feerate × 663 / 1000 rounded down. */
    public long htlcTimeoutFee(long feeratePerKw) {
        return anchors ? 0 : feeratePerKw * 663 / 1000;
    }

    /** BOLT 3: the HTLC-success fee; 0 with option_anchors, else feerate × 703 / 1000 rounded down. */
    public long htlcSuccessFee(long feeratePerKw) {
        return anchors ? 0 : feeratePerKw * 703 / 1000;
    }

    /** BOLT 3, HTLC transactions: {@code txin[0]} sequence is 0, or 1 with option_anchors. */
    public long htlcTxSequence() {
        return anchors ? 1 : 0;
    }

    /** The sighash of the remote node's signature on an HTLC transaction (SINGLE|ANYONECANPAY with anchors). */
    public int remoteHtlcSighash() {
        return anchors ? (SigHash.SIGHASH_SINGLE | SigHash.SIGHASH_ANYONECANPAY) : SigHash.SIGHASH_ALL;
    }
}
