package org.lnconform.bolt3;

import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lnconform.bolt3.CommitmentOutput.Kind;

/**
 * An unsigned commitment transaction and its outputs in transaction order, built by
 * {@link #build} following BOLT 3, Commitment Transaction Construction.
 *
 * @param baseFeeSat the base fee the opener pays (before trimmed outputs add to it)
 */
public record Commitment(CommitmentSpec spec, Transaction tx, List<CommitmentOutput> outputs, long baseFeeSat) {

    /** BOLT 3, Transaction Output Ordering: amount, then scriptpubkey (memcmp, shorter first), then cltv_expiry. */
    static final Comparator<CommitmentOutput> BIP69_CLTV = Comparator.comparingLong(CommitmentOutput::amountSat)
            .thenComparing(CommitmentOutput::scriptPubkey, Arrays::compareUnsigned)
            .thenComparingLong(CommitmentOutput::cltvExpiry);

    public Commitment {
        outputs = List.copyOf(outputs);
    }

    public static Commitment build(CommitmentSpec s) {
        ChannelType type = s.channelType();
        CommitmentKeys k = s.keys();
        // 1-2. which HTLCs are trimmed, and the base fee
        List<Htlc> untrimmed = s.htlcs().stream()
                .filter(h -> !h.trimmed(type, s.feeratePerKw(), s.dustLimitSatoshis())).toList();
        long weight = type.commitmentBaseWeight() + type.htlcOutputWeight() * untrimmed.size();
        long baseFee = s.feeratePerKw() * weight / 1000;
        // 3. the opener pays the base fee, and the two anchors if any
        long toLocal = s.toLocalMsat() / 1000;
        long toRemote = s.toRemoteMsat() / 1000;
        long openerPays = baseFee + (type.anchors() ? 2 * ChannelType.ANCHOR_OUTPUT_SAT : 0);
        if (s.ownerIsOpener()) {
            toLocal -= openerPays;
        } else {
            toRemote -= openerPays;
        }
        List<CommitmentOutput> outs = new ArrayList<>();
        // 4-5. untrimmed HTLC outputs
        for (Htlc h : untrimmed) {
            byte[] script = h.direction() == Htlc.Direction.OFFERED
                    ? Scripts.offeredHtlc(k.revocationPubkey(), k.remoteHtlcPubkey(), k.localHtlcPubkey(),
                            h.paymentHash(), type.anchors())
                    : Scripts.receivedHtlc(k.revocationPubkey(), k.remoteHtlcPubkey(), k.localHtlcPubkey(),
                            h.paymentHash(), h.cltvExpiry(), type.anchors());
            Kind kind = h.direction() == Htlc.Direction.OFFERED ? Kind.OFFERED_HTLC : Kind.RECEIVED_HTLC;
            outs.add(p2wsh(kind, h.amountSat(), script, Optional.of(h)));
        }
        // 6-7. to_local and to_remote, if at least the owner's dust limit
        boolean hasToLocal = toLocal >= s.dustLimitSatoshis();
        boolean hasToRemote = toRemote >= s.dustLimitSatoshis();
        if (hasToLocal) {
            outs.add(p2wsh(Kind.TO_LOCAL, toLocal,
                    Scripts.toLocal(k.revocationPubkey(), s.toSelfDelay(), k.localDelayedPubkey()), Optional.empty()));
        }
        if (hasToRemote) {
            outs.add(type.anchors()
                    ? p2wsh(Kind.TO_REMOTE, toRemote, Scripts.toRemoteAnchors(k.remotePubkey()), Optional.empty())
                    : new CommitmentOutput(Kind.TO_REMOTE, toRemote, Scripts.p2wpkh(k.remotePubkey()),
                            Optional.empty(), Optional.empty()));
        }
        // 8. anchors, each only beside its side's output or any untrimmed HTLC
        if (type.anchors()) {
            if (hasToLocal || !untrimmed.isEmpty()) {
                outs.add(p2wsh(Kind.TO_LOCAL_ANCHOR, ChannelType.ANCHOR_OUTPUT_SAT,
                        Scripts.anchor(k.localFundingPubkey()), Optional.empty()));
            }
            if (hasToRemote || !untrimmed.isEmpty()) {
                outs.add(p2wsh(Kind.TO_REMOTE_ANCHOR, ChannelType.ANCHOR_OUTPUT_SAT,
                        Scripts.anchor(k.remoteFundingPubkey()), Optional.empty()));
            }
        }
        // 9. BIP 69 + CLTV order
        outs.sort(BIP69_CLTV);
        long obscured = CommitmentNumber.obscure(s.commitmentNumber(), s.obscuringFactor());
        TxIn in = new TxIn(s.fundingOutpoint(), new byte[0], CommitmentNumber.sequence(obscured));
        List<TxOut> txOuts = outs.stream().map(o -> new TxOut(new Satoshi(o.amountSat()), o.scriptPubkey())).toList();
        Transaction tx = new Transaction(2, List.of(in), txOuts, CommitmentNumber.locktime(obscured));
        return new Commitment(s, tx, outs, baseFee);
    }

    private static CommitmentOutput p2wsh(Kind kind, long amount, byte[] witnessScript, Optional<Htlc> htlc) {
        return new CommitmentOutput(kind, amount, Scripts.p2wsh(witnessScript), Optional.of(witnessScript), htlc);
    }

    /** The second-stage transactions for the untrimmed HTLCs, in the order of their outputs. */
    public List<HtlcTransaction> htlcTransactions() {
        List<HtlcTransaction> out = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            CommitmentOutput o = outputs.get(i);
            if (o.htlc().isPresent()) {
                out.add(HtlcTransaction.build(this, i));
            }
        }
        return out;
    }
}
