package org.lnconform.harness.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.peer.Deviation;
import org.lnconform.peer.PeerConfig;

/**
 * The storage cases against a reference node that keeps blobs only for channel peers (allowed
 * by B1-STOR-06, as LDK and CLN do): the cases open a channel to funding_signed first and judge
 * as before; the storage deviations still fail them that way.
 */
class StorageAsChannelPeerTest {

    private static final String LATEST = "bolt01/storage/latest-blob-returned";
    private static final String EVERY = "bolt01/storage/returned-after-every-reconnection";

    private static Map<String, CaseResult> run(Set<Deviation> deviations) {
        try (EmbeddedTarget target = EmbeddedTarget.start(PeerConfig.defaults().withStorageForChannelPeersOnly(true),
                deviations)) {
            return Runner.forTarget(target, 2, r -> {}).run(StorageCases.all()).results().stream()
                    .collect(Collectors.toMap(r -> r.info().id(), Function.identity()));
        }
    }

    @Test
    void aNodeThatStoresOnlyForChannelPeersPassesAsAChannelPeer() {
        Map<String, CaseResult> results = run(Set.of());
        for (String id : List.of(LATEST, EVERY)) {
            CaseResult r = results.get(id);
            assertThat(r.verdict()).as(id + ": " + r.observed()).isEqualTo(Verdict.PASS);
            assertThat(r.observed()).contains("stored as a channel peer")
                    .contains("after peer_storage the node warned \"peer_storage is kept only for peers with a channel\"")
                    .contains("opened to funding_signed").contains("nothing broadcast");
        }
    }

    @Test
    void theStorageDeviationsStillFailAsAChannelPeer() {
        CaseResult latest = run(Set.of(Deviation.STORAGE_KEEP_FIRST_BLOB)).get(LATEST);
        assertThat(latest.verdict()).as(latest.observed()).isEqualTo(Verdict.FAIL);
        assertThat(latest.observed()).contains("stored as a channel peer");
        CaseResult every = run(Set.of(Deviation.STORAGE_FORGET_AFTER_RETRIEVAL)).get(EVERY);
        assertThat(every.verdict()).as(every.observed()).isEqualTo(Verdict.FAIL);
        assertThat(every.observed()).contains("stored as a channel peer");
    }
}
