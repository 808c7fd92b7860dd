package org.lnconform.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the reference node's conforming code has no deviation branch. Only the deviation seam
 * may name a {@link Deviation} or ask {@code deviates(…)}; only the composition root besides it
 * may name the seam's switch-driven tampers, to hand them to the lifecycle.
 */
class DeviationSeamTest {

    private static final Path PACKAGE = Path.of("org", "lnconform", "peer");

    /** The deviation seam: the switches, the config that carries them, and the tampers they drive. */
    private static final Set<Path> SEAM = Set.of(
            PACKAGE.resolve("Deviation.java"),
            PACKAGE.resolve("PeerConfig.java"),
            PACKAGE.resolve("Deviations.java"),
            PACKAGE.resolve("DeviationTamper.java"),
            PACKAGE.resolve("DeviantInit.java"),
            PACKAGE.resolve("DeviantInitPolicy.java"),
            PACKAGE.resolve("LenientInit.java"),
            PACKAGE.resolve("GossipDeviations.java"),
            PACKAGE.resolve("FundeeDeviations.java"));

    /** Picks the tampers once and hands them in; it may name the seam's factories, never a deviation. */
    private static final Path COMPOSITION_ROOT = PACKAGE.resolve("LightningNode.java");

    /** A deviation or a question about one. */
    private static final Pattern DEVIATION = Pattern.compile("\\bDeviation\\b|\\bdeviates\\s*\\(");

    /** Any deviation-seam type by name (Deviation, Deviations, GossipDeviations, DeviantInit, …). */
    private static final Pattern SEAM_TYPE =
            Pattern.compile("\\b\\w*Deviation\\w*\\b|\\b(DeviantInit|DeviantInitPolicy|LenientInit)\\b");

    private static Path sources() {
        Path root = Path.of(System.getProperty("basedir", "."), "src", "main", "java");
        assertThat(root.resolve(PACKAGE)).as("peer main sources").isDirectory();
        return root;
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(root::relativize).sorted().toList();
        }
    }

    private static List<String> mentions(Path file, Pattern pattern) throws IOException {
        List<String> hits = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                hits.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return hits;
    }

    @Test
    void noFileOutsideTheSeamMentionsADeviation() throws IOException {
        Path root = sources();
        List<String> hits = new ArrayList<>();
        for (Path file : mainSources(root)) {
            if (!SEAM.contains(file)) {
                hits.addAll(mentions(root.resolve(file), DEVIATION));
            }
        }
        assertThat(hits).as("deviation branches outside the deviation seam").isEmpty();
    }

    @Test
    void onlyTheCompositionRootNamesTheSeam() throws IOException {
        Path root = sources();
        List<String> hits = new ArrayList<>();
        for (Path file : mainSources(root)) {
            if (!SEAM.contains(file) && !file.equals(COMPOSITION_ROOT)) {
                hits.addAll(mentions(root.resolve(file), SEAM_TYPE));
            }
        }
        assertThat(hits).as("seam types named outside the seam and the composition root").isEmpty();
    }

    /** The list stays honest: every seam file exists and is about deviations, so the scan sees what it must. */
    @Test
    void everySeamFileExistsAndNamesTheSeam() throws IOException {
        Path root = sources();
        assertThat(mainSources(root)).containsAll(SEAM).contains(COMPOSITION_ROOT);
        for (Path file : SEAM) {
            assertThat(mentions(root.resolve(file), SEAM_TYPE)).as(file.toString()).isNotEmpty();
        }
        // the patterns catch what they are meant to catch: the switch-driven tampers ask deviates(…)
        assertThat(mentions(root.resolve(PACKAGE.resolve("Deviations.java")), DEVIATION)).isNotEmpty();
        assertThat(mentions(root.resolve(PACKAGE.resolve("FundeeDeviations.java")), DEVIATION)).isNotEmpty();
        assertThat(mentions(root.resolve(COMPOSITION_ROOT), SEAM_TYPE)).isNotEmpty();
    }
}
