package org.lnconform.bolt3;

import java.util.Arrays;

/**
 * An HTLC committed to, seen from the owner of the commitment transaction: {@code OFFERED} by
 * the owner (an HTLC-timeout spends its output) or {@code RECEIVED} by the owner (an
 * HTLC-success spends it).
 */
public record Htlc(Direction direction, long amountMsat, byte[] paymentHash, long cltvExpiry) {

    public enum Direction { OFFERED, RECEIVED }

    public Htlc {
        if (paymentHash.length != 32) {
            throw new IllegalArgumentException("payment_hash is 32 bytes, not " + paymentHash.length);
        }
        paymentHash = paymentHash.clone();
    }

    @Override
    public byte[] paymentHash() {
        return paymentHash.clone();
    }

    /** BOLT 3: output amounts are whole satoshis, rounded down. */
    public long amountSat() {
        return amountMsat / 1000;
    }

    /** The fee of the second-stage transaction that spends this HTLC's output. */
    public long secondStageFee(ChannelType type, long feeratePerKw) {
        return direction == Direction.OFFERED ? type.htlcTimeoutFee(feeratePerKw) : type.htlcSuccessFee(feeratePerKw);
    }

    /** BOLT 3, Trimmed Outputs: trimmed when the amount less the second-stage fee is under the owner's dust limit. */
    public boolean trimmed(ChannelType type, long feeratePerKw, long dustLimitSat) {
        return amountSat() - secondStageFee(type, feeratePerKw) < dustLimitSat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Htlc h && h.direction == direction && h.amountMsat == amountMsat
                && h.cltvExpiry == cltvExpiry && Arrays.equals(h.paymentHash, paymentHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(paymentHash) * 31 + Long.hashCode(amountMsat);
    }
}
