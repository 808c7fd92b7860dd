package org.lnconform.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headings of the pinned BOLT files ({@code spec-headings.json}, made by
 * {@code reports/tools/spec_headings.py}) and the anchors GitHub gives them, so a requirement's
 * section ({@code "Act One / Receiver Actions"}) links to that heading, not to the top of the file.
 */
final class SpecSections {

    static final String RESOURCE = "/org/lnconform/reports/spec-headings.json";

    /** One heading: its level (1 for {@code #}), text as written, and anchor. */
    record Heading(int level, String text, String anchor) {}

    private final Map<String, List<Heading>> byFile;

    SpecSections(Map<String, List<Heading>> byFile) {
        this.byFile = byFile;
    }

    static final SpecSections INSTANCE = load();

    static SpecSections load() {
        try (InputStream in = SpecSections.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = in == null ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(in);
            Map<String, List<Heading>> byFile = new LinkedHashMap<>();
            root.path("files").properties().forEach(f -> {
                List<Heading> heads = new ArrayList<>();
                Map<String, Integer> seen = new HashMap<>();
                for (JsonNode h : f.getValue()) {
                    String text = h.get(1).asText();
                    heads.add(new Heading(h.get(0).asInt(), text, unique(slug(text), seen)));
                }
                byFile.put(f.getKey(), heads);
            });
            return new SpecSections(byFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * GitHub's heading anchor: markup dropped (code ticks, emphasis, link targets), lower case, every
     * character but letters, digits, spaces, hyphens and underscores removed, spaces made hyphens.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
        StringBuilder out = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    /** The second heading with the same slug gets {@code -1}, the third {@code -2}, as on GitHub. */
    static String unique(String slug, Map<String, Integer> seen) {
        Integer n = seen.get(slug);
        seen.put(slug, n == null ? 1 : n + 1);
        return n == null ? slug : slug + "-" + n;
    }

    /** Every anchor of a file's headings, in order. */
    List<String> anchors(String file) {
        return byFile.getOrDefault(file, List.of()).stream().map(Heading::anchor).toList();
    }

    /**
     * The anchor of a section path in a file: each {@code " / "}-separated part names a heading
     * below the previous one (case and markup ignored; a part may be the start of the heading, as
     * {@code "Appendix A"} for {@code "Appendix A: Transport Test Vectors"}; a trailing
     * {@code "(intro)"} is dropped, and a file's title matches without its {@code "BOLT #n: "}). A part that is no heading (the spec's bold
     * {@code "Receiver Actions"} paragraphs) leaves the link at its parent. Empty if the file or
     * the first part is not found.
     */
    Optional<String> anchor(String file, String section) {
        List<Heading> heads = byFile.get(file);
        if (heads == null || section == null) {
            return Optional.empty();
        }
        int from = -1;
        int minLevel = 0;
        Heading found = null;
        for (String part : section.split(" / ")) {
            String want = slug(part.replaceFirst("\\s*\\(intro\\)$", ""));
            int at = -1;
            for (int i = from + 1; i < heads.size(); i++) {
                Heading h = heads.get(i);
                if (h.level() <= minLevel) {
                    break;
                }
                String have = slug(h.text().replaceFirst("^BOLT #\\d+:\\s*", ""));
                if (have.equals(want) || have.startsWith(want + "-")) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                break;
            }
            found = heads.get(at);
            from = at;
            minLevel = found.level();
        }
        return Optional.ofNullable(found).map(Heading::anchor);
    }
}
