package org.lnconform.vectors.bolt03;

import static org.lnconform.vectors.bolt03.Bolt03Vectors.*;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.ScriptFlags;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.bolt3.CommitmentKeys;
import org.lnconform.bolt3.CommitmentNumber;
import org.lnconform.bolt3.CommitmentSpec;
import org.lnconform.bolt3.Htlc;
import org.lnconform.bolt3.KeyDerivation;
import org.lnconform.bolt3.Scripts;

/**
 * The channel shared by Appendices C and F: funding outpoint, keys, HTLCs, commitment number
 * and delay, with local as the opener and local's commitment transaction considered.
 */
final class ChannelFixture {

    final JsonNode data;
    final OutPoint fundingOutpoint;
    final long fundingSatoshis;
    final CommitmentKeys keys;
    final PrivateKey localFundingPrivkey;
    /** The remote node's secrets, from the spec's "INTERNAL" comment: to re-create its signatures. */
    final PrivateKey remoteFundingPrivkey;
    final PrivateKey localHtlcPrivkey;
    final PrivateKey remoteHtlcPrivkey;
    final Map<Integer, Htlc> htlcs = new LinkedHashMap<>();
    final Map<Integer, byte[]> preimages = new LinkedHashMap<>();

    ChannelFixture(JsonNode data) {
        this.data = data;
        JsonNode k = data.get("keys");
        JsonNode internal = data.get("internal");
        fundingOutpoint = new OutPoint(new TxId(data.get("funding_txid").asText()), data.get("funding_output_index").asLong());
        fundingSatoshis = data.get("funding_amount_satoshi").asLong();
        keys = new CommitmentKeys(pub(k, "local_funding_pubkey"), pub(k, "remote_funding_pubkey"),
                pub(k, "local_revocation_pubkey"), pub(k, "local_delayedpubkey"), pub(k, "local_htlcpubkey"),
                pub(k, "remote_htlcpubkey"), pub(k, "remote_payment_basepoint"));
        localFundingPrivkey = priv(k, "local_funding_privkey");
        remoteFundingPrivkey = priv(internal, "remote_funding_privkey");
        // "We use the same values for the HTLC basepoints": local_privkey is also the local HTLC key
        localHtlcPrivkey = priv(k, "local_privkey");
        remoteHtlcPrivkey = priv(internal, "remote_privkey");
        for (JsonNode h : data.get("htlcs")) {
            byte[] preimage = bytes(h, "payment_preimage");
            Htlc.Direction d = switch (h.get("direction").asText()) {
                case "local->remote" -> Htlc.Direction.OFFERED;
                case "remote->local" -> Htlc.Direction.RECEIVED;
                default -> throw new IllegalStateException(h.toString());
            };
            int id = h.get("id").asInt();
            htlcs.put(id, new Htlc(d, h.get("amount_msat").asLong(), Crypto.sha256(preimage), h.get("expiry").asLong()));
            preimages.put(id, preimage);
        }
    }

    long obscuringFactor() {
        return CommitmentNumber.obscuringFactor(pub(data.get("keys"), "local_payment_basepoint"),
                pub(data.get("keys"), "remote_payment_basepoint"));
    }

    List<Htlc> htlcs(JsonNode ids) {
        List<Htlc> out = new ArrayList<>();
        ids.forEach(id -> out.add(htlcs.get(id.asInt())));
        return out;
    }

    int idOf(Htlc h) {
        return htlcs.entrySet().stream().filter(e -> e.getValue() == h).findFirst().orElseThrow().getKey();
    }

    CommitmentSpec spec(ChannelType type, long dustLimit, long feerate, long toLocalMsat, long toRemoteMsat,
            List<Htlc> htlcs) {
        return new CommitmentSpec(type, fundingOutpoint, fundingSatoshis, data.get("commitment_number").asLong(),
                obscuringFactor(), true, data.get("local_delay").asInt(), dustLimit, feerate, toLocalMsat,
                toRemoteMsat, htlcs, keys);
    }

    /** The funding output the commitment transaction spends, for script verification. */
    Map<OutPoint, TxOut> fundingOutput() {
        byte[] script = Scripts.p2wsh(Scripts.funding(keys.localFundingPubkey(), keys.remoteFundingPubkey()));
        return Map.of(fundingOutpoint, new TxOut(new Satoshi(fundingSatoshis), script));
    }

    /** Runs Bitcoin's script interpreter (bitcoin-kmp) over every input of {@code tx}. */
    static void verifyScripts(Transaction tx, Map<OutPoint, TxOut> spent) {
        Transaction.correctlySpends(tx, spent, ScriptFlags.STANDARD_SCRIPT_VERIFY_FLAGS);
    }

    /** The key derivations behind the given keys, from the "INTERNAL" secrets (Appendix C's HTML comment). */
    List<String[]> derivedKeyChecks() {
        JsonNode k = data.get("keys");
        JsonNode in = data.get("internal");
        PublicKey point = pub(in, "local_per_commitment_point");
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"local_per_commitment_point from x_local_per_commitment_secret",
                KeyDerivation.perCommitmentPoint(bytes(in, "x_local_per_commitment_secret")).toHex(), point.toHex()});
        out.add(new String[] {"local_revocation_pubkey from remote_revocation_basepoint",
                KeyDerivation.revocationPubkey(pub(in, "remote_revocation_basepoint"), point).toHex(),
                k.get("local_revocation_pubkey").asText()});
        out.add(new String[] {"remote_revocation_basepoint from its secret",
                priv(in, "remote_revocation_basepoint_secret").publicKey().toHex(), in.get("remote_revocation_basepoint").asText()});
        out.add(new String[] {"local_delayedpubkey from local_delayed_payment_basepoint",
                KeyDerivation.derivePubkey(pub(in, "local_delayed_payment_basepoint"), point).toHex(),
                k.get("local_delayedpubkey").asText()});
        out.add(new String[] {"local_delayed_privkey from local_delayed_payment_basepoint_secret",
                KeyDerivation.derivePrivkey(priv(in, "local_delayed_payment_basepoint_secret"), point).toHex(),
                in.get("local_delayed_privkey").asText()});
        out.add(new String[] {"local_htlcpubkey from local_htlc_basepoint",
                KeyDerivation.derivePubkey(pub(k, "local_htlc_basepoint"), point).toHex(), k.get("local_htlcpubkey").asText()});
        out.add(new String[] {"remote_htlcpubkey from remote_htlc_basepoint",
                KeyDerivation.derivePubkey(pub(k, "remote_htlc_basepoint"), point).toHex(), k.get("remote_htlcpubkey").asText()});
        out.add(new String[] {"local_privkey from local_payment_basepoint_secret",
                KeyDerivation.derivePrivkey(priv(in, "local_payment_basepoint_secret"), point).toHex(),
                k.get("local_privkey").asText()});
        out.add(new String[] {"remote_privkey from remote_payment_basepoint_secret",
                KeyDerivation.derivePrivkey(priv(in, "remote_payment_basepoint_secret"), point).toHex(),
                in.get("remote_privkey").asText()});
        out.add(new String[] {"local_payment_basepoint from its secret",
                priv(in, "local_payment_basepoint_secret").publicKey().toHex(), k.get("local_payment_basepoint").asText()});
        out.add(new String[] {"remote_payment_basepoint from its secret",
                priv(in, "remote_payment_basepoint_secret").publicKey().toHex(), k.get("remote_payment_basepoint").asText()});
        out.add(new String[] {"local_funding_pubkey from local_funding_privkey",
                priv(k, "local_funding_privkey").publicKey().toHex(), k.get("local_funding_pubkey").asText()});
        out.add(new String[] {"remote_funding_pubkey from remote_funding_privkey",
                priv(in, "remote_funding_privkey").publicKey().toHex(), k.get("remote_funding_pubkey").asText()});
        out.add(new String[] {"obscured commitment number factor",
                String.format("%012x", obscuringFactor()), data.get("obscuring_factor").asText()});
        out.add(new String[] {"funding witness script",
                hex(Scripts.funding(keys.localFundingPubkey(), keys.remoteFundingPubkey())),
                data.get("funding_witness_script").asText()});
        return out;
    }
}
