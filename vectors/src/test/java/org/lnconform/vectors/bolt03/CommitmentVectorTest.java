package org.lnconform.vectors.bolt03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.bolt3.Commitment;
import org.lnconform.bolt3.CommitmentSpec;
import org.lnconform.bolt3.HtlcTransaction;
import org.lnconform.vectors.bolt03.CommitmentReplay.Expected;
import org.lnconform.vectors.bolt03.CommitmentReplay.ExpectedHtlcTx;

/**
 * BOLT 3 Appendix C, Commitment and HTLC Transaction Test Vectors (option_static_remotekey):
 * one container per named vector, display name = the vector's name.
 */
class CommitmentVectorTest {

    static final JsonNode DATA = Bolt03Vectors.data(Bolt03Vectors.COMMITMENT);
    static final ChannelFixture CHANNEL = new ChannelFixture(DATA);

    @TestFactory
    Stream<DynamicNode> appendixC() {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(dynamicContainer("derived keys (INTERNAL)", derivedKeys(CHANNEL)));
        nodes.addAll(vectors());
        return nodes.stream();
    }

    static Stream<DynamicTest> derivedKeys(ChannelFixture f) {
        return f.derivedKeyChecks().stream().map(c -> dynamicTest(c[0], () -> assertThat(c[1]).isEqualTo(c[2])));
    }

    static List<DynamicContainer> vectors() {
        List<DynamicContainer> out = new ArrayList<>();
        for (JsonNode v : DATA.get("vectors")) {
            CommitmentSpec spec = CHANNEL.spec(ChannelType.STATIC_REMOTEKEY, DATA.get("local_dust_limit_satoshi").asLong(),
                    v.get("local_feerate_per_kw").asLong(), v.get("to_local_msat").asLong(),
                    v.get("to_remote_msat").asLong(), CHANNEL.htlcs(v.get("htlc_ids")));
            List<ExpectedHtlcTx> htlcTxs = new ArrayList<>();
            for (JsonNode h : v.get("htlc_txs")) {
                String kind = h.get("kind").asText();
                htlcTxs.add(new ExpectedHtlcTx("htlc_" + kind + "_tx (htlc #" + h.get("htlc").asInt() + ")",
                        Optional.of(kind.equals("success") ? HtlcTransaction.Kind.HTLC_SUCCESS : HtlcTransaction.Kind.HTLC_TIMEOUT),
                        Optional.of(h.get("htlc").asInt()), h.get("remote_htlc_signature").asText(),
                        Optional.of(h.get("local_htlc_signature").asText()), h.get("tx_hex").asText()));
            }
            Expected e = new Expected(v.get("remote_signature").asText(), Optional.of(v.get("local_signature").asText()),
                    v.get("commit_tx_hex").asText(), htlcTxs);
            List<DynamicTest> tests = new ArrayList<>(CommitmentReplay.replay(CHANNEL, ChannelType.STATIC_REMOTEKEY, spec, e));
            if (v.has("base_fee")) {
                tests.add(dynamicTest("base commitment transaction fee", () ->
                        assertThat(Commitment.build(spec).baseFeeSat()).isEqualTo(v.get("base_fee").asLong())));
            }
            if (v.has("actual_fee")) {
                tests.add(dynamicTest("actual commitment transaction fee", () -> {
                    long outs = Commitment.build(spec).outputs().stream().mapToLong(o -> o.amountSat()).sum();
                    assertThat(spec.fundingSatoshis() - outs).isEqualTo(v.get("actual_fee").asLong());
                }));
            }
            out.add(dynamicContainer(v.get("name").asText(), tests));
        }
        return out;
    }
}
