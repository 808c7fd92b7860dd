package org.lnconform.wire.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        Map<?, ?> root = as(Map.class, TableJson.parse(new String(json.readAllBytes(), StandardCharsets.UTF_8)), "table");
        List<Feature> out = new ArrayList<>();
        for (Object o : list(root, "features")) {
            Map<?, ?> n = as(Map.class, o, "feature");
            Set<FeatureContext> contexts = EnumSet.noneOf(FeatureContext.class);
            for (Object c : list(n, "context_flags")) {
                contexts.add(FeatureContext.fromLetter(String.valueOf(c))
                        .orElseThrow(() -> new IOException("unknown context letter " + c)));
            }
            List<String> deps = new ArrayList<>();
            list(n, "dependencies").forEach(d -> deps.add(String.valueOf(d)));
            out.add(new Feature(text(n, "name"), as(Long.class, n.get("even_bit"), "even_bit").intValue(),
                    text(n, "description"), Boolean.TRUE.equals(n.get("assumed")), contexts, deps,
                    Boolean.TRUE.equals(n.get("allowed_in_init"))));
        }
        out.sort(Comparator.comparingInt(Feature::evenBit));
        try {
            return new FeatureTable(root.containsKey("commit") ? text(root, "commit") : "", out);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad feature table: " + e.getMessage(), e);
        }
    }

    private static <T> T as(Class<T> type, Object value, String what) throws IOException {
        if (!type.isInstance(value)) {
            throw new IOException("features.json: " + what + " is not a " + type.getSimpleName() + ": " + value);
        }
        return type.cast(value);
    }

    private static List<?> list(Map<?, ?> node, String key) throws IOException {
        Object v = node.get(key);
        return v == null ? List.of() : as(List.class, v, key);
    }

    private static String text(Map<?, ?> node, String key) throws IOException {
        Object v = node.get(key);
        return v == null ? "" : as(String.class, v, key);
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
