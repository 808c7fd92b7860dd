package org.lnconform.bolt3;

import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.util.List;

/**
 * An unsigned HTLC-timeout (for an offered HTLC) or HTLC-success (for a received HTLC)
 * transaction, BOLT 3 "HTLC-Timeout and HTLC-Success Transactions".
 *
 * @param spent the commitment output it spends
 */
public record HtlcTransaction(Kind kind, Htlc htlc, CommitmentOutput spent, Transaction tx) {

    public enum Kind { HTLC_TIMEOUT, HTLC_SUCCESS }

    static HtlcTransaction build(Commitment c, int outputIndex) {
        CommitmentSpec s = c.spec();
        ChannelType type = s.channelType();
        CommitmentOutput spent = c.outputs().get(outputIndex);
        Htlc h = spent.htlc().orElseThrow();
        boolean timeout = h.direction() == Htlc.Direction.OFFERED;
        long amount = h.amountSat() - h.secondStageFee(type, s.feeratePerKw());
        byte[] script = Scripts.toLocal(s.keys().revocationPubkey(), s.toSelfDelay(), s.keys().localDelayedPubkey());
        TxIn in = new TxIn(new OutPoint(c.tx(), outputIndex), new byte[0], type.htlcTxSequence());
        TxOut out = new TxOut(new Satoshi(amount), Scripts.p2wsh(script));
        // locktime: cltv_expiry for HTLC-timeout, 0 for HTLC-success
        Transaction tx = new Transaction(2, List.of(in), List.of(out), timeout ? h.cltvExpiry() : 0);
        return new HtlcTransaction(timeout ? Kind.HTLC_TIMEOUT : Kind.HTLC_SUCCESS, h, spent, tx);
    }

    public byte[] spentWitnessScript() {
        return spent.witnessScript().orElseThrow();
    }
}
