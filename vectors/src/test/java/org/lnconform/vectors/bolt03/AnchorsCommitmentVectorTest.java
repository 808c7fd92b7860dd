package org.lnconform.vectors.bolt03;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.bolt3.CommitmentSpec;
import org.lnconform.vectors.bolt03.CommitmentReplay.Expected;
import org.lnconform.vectors.bolt03.CommitmentReplay.ExpectedHtlcTx;

/**
 * BOLT 3 Appendix F, Commitment and HTLC Transaction Test Vectors (anchors), i.e.
 * option_anchors_zero_fee_htlc_tx: one container per vector, display name = its "Name".
 * The spec gives the remote signatures and the signed transactions; the local signatures are
 * checked through the transactions that contain them.
 */
class AnchorsCommitmentVectorTest {

    static final JsonNode DATA = Bolt03Vectors.data(Bolt03Vectors.ANCHORS);
    static final ChannelFixture CHANNEL = new ChannelFixture(DATA);

    @TestFactory
    Stream<DynamicNode> appendixF() {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(dynamicContainer("derived keys (INTERNAL, from Appendix C)", CommitmentVectorTest.derivedKeys(CHANNEL)));
        nodes.addAll(vectors());
        return nodes.stream();
    }

    static List<DynamicContainer> vectors() {
        List<DynamicContainer> out = new ArrayList<>();
        for (JsonNode v : DATA.get("vectors")) {
            CommitmentSpec spec = CHANNEL.spec(ChannelType.ANCHORS_ZERO_FEE_HTLC_TX, v.get("DustLimitSatoshis").asLong(),
                    v.get("FeePerKw").asLong(), v.get("LocalBalance").asLong(), v.get("RemoteBalance").asLong(),
                    CHANNEL.htlcs(v.get("htlc_ids")));
            List<ExpectedHtlcTx> htlcTxs = new ArrayList<>();
            int i = 0;
            for (JsonNode h : v.get("HtlcDescs")) {
                htlcTxs.add(new ExpectedHtlcTx("HtlcDescs[" + i++ + "] ResolutionTxHex", Optional.empty(), Optional.empty(),
                        h.get("RemoteSigHex").asText(), Optional.empty(), h.get("ResolutionTxHex").asText()));
            }
            Expected e = new Expected(v.get("RemoteSigHex").asText(), Optional.empty(),
                    v.get("ExpectedCommitmentTxHex").asText(), htlcTxs);
            out.add(dynamicContainer(v.get("Name").asText(),
                    CommitmentReplay.replay(CHANNEL, ChannelType.ANCHORS_ZERO_FEE_HTLC_TX, spec, e)));
        }
        return out;
    }
}
