package org.lnconform.bolt3;

import static org.lnconform.bolt3.Op.*;

import fr.acinq.bitcoin.PublicKey;
import java.util.Arrays;

/**
 * The witness scripts and output scripts of BOLT #3 ("Funding Transaction Output", "Commitment
 * Transaction Outputs", "HTLC-Timeout and HTLC-Success Transactions"), as bytes.
 */
public final class Scripts {

    private Scripts() {
    }

    /** BOLT 3, Funding Transaction Output: 2-of-2 multisig, the lexicographically lesser compressed key first. */
    public static byte[] funding(PublicKey a, PublicKey b) {
        byte[] ka = a.value.toByteArray();
        byte[] kb = b.value.toByteArray();
        boolean aFirst = Arrays.compareUnsigned(ka, kb) <= 0;
        return new ScriptBuilder().number(2).push(aFirst ? ka : kb).push(aFirst ? kb : ka).number(2)
                .op(OP_CHECKMULTISIG).build();
    }

    /**
     * BOLT 3, {@code to_local} Output, and the output of HTLC-timeout/HTLC-success transactions
     * (same script): the revocation key at once, or the delayed key after {@code to_self_delay}.
     */
    public static byte[] toLocal(PublicKey revocationPubkey, int toSelfDelay, PublicKey localDelayedPubkey) {
        return new ScriptBuilder().op(OP_IF).push(bytes(revocationPubkey))
                .op(OP_ELSE).number(toSelfDelay).op(OP_CHECKSEQUENCEVERIFY, OP_DROP).push(bytes(localDelayedPubkey))
                .op(OP_ENDIF, OP_CHECKSIG).build();
    }

    /** BOLT 3, {@code to_remote} Output with option_anchors: the remote key behind a one-block CSV. */
    public static byte[] toRemoteAnchors(PublicKey remotePubkey) {
        return new ScriptBuilder().push(bytes(remotePubkey)).op(OP_CHECKSIGVERIFY).number(1)
                .op(OP_CHECKSEQUENCEVERIFY).build();
    }

    /** BOLT 3, {@code to_local_anchor} and {@code to_remote_anchor}: the funding key, or anyone after 16 blocks. */
    public static byte[] anchor(PublicKey fundingPubkey) {
        return new ScriptBuilder().push(bytes(fundingPubkey)).op(OP_CHECKSIG, OP_IFDUP, OP_NOTIF).number(16)
                .op(OP_CHECKSEQUENCEVERIFY, OP_ENDIF).build();
    }

    /** BOLT 3, Offered HTLC Outputs; with option_anchors the success branches end in a one-block CSV. */
    public static byte[] offeredHtlc(PublicKey revocationPubkey, PublicKey remoteHtlcPubkey, PublicKey localHtlcPubkey,
            byte[] paymentHash, boolean anchors) {
        ScriptBuilder s = revocationBranch(revocationPubkey)
                .push(bytes(remoteHtlcPubkey)).op(OP_SWAP, OP_SIZE).number(32).op(OP_EQUAL)
                .op(OP_NOTIF)
                .op(OP_DROP).number(2).op(OP_SWAP).push(bytes(localHtlcPubkey)).number(2).op(OP_CHECKMULTISIG)
                .op(OP_ELSE)
                .op(OP_HASH160).push(Hashes.ripemd160(paymentHash)).op(OP_EQUALVERIFY)
                .op(OP_CHECKSIG)
                .op(OP_ENDIF);
        return closeHtlc(s, anchors);
    }

    /** BOLT 3, Received HTLC Outputs; with option_anchors the success branches end in a one-block CSV. */
    public static byte[] receivedHtlc(PublicKey revocationPubkey, PublicKey remoteHtlcPubkey, PublicKey localHtlcPubkey,
            byte[] paymentHash, long cltvExpiry, boolean anchors) {
        ScriptBuilder s = revocationBranch(revocationPubkey)
                .push(bytes(remoteHtlcPubkey)).op(OP_SWAP, OP_SIZE).number(32).op(OP_EQUAL)
                .op(OP_IF)
                .op(OP_HASH160).push(Hashes.ripemd160(paymentHash)).op(OP_EQUALVERIFY)
                .number(2).op(OP_SWAP).push(bytes(localHtlcPubkey)).number(2).op(OP_CHECKMULTISIG)
                .op(OP_ELSE)
                .op(OP_DROP).number(cltvExpiry).op(OP_CHECKLOCKTIMEVERIFY, OP_DROP)
                .op(OP_CHECKSIG)
                .op(OP_ENDIF);
        return closeHtlc(s, anchors);
    }

    private static ScriptBuilder revocationBranch(PublicKey revocationPubkey) {
        return new ScriptBuilder().op(OP_DUP, OP_HASH160).push(Hashes.hash160(bytes(revocationPubkey))).op(OP_EQUAL)
                .op(OP_IF).op(OP_CHECKSIG).op(OP_ELSE);
    }

    private static byte[] closeHtlc(ScriptBuilder s, boolean anchors) {
        if (anchors) {
            s.number(1).op(OP_CHECKSEQUENCEVERIFY, OP_DROP);
        }
        return s.op(OP_ENDIF).build();
    }

    /** Version-0 pay-to-witness-script-hash (BIP 141): OP_0, SHA256(witness script). */
    public static byte[] p2wsh(byte[] witnessScript) {
        return new ScriptBuilder().op(OP_0).push(Hashes.sha256(witnessScript)).build();
    }

    /** Version-0 pay-to-witness-pubkey-hash (BIP 141): OP_0, HASH160(compressed key). */
    public static byte[] p2wpkh(PublicKey key) {
        return new ScriptBuilder().op(OP_0).push(Hashes.hash160(bytes(key))).build();
    }

    static byte[] bytes(PublicKey key) {
        return key.value.toByteArray();
    }
}
