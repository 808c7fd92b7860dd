package org.lnconform.bolt3;

import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.ScriptWitness;
import fr.acinq.bitcoin.SigHash;
import fr.acinq.bitcoin.Transaction;
import java.util.Arrays;
import java.util.List;

/** The witness stacks BOLT 3 specifies for the funding input and for HTLC transactions. */
public final class Witnesses {

    private Witnesses() {
    }

    /**
     * BOLT 3, Commitment Transaction {@code txin[0]} witness: {@code 0 <signature_for_pubkey1>
     * <signature_for_pubkey2>} then the funding script, signatures in the funding script's key order.
     */
    public static Transaction signFunding(Transaction tx, PublicKey localFundingPubkey, byte[] localSigCompact,
            PublicKey remoteFundingPubkey, byte[] remoteSigCompact) {
        byte[] local = Signatures.witnessItem(localSigCompact, SigHash.SIGHASH_ALL);
        byte[] remote = Signatures.witnessItem(remoteSigCompact, SigHash.SIGHASH_ALL);
        boolean localFirst = Arrays.compareUnsigned(Scripts.bytes(localFundingPubkey), Scripts.bytes(remoteFundingPubkey)) <= 0;
        byte[] script = Scripts.funding(localFundingPubkey, remoteFundingPubkey);
        return tx.updateWitness(0, witness(new byte[0], localFirst ? local : remote, localFirst ? remote : local, script));
    }

    /**
     * BOLT 3, HTLC transactions {@code txin[0]} witness: {@code 0 <remotehtlcsig> <localhtlcsig>}
     * then the payment preimage (HTLC-success) or an empty item (HTLC-timeout), then the script.
     */
    public static Transaction signHtlc(HtlcTransaction htlcTx, ChannelType type, byte[] remoteSigCompact,
            byte[] localSigCompact, byte[] paymentPreimage) {
        byte[] remote = Signatures.witnessItem(remoteSigCompact, type.remoteHtlcSighash());
        byte[] local = Signatures.witnessItem(localSigCompact, SigHash.SIGHASH_ALL);
        byte[] last = htlcTx.kind() == HtlcTransaction.Kind.HTLC_SUCCESS ? paymentPreimage : new byte[0];
        return htlcTx.tx().updateWitness(0, witness(new byte[0], remote, local, last, htlcTx.spentWitnessScript()));
    }

    private static ScriptWitness witness(byte[]... items) {
        return new ScriptWitness(Arrays.stream(items).map(ByteVector::new).toList());
    }

    static List<byte[]> items(ScriptWitness w) {
        return w.stack.stream().map(ByteVector::toByteArray).toList();
    }
}
