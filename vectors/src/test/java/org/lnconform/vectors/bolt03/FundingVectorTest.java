package org.lnconform.vectors.bolt03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.lnconform.vectors.bolt03.Bolt03Vectors.*;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acinq.bitcoin.Block;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.SigHash;
import fr.acinq.bitcoin.SigVersion;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.bolt3.Scripts;

/**
 * BOLT 3 Appendix B, Funding Transaction Test Vectors: the funding script and output from our
 * BOLT 3 code; the P2PKH input (the spec's block-1 coinbase) signed with bitcoin-kmp.
 */
class FundingVectorTest {

    static final JsonNode DATA = data(FUNDING);

    @TestFactory
    Stream<DynamicTest> appendixB() {
        return cases().stream();
    }

    static List<DynamicTest> cases() {
        String name = DATA.get("name").asText();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest(name + ": funding witness script", () ->
                assertThat(hex(fundingScript())).isEqualTo(DATA.get("funding_witness_script").asText())));
        tests.add(dynamicTest(name + ": block 1 coinbase is the input", () -> {
            Block block1 = Block.read(bytes(DATA, "block1_hex"));
            Transaction coinbase = Transaction.read(DATA.get("coinbase_tx_hex").asText());
            assertThat(block1.tx.get(0)).isEqualTo(coinbase);
            assertThat(coinbase.txid.toString()).isEqualTo(DATA.get("input_txid").asText());
            assertThat(coinbase.txOut.get(DATA.get("input_index").asInt()).amount.getSat())
                    .isEqualTo(DATA.get("input_satoshis").asLong());
            assertThat(Block.read(bytes(DATA, "block0_hex")).hash).isEqualTo(block1.header.hashPreviousBlock);
        }));
        tests.add(dynamicTest(name + ": funding tx", () -> {
            Transaction tx = fundingTx();
            assertThat(hex(Transaction.write(tx))).isEqualTo(DATA.get("funding_tx_hex").asText());
            assertThat(tx.txid.toString()).isEqualTo(DATA.get("funding_txid").asText());
            Transaction coinbase = Transaction.read(DATA.get("coinbase_tx_hex").asText());
            ChannelFixture.verifyScripts(tx, Map.of(tx.txIn.get(0).outPoint, coinbase.txOut.get(0)));
        }));
        tests.add(dynamicTest(name + ": funding output", () -> {
            TxOut out = fundingTx().txOut.get(DATA.get("funding_output").asInt());
            assertThat(out.amount.getSat()).isEqualTo(DATA.get("funding_satoshis").asLong());
            assertThat(hex(out.publicKeyScript.toByteArray())).isEqualTo(hex(Scripts.p2wsh(fundingScript())));
        }));
        tests.add(dynamicTest(name + ": fee at feerate_per_kw", () -> {
            Transaction tx = fundingTx();
            long fee = DATA.get("input_satoshis").asLong() - tx.txOut.stream().mapToLong(o -> o.amount.getSat()).sum();
            assertThat(fee).isEqualTo(DATA.get("feerate_per_kw").asLong() * tx.weight() / 1000);
        }));
        return tests;
    }

    static byte[] fundingScript() {
        return Scripts.funding(pub(DATA, "local_funding_pubkey"), pub(DATA, "remote_funding_pubkey"));
    }

    /** Spends the coinbase to the funding output and a P2WPKH change to the coinbase key, BIP 69 ordered. */
    static Transaction fundingTx() {
        PrivateKey key = priv(DATA, "coinbase_privkey");
        Transaction coinbase = Transaction.read(DATA.get("coinbase_tx_hex").asText());
        List<TxOut> outs = new ArrayList<>(List.of(
                new TxOut(new Satoshi(DATA.get("funding_satoshis").asLong()), Scripts.p2wsh(fundingScript())),
                new TxOut(new Satoshi(DATA.get("change_satoshis").asLong()), Scripts.p2wpkh(key.publicKey()))));
        outs.sort(Comparator.<TxOut>comparingLong(o -> o.amount.getSat())
                .thenComparing(o -> o.publicKeyScript.toByteArray(), Arrays::compareUnsigned));
        OutPoint in = new OutPoint(new TxId(DATA.get("input_txid").asText()), DATA.get("input_index").asLong());
        Transaction tx = new Transaction(2, List.of(new TxIn(in, new byte[0], 0xffffffffL)), outs, 0);
        byte[] prevScript = coinbase.txOut.get(0).publicKeyScript.toByteArray();
        byte[] sig = tx.signInput(0, prevScript, SigHash.SIGHASH_ALL, coinbase.txOut.get(0).amount,
                SigVersion.SIGVERSION_BASE, key);
        byte[] pub = key.publicKey().value.toByteArray();
        byte[] scriptSig = new byte[1 + sig.length + 1 + pub.length];
        scriptSig[0] = (byte) sig.length;
        System.arraycopy(sig, 0, scriptSig, 1, sig.length);
        scriptSig[1 + sig.length] = (byte) pub.length;
        System.arraycopy(pub, 0, scriptSig, 2 + sig.length, pub.length);
        return tx.updateSigScript(0, scriptSig);
    }

}
