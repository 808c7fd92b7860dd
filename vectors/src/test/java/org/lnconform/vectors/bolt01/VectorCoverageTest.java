package org.lnconform.vectors.bolt01;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lnconform.vectors.bolt01.Bolt01Vectors.VectorCase;

/** Fails if any item of a BOLT 1 vector file is not replayed, or a new bolt01 file has no replay. */
class VectorCoverageTest {

    private static final Map<String, List<Supplier<List<VectorCase>>>> REPLAYS = new LinkedHashMap<>();

    static {
        REPLAYS.put(BigSizeVectorTest.DECODING, List.of(BigSizeVectorTest::decodingCases));
        REPLAYS.put(BigSizeVectorTest.ENCODING, List.of(BigSizeVectorTest::encodingCases));
        REPLAYS.put(TlvVectorTest.FAILURES, List.of(TlvVectorTest::failureCases));
        REPLAYS.put(TlvVectorTest.SUCCESSES, List.of(TlvVectorTest::successCases));
        REPLAYS.put(TlvStreamVectorTest.FILE, List.of(TlvStreamVectorTest::cases));
        REPLAYS.put(MessageExtensionVectorTest.FILE, List.of(MessageExtensionVectorTest::cases));
        REPLAYS.put(SignedIntegerVectorTest.FILE, List.of(SignedIntegerVectorTest::cases));
    }

    @Test
    void everyItemOfEveryFileBecomesATest() {
        REPLAYS.forEach((file, suppliers) -> {
            int items = Bolt01Vectors.items(file).size();
            List<Integer> covered = suppliers.stream().flatMap(s -> s.get().stream())
                    .map(VectorCase::item).distinct().sorted().toList();
            assertThat(items).as("%s has items", file).isPositive();
            assertThat(covered).as("items of %s replayed", file)
                    .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(items).toList());
        });
    }

    @Test
    void everyTestNamespaceTypeIsDefined() {
        TestNamespaces.load().forEach((name, ns) ->
                assertThat(ns.fields()).as(name).hasSize(TestNamespaces.definedTypes(name)));
    }

    @Test
    void everyBolt01FileHasAReplay() throws IOException, URISyntaxException {
        // Found through a known file: the bare directory name also matches this test's own package.
        URL known = getClass().getResource(Bolt01Vectors.DIR + TestNamespaces.FILE);
        assertThat(known).isNotNull();
        assertThat(known.getProtocol()).as("vector files are read from a directory").isEqualTo("file");
        try (Stream<Path> files = Files.list(Path.of(known.toURI()).getParent())) {
            List<String> bolt01 = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("bolt01-") && n.endsWith(".json")).sorted().toList();
            List<String> handled = Stream.concat(REPLAYS.keySet().stream(), Stream.of(TestNamespaces.FILE))
                    .sorted().toList();
            assertThat(bolt01).containsExactlyElementsOf(handled);
        }
    }
}
