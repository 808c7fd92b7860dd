package org.lnconform.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lnconform.harness.model.RunReport;

/**
 * The requirement texts a report cites next to each requirement id (file, section, level and
 * words): the pinned spec's, from the harness's {@code requirements.json}, and the suite's own
 * LNC-* ones, from {@code lnc-requirements.json}.
 */
final class RequirementCatalog {

    static final String RESOURCE = "/org/lnconform/harness/requirements.json";
    static final String SUITE_RESOURCE = "/org/lnconform/harness/lnc-requirements.json";

    /** One requirement as requirements.json states it. */
    record Requirement(String id, String file, String section, String level, List<String> text) {}

    private final String commit;
    private final Map<String, Requirement> byId;

    RequirementCatalog(String commit, Map<String, Requirement> byId) {
        this.commit = commit;
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** Both catalogues on the classpath (the spec's commit comes from the first); empty if the harness ships none. */
    static RequirementCatalog load() {
        RequirementCatalog spec = parse(read(RESOURCE));
        RequirementCatalog suite = parse(read(SUITE_RESOURCE));
        Map<String, Requirement> all = new LinkedHashMap<>(spec.byId);
        suite.byId.forEach(all::putIfAbsent);
        return new RequirementCatalog(spec.commit, all);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RunReport.class.getResourceAsStream(resource)) {
            return in == null ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static RequirementCatalog parse(JsonNode root) {
        Map<String, Requirement> byId = new LinkedHashMap<>();
        for (JsonNode r : root.path("requirements")) {
            List<String> text = new ArrayList<>();
            r.path("text").forEach(t -> text.add(t.asText()));
            String id = r.path("id").asText();
            byId.put(id, new Requirement(id, r.path("file").asText(null), r.path("section").asText(null),
                    r.path("level").asText(null), List.copyOf(text)));
        }
        return new RequirementCatalog(root.path("commit").asText(null), byId);
    }

    Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The spec commit the requirements were taken from, or null. */
    String commit() {
        return commit;
    }

    /**
     * A link to the requirement's section of the spec file at the pinned commit (a plain anchor
     * target, never loaded by the page); to the file alone if its section has no heading of that name.
     */
    Optional<String> specUrl(Requirement r) {
        if (r.file() == null || commit == null || !r.file().matches("[A-Za-z0-9._-]+\\.md")
                || !commit.matches("[0-9a-f]{7,40}")) {
            return Optional.empty();
        }
        return Optional.of("https://github.com/lightning/bolts/blob/" + commit + "/" + r.file()
                + SpecSections.INSTANCE.anchor(r.file(), r.section()).map(a -> "#" + a).orElse(""));
    }

    /** Every requirement, in file order. */
    java.util.Collection<Requirement> all() {
        return byId.values();
    }

    /** Both catalogues, loaded once. */
    static final RequirementCatalog INSTANCE = load();
}
