package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageCodec;
import org.lnconform.wire.message.MessageRegistry;

/**
 * The committed seed corpora are exactly what {@link SeedCorpus} makes from the vectors, and
 * every fuzz target has one. To regenerate after changing the generator or the vectors:
 * {@code mvn -o -pl fuzz -am test -Dtest=SeedCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dlnconform.fuzz.writeSeeds=true}.
 */
class SeedCorpusTest {

    private static final String WRITE = "lnconform.fuzz.writeSeeds";

    @Test
    void committedSeedsAreTheGeneratedOnes() throws IOException {
        Path root = Path.of(System.getProperty("lnconform.fuzz.seedRoot", "src/test/resources"));
        Map<String, byte[]> generated = SeedCorpus.generate();
        Set<String> dirs = generated.keySet().stream().map(p -> p.substring(0, p.lastIndexOf('/')))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, byte[]> committed = new TreeMap<>();
        for (String dir : dirs) {
            Path d = root.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.toList()) {
                        committed.put(dir + "/" + f.getFileName(), Files.readAllBytes(f));
                    }
                }
            }
        }
        if (Boolean.getBoolean(WRITE)) {
            for (String stale : committed.keySet()) {
                if (!generated.containsKey(stale)) {
                    Files.delete(root.resolve(stale));
                }
            }
            for (Map.Entry<String, byte[]> e : generated.entrySet()) {
                Path f = root.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            return;
        }
        assertThat(committed.keySet()).as("seed files (regenerate with -D%s=true)", WRITE)
                .containsExactlyElementsOf(generated.keySet());
        for (String path : generated.keySet()) {
            assertThat(HexFormat.of().formatHex(committed.get(path))).as(path)
                    .isEqualTo(HexFormat.of().formatHex(generated.get(path)));
        }
    }

    @Test
    void everyFuzzTestHasSeeds() throws IOException, URISyntaxException {
        Set<String> targets = SeedCorpus.generate().keySet().stream()
                .map(p -> p.substring(0, p.lastIndexOf('/'))).collect(Collectors.toSet());
        Set<String> fuzzTests = new TreeSet<>();
        Path classes = Path.of(SeedCorpusTest.class.getResource("SeedCorpusTest.class").toURI()).getParent();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = loadTestClass(name.substring(0, name.length() - ".class".length()));
                Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FuzzTest.class))
                        .map(Method::getName).forEach(m -> fuzzTests.add(SeedCorpus.directory(c, m)));
            }
        }
        assertThat(fuzzTests).isNotEmpty();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(fuzzTests);
    }

    /** lnd's rule: a registered message without a generator fails a test. */
    @Test
    void everyRegisteredMessageHasASeed() {
        for (MessageCodec<?> codec : MessageRegistry.standard().codecs()) {
            assertThat(LightningMessageCodec.encode(MessageSeeds.sample(codec.type())))
                    .as(codec.name()).startsWith((byte) (codec.type() >>> 8), (byte) codec.type());
        }
    }

    private static Class<?> loadTestClass(String simpleName) {
        try {
            return Class.forName(SeedCorpusTest.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
