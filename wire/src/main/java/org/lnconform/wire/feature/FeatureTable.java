package org.lnconform.wire.feature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The BOLT 9 feature table, loaded from {@code features.json} (the spec's table as data). */
public final class FeatureTable {

    private static final String RESOURCE = "/org/lnconform/wire/features.json";
    private static volatile FeatureTable bolt9;

    private final String specCommit;
    private final List<Feature> features;
    private final Map<String, Feature> byName;
    private final Map<Integer, Feature> byBit;

    private FeatureTable(String specCommit, List<Feature> features) {
        this.specCommit = specCommit;
        this.features = List.copyOf(features);
        Map<String, Feature> names = new LinkedHashMap<>();
        Set<Integer> bits = new HashSet<>();
        for (Feature f : this.features) {
            if (names.put(f.name(), f) != null || !bits.add(f.evenBit())) {
                throw new IllegalArgumentException("feature table repeats " + f);
            }
        }
        this.byName = Map.copyOf(names);
        Map<Integer, Feature> index = new java.util.HashMap<>();
        for (Feature f : this.features) {
            index.put(f.evenBit(), f);
            index.put(f.oddBit(), f);
        }
        this.byBit = Map.copyOf(index);
        for (Feature f : this.features) {
            for (String dep : f.dependsOn()) {
                if (!byName.containsKey(dep)) {
                    throw new IllegalArgumentException(f + " depends on unknown feature " + dep);
                }
            }
        }
    }

    /** The table bundled with this module, from the pinned spec commit. */
    public static FeatureTable bolt9() {
        FeatureTable t = bolt9;
        if (t == null) {
            try (InputStream in = FeatureTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                t = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bolt9 = t;
        }
        return t;
    }

    /** Reads the {@code features.json} format: {@code commit} and a {@code features} array. */
    public static FeatureTable load(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<Feature> out = new ArrayList<>();
        for (JsonNode n : root.path("features")) {
            Set<FeatureContext> contexts = EnumSet.noneOf(FeatureContext.class);
            for (JsonNode c : n.path("context_flags")) {
                contexts.add(FeatureContext.fromLetter(c.asText())
                        .orElseThrow(() -> new IOException("unknown context letter " + c)));
            }
            List<String> deps = new ArrayList<>();
            n.path("dependencies").forEach(d -> deps.add(d.asText()));
            out.add(new Feature(n.path("name").asText(), n.path("even_bit").asInt(), n.path("description").asText(),
                    n.path("assumed").asBoolean(), contexts, deps, n.path("allowed_in_init").asBoolean()));
        }
        out.sort(Comparator.comparingInt(Feature::evenBit));
        try {
            return new FeatureTable(root.path("commit").asText(""), out);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad feature table: " + e.getMessage(), e);
        }
    }

    /** Commit of lightning/bolts the table was taken from. */
    public String specCommit() {
        return specCommit;
    }

    /** Features by increasing bit. */
    public List<Feature> features() {
        return features;
    }

    public Optional<Feature> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The feature owning {@code bit} (either of its pair). */
    public Optional<Feature> byBit(int bit) {
        return Optional.ofNullable(byBit.get(bit));
    }

    /** True if {@code bit} belongs to an assigned feature, ASSUMED ones included. */
    public boolean isKnown(int bit) {
        return byBit(bit).isPresent();
    }

    /** The highest assigned (odd) bit; pick test "unknown" bits above it. */
    public int highestAssignedBit() {
        return features.stream().mapToInt(Feature::oddBit).max().orElse(-1);
    }

    public List<Feature> assumed() {
        return features.stream().filter(Feature::assumed).toList();
    }

    public List<Feature> allowedInInit() {
        return features.stream().filter(Feature::allowedInInit).toList();
    }

    /** Direct dependencies of {@code feature}. */
    public List<Feature> dependencies(Feature feature) {
        return feature.dependsOn().stream().map(byName::get).toList();
    }

    /** Direct and indirect dependencies, nearest first. */
    public Set<Feature> transitiveDependencies(Feature feature) {
        Set<Feature> seen = new LinkedHashSet<>();
        List<Feature> queue = new ArrayList<>(dependencies(feature));
        while (!queue.isEmpty()) {
            Feature next = queue.remove(0);
            if (seen.add(next)) {
                queue.addAll(dependencies(next));
            }
        }
        return seen;
    }
}
