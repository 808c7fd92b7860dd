package org.lnconform.bolt3;

import java.util.Optional;

/** One output of a commitment transaction, with what is needed to spend it. */
public record CommitmentOutput(Kind kind, long amountSat, byte[] scriptPubkey, Optional<byte[]> witnessScript,
        Optional<Htlc> htlc) {

    public enum Kind { TO_LOCAL, TO_REMOTE, TO_LOCAL_ANCHOR, TO_REMOTE_ANCHOR, OFFERED_HTLC, RECEIVED_HTLC }

    public CommitmentOutput {
        scriptPubkey = scriptPubkey.clone();
        witnessScript = witnessScript.map(byte[]::clone);
    }

    @Override
    public byte[] scriptPubkey() {
        return scriptPubkey.clone();
    }

    @Override
    public Optional<byte[]> witnessScript() {
        return witnessScript.map(byte[]::clone);
    }

    /** The HTLC's cltv_expiry for ordering, 0 for an output that is not an HTLC. */
    long cltvExpiry() {
        return htlc.map(Htlc::cltvExpiry).orElse(0L);
    }
}
