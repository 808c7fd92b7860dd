package org.lnconform.vectors.bolt03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.lnconform.vectors.bolt03.Bolt03Vectors.hex;

import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.SigHash;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.secp256k1.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.bolt3.Commitment;
import org.lnconform.bolt3.CommitmentSpec;
import org.lnconform.bolt3.HtlcTransaction;
import org.lnconform.bolt3.Signatures;
import org.lnconform.bolt3.Witnesses;

/**
 * Replays one commitment vector of Appendix C or F: builds the commitment transaction and its
 * HTLC transactions from the vector's inputs, signs as local, checks the remote node's
 * signatures, and compares every signed transaction byte for byte; then runs Bitcoin's script
 * interpreter over each.
 */
final class CommitmentReplay {

    /** What the spec gives for one HTLC transaction (the local signature only in Appendix C). */
    record ExpectedHtlcTx(String name, Optional<HtlcTransaction.Kind> kind, Optional<Integer> htlcId,
            String remoteSig, Optional<String> localSig, String txHex) {
    }

    /** What the spec gives for one commitment transaction. */
    record Expected(String remoteSig, Optional<String> localSig, String commitTxHex, List<ExpectedHtlcTx> htlcTxs) {
    }

    private CommitmentReplay() {
    }

    static List<DynamicTest> replay(ChannelFixture f, ChannelType type, CommitmentSpec spec, Expected e) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("local_signature", () -> {
            Commitment c = Commitment.build(spec);
            byte[] local = signLocal(f, c);
            assertThat(Signatures.verifyCompact(c.tx(), 0, spec.fundingWitnessScript(), spec.fundingSatoshis(),
                    SigHash.SIGHASH_ALL, local, f.keys.localFundingPubkey())).isTrue();
            e.localSig().ifPresent(s -> assertThat(hex(Signatures.der(local))).isEqualTo(s));
        }));
        tests.add(dynamicTest("remote_signature", () -> {
            Commitment c = Commitment.build(spec);
            byte[] given = Signatures.compact(Hex.decode(e.remoteSig()));
            assertThat(Signatures.verifyCompact(c.tx(), 0, spec.fundingWitnessScript(), spec.fundingSatoshis(),
                    SigHash.SIGHASH_ALL, given, f.keys.remoteFundingPubkey()))
                    .as("the remote signature verifies against our commitment transaction").isTrue();
            byte[] ours = Signatures.signCompact(c.tx(), 0, spec.fundingWitnessScript(), spec.fundingSatoshis(),
                    SigHash.SIGHASH_ALL, f.remoteFundingPrivkey);
            assertThat(hex(Signatures.der(ours))).isEqualTo(e.remoteSig());
        }));
        tests.add(dynamicTest("commit_tx", () -> {
            Transaction signed = signedCommitment(f, spec, e);
            assertThat(hex(Transaction.write(signed))).isEqualTo(e.commitTxHex());
            ChannelFixture.verifyScripts(signed, f.fundingOutput());
        }));
        tests.add(dynamicTest("num_htlcs", () ->
                assertThat(Commitment.build(spec).htlcTransactions()).hasSize(e.htlcTxs().size())));
        for (int i = 0; i < e.htlcTxs().size(); i++) {
            int at = i;
            ExpectedHtlcTx x = e.htlcTxs().get(i);
            tests.add(dynamicTest(x.name(), () -> {
                Commitment c = Commitment.build(spec);
                HtlcTransaction h = c.htlcTransactions().get(at);
                x.kind().ifPresent(k -> assertThat(h.kind()).isEqualTo(k));
                x.htlcId().ifPresent(id -> assertThat(f.idOf(h.htlc())).isEqualTo(id));
                byte[] script = h.spentWitnessScript();
                long amount = h.spent().amountSat();
                byte[] remote = Signatures.compact(Hex.decode(x.remoteSig()));
                assertThat(Signatures.verifyCompact(h.tx(), 0, script, amount, type.remoteHtlcSighash(), remote,
                        f.keys.remoteHtlcPubkey())).as("remote_htlc_signature verifies").isTrue();
                byte[] remoteOurs = Signatures.signCompact(h.tx(), 0, script, amount, type.remoteHtlcSighash(),
                        f.remoteHtlcPrivkey);
                assertThat(hex(Signatures.der(remoteOurs))).isEqualTo(x.remoteSig());
                byte[] local = Signatures.signCompact(h.tx(), 0, script, amount, SigHash.SIGHASH_ALL, f.localHtlcPrivkey);
                x.localSig().ifPresent(s -> assertThat(hex(Signatures.der(local))).isEqualTo(s));
                Transaction signed = Witnesses.signHtlc(h, type, remote, local, f.preimages.get(f.idOf(h.htlc())));
                assertThat(hex(Transaction.write(signed))).isEqualTo(x.txHex());
                Transaction commit = signedCommitment(f, spec, e);
                OutPoint spent = new OutPoint(commit, indexOf(c, h));
                ChannelFixture.verifyScripts(signed, Map.of(spent, commit.txOut.get((int) spent.index)));
            }));
        }
        return tests;
    }

    private static int indexOf(Commitment c, HtlcTransaction h) {
        return c.outputs().indexOf(h.spent());
    }

    private static byte[] signLocal(ChannelFixture f, Commitment c) {
        CommitmentSpec s = c.spec();
        return Signatures.signCompact(c.tx(), 0, s.fundingWitnessScript(), s.fundingSatoshis(), SigHash.SIGHASH_ALL,
                f.localFundingPrivkey);
    }

    private static Transaction signedCommitment(ChannelFixture f, CommitmentSpec spec, Expected e) {
        Commitment c = Commitment.build(spec);
        byte[] remote = Signatures.compact(Hex.decode(e.remoteSig()));
        return Witnesses.signFunding(c.tx(), f.keys.localFundingPubkey(), signLocal(f, c),
                f.keys.remoteFundingPubkey(), remote);
    }

}
