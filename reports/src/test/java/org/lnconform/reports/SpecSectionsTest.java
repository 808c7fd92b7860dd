package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Requirement links land on their section: every pinned requirement resolves to a heading of its file. */
class SpecSectionsTest {

    @Test
    void githubAnchorsOfHeadings() {
        assertThat(SpecSections.slug("The `init` Message")).isEqualTo("the-init-message");
        assertThat(SpecSections.slug("Appendix A: BigSize Test Vectors")).isEqualTo("appendix-a-bigsize-test-vectors");
        assertThat(SpecSections.slug("Rationale:")).isEqualTo("rationale");
        assertThat(SpecSections.slug("BOLT #1: Base Protocol")).isEqualTo("bolt-1-base-protocol");
        Map<String, Integer> seen = new HashMap<>();
        assertThat(List.of(SpecSections.unique("requirements", seen), SpecSections.unique("requirements", seen),
                SpecSections.unique("requirements", seen))).containsExactly("requirements", "requirements-1", "requirements-2");
    }

    @Test
    void sectionPathsFindTheHeadingBelowTheirParent() {
        SpecSections s = SpecSections.INSTANCE;
        assertThat(s.anchor("08-transport.md", "Act Two / Receiver Actions")).contains("act-two");
        assertThat(s.anchor("08-transport.md", "Appendix A / Responder Tests")).contains("responder-tests");
        assertThat(s.anchor("08-transport.md", "Act Two / Receiver Actions"))
                .isNotEqualTo(s.anchor("08-transport.md", "Act One / Receiver Actions"));
        assertThat(s.anchor("01-messaging.md", "The `ping` and `pong` Messages")).contains("the-ping-and-pong-messages");
        assertThat(s.anchor("01-messaging.md", "No such heading")).isEmpty();
    }

    @Test
    void everyPinnedRequirementLinksToAnExistingSection() {
        RequirementCatalog catalog = RequirementCatalog.load();
        List<String> unresolved = new ArrayList<>();
        for (RequirementCatalog.Requirement r : catalog.all()) {
            if (r.file() == null || !r.file().endsWith(".md")) {
                continue;
            }
            String url = catalog.specUrl(r).orElse("");
            int hash = url.indexOf('#');
            if (hash < 0 || !SpecSections.INSTANCE.anchors(r.file()).contains(url.substring(hash + 1))) {
                unresolved.add(r.id() + " (" + r.file() + " / " + r.section() + ")");
            }
        }
        assertThat(unresolved).isEmpty();
    }

    /** The headings shipped in spec-headings.json are those of the pinned spec beside the checkout. */
    @Test
    void shippedHeadingsMatchThePinnedSpec() throws IOException {
        Path bolts = SharedSpec.bolts();
        for (String file : List.of("01-messaging.md", "08-transport.md", "09-features.md")) {
            List<String> anchors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fence = false;
            Pattern heading = Pattern.compile("(#{1,6})\\s+(.*?)\\s*#*\\s*$");
            for (String line : Files.readAllLines(bolts.resolve(file))) {
                if (line.strip().startsWith("```")) {
                    fence = !fence;
                }
                Matcher m = heading.matcher(line);
                if (!fence && m.matches()) {
                    anchors.add(SpecSections.unique(SpecSections.slug(m.group(2)), seen));
                }
            }
            assertThat(SpecSections.INSTANCE.anchors(file)).as(file).isEqualTo(anchors);
        }
    }
}
