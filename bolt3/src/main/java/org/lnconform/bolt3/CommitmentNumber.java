package org.lnconform.bolt3;

import fr.acinq.bitcoin.PublicKey;

/** BOLT 3, Commitment Transaction: the 48-bit commitment number, obscured, spread over locktime and sequence. */
public final class CommitmentNumber {

    static final long MASK_48 = (1L << 48) - 1;

    private CommitmentNumber() {
    }

    /**
     * The lower 48 bits of SHA256(opener's payment_basepoint || accepter's payment_basepoint):
     * the first is from {@code open_channel}, the second from {@code accept_channel}.
     */
    public static long obscuringFactor(PublicKey openerPaymentBasepoint, PublicKey accepterPaymentBasepoint) {
        byte[] h = Hashes.sha256(Scripts.bytes(openerPaymentBasepoint), Scripts.bytes(accepterPaymentBasepoint));
        long v = 0;
        for (int i = 26; i < 32; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return v;
    }

    public static long obscure(long commitmentNumber, long obscuringFactor) {
        if (commitmentNumber < 0 || commitmentNumber > MASK_48) {
            throw new IllegalArgumentException("commitment number is 48 bits: " + commitmentNumber);
        }
        return (commitmentNumber ^ obscuringFactor) & MASK_48;
    }

    /** Locktime: upper 8 bits 0x20, lower 24 bits the lower 24 bits of the obscured number. */
    public static long locktime(long obscured) {
        return (0x20L << 24) | (obscured & 0xffffffL);
    }

    /** {@code txin[0]} sequence: upper 8 bits 0x80, lower 24 bits the upper 24 bits of the obscured number. */
    public static long sequence(long obscured) {
        return (0x80L << 24) | ((obscured >>> 24) & 0xffffffL);
    }
}
