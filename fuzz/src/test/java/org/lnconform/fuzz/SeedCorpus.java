package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;

/**
 * The seed corpora of every fuzz target, made from the spec's vector files (and the BOLT 9
 * table), laid out as Jazzer's regression inputs:
 * {@code org/lnconform/fuzz/<TestClass>Inputs/<method>/<seed>}. {@link SeedCorpusTest} checks
 * the committed files against this, and rewrites them when asked to. A few seeds are built
 * from vector bytes rather than copied (a TLV length claiming 2^60, every registered message
 * with the Appendix C extension), each named for what it is.
 */
final class SeedCorpus {

    static final String PACKAGE_DIR = "org/lnconform/fuzz/";

    /** A hostile BigSize length: 2^60, far beyond any input. */
    static final String LENGTH_2_POW_60 = "ff1000000000000000";

    private SeedCorpus() {
    }

    /** Relative path → bytes, for every target. */
    static Map<String, byte[]> generate() {
        Map<String, byte[]> out = new TreeMap<>();
        add(out, BigSizeFuzzTest.class, "bigSizeDecode", bigSize());
        add(out, TlvStreamFuzzTest.class, "n1Stream", appendixB("n1"));
        add(out, TlvStreamFuzzTest.class, "n2Stream", appendixB("n2"));
        add(out, TlvStreamFuzzTest.class, "initTlvStream", MessageSeeds.initTlvs());
        add(out, MessageFuzzTest.class, "lightningMessage", MessageSeeds.messages());
        add(out, ChannelMessageFuzzTest.class, "channelMessage", ChannelMessageSeeds.channelMessages());
        add(out, QueryArrayFuzzTest.class, "encodedArray", QuerySeeds.encodedArrays());
        add(out, FeatureValidationFuzzTest.class, "initFeatures", features());
        add(out, HandshakeFuzzTest.class, "readActOne", acts(Bolt8Fixture.RESPONDER_FILE, "act1_input"));
        add(out, HandshakeFuzzTest.class, "readActTwo", acts(Bolt8Fixture.INITIATOR_FILE, "act2_input"));
        add(out, HandshakeFuzzTest.class, "readActThree", acts(Bolt8Fixture.RESPONDER_FILE, "act3_input"));
        add(out, PointFuzzTest.class, "compressedPoint", points());
        add(out, TransportFuzzTest.class, "roundTripAcrossRotation", TransportSeeds.all());
        return out;
    }

    /** The directory of one target's seeds, relative to the resource root. */
    static String directory(Class<?> testClass, String method) {
        return PACKAGE_DIR + testClass.getSimpleName() + "Inputs/" + method;
    }

    private static void add(Map<String, byte[]> out, Class<?> testClass, String method, Map<String, byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no seeds for " + testClass.getSimpleName() + "#" + method);
        }
        seeds.forEach((name, bytes) -> out.put(directory(testClass, method) + "/" + name, bytes));
    }

    /** Collects seeds under readable names; identical bytes are kept once, under the first name. */
    static final class Seeds {
        private final Map<String, byte[]> byName = new LinkedHashMap<>();
        private final Map<String, String> nameByHex = new LinkedHashMap<>();

        Seeds add(String name, byte[] bytes) {
            String hex = HexFormat.of().formatHex(bytes);
            if (nameByHex.putIfAbsent(hex, name) == null) {
                String unique = slug(name);
                for (int i = 2; byName.containsKey(unique); i++) {
                    unique = slug(name) + "-" + i;
                }
                byName.put(unique, bytes.clone());
            }
            return this;
        }

        Seeds add(String name, String hex) {
            return add(name, Bytes.fromHex(hex).toByteArray());
        }

        Map<String, byte[]> toMap() {
            return byName;
        }
    }

    static String slug(String text) {
        String s = text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "empty" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    // BOLT 1 Appendix A: the decoding vectors (valid and invalid) and the encoding ones.
    private static Map<String, byte[]> bigSize() {
        Seeds s = new Seeds();
        for (String file : List.of("bolt01-bigsize-decoding.json", "bolt01-bigsize-encoding.json")) {
            for (JsonNode v : Vectors.items(Vectors.data(file))) {
                s.add(v.get("name").asText(), v.get("bytes").asText());
            }
        }
        return s.toMap();
    }

    // BOLT 1 Appendix B: every failure, success and stream failure that applies to the namespace,
    // all the namespace's successful records in one stream, and a record claiming 2^60 bytes.
    private static Map<String, byte[]> appendixB(String ns) {
        Seeds s = new Seeds();
        StringBuilder allKnown = new StringBuilder();
        for (JsonNode v : Vectors.items(Vectors.data("bolt01-tlv-decoding-successes.json"))) {
            if (Vectors.appliesTo(v).contains(ns)) {
                String label = v.has("explanation") ? v.get("explanation").asText() : v.get("values_as_written").asText();
                s.add("success " + label, v.get("hex").asText());
                if (!v.get("values").isNull()) {
                    allKnown.append(v.get("hex").asText());
                }
            }
        }
        for (JsonNode v : Vectors.items(Vectors.data("bolt01-tlv-decoding-failures.json"))) {
            if (Vectors.appliesTo(v).contains(ns)) {
                s.add("failure " + v.get("reason").asText(), v.get("hex").asText());
            }
        }
        for (JsonNode v : Vectors.items(Vectors.data("bolt01-tlv-stream-decoding-failures.json").get("vectors"))) {
            if (Vectors.appliesTo(v).contains(ns)) {
                s.add("stream failure " + v.get("reason").asText(), v.get("hex").asText());
            }
        }
        s.add("successes concatenated", allKnown.toString());
        s.add("odd record claiming 2^60 bytes", "21" + LENGTH_2_POW_60 + "00");
        return s.toMap();
    }

    // BOLT 1 init payloads of Appendix C, then one seed per BOLT 9 feature (each bit alone, and
    // the even bit with its dependencies), plus the shapes the sender rules talk about.
    private static Map<String, byte[]> features() {
        Seeds s = new Seeds();
        String base = Vectors.data("bolt01-message-extension.json").get("base_init_hex").asText();
        s.add("appendix c base init", base.substring(4));
        FeatureTable table = FeatureTable.bolt9();
        List<Integer> allOdd = new ArrayList<>();
        for (Feature f : table.features()) {
            s.add(f.name() + " even", initFeatures(new int[0], new int[] {f.evenBit()}));
            s.add(f.name() + " odd", initFeatures(new int[0], new int[] {f.oddBit()}));
            List<Integer> withDeps = new ArrayList<>(List.of(f.evenBit()));
            table.transitiveDependencies(f).forEach(d -> withDeps.add(d.oddBit()));
            s.add(f.name() + " with dependencies", initFeatures(new int[0], ints(withDeps)));
            if (f.allowedInInit()) {
                allOdd.add(f.oddBit());
            }
        }
        s.add("every init feature optional", initFeatures(new int[0], ints(allOdd)));
        int unknown = (table.highestAssignedBit() + 2) & ~1;
        s.add("unknown even bit", initFeatures(new int[0], new int[] {unknown}));
        s.add("unknown odd bit", initFeatures(new int[0], new int[] {unknown + 1}));
        s.add("globalfeatures bits 13 and 14", initFeatures(new int[] {13, 14}, new int[0]));
        s.add("same bit in both fields", initFeatures(new int[] {5}, new int[] {5}));
        s.add("features with a leading zero byte", "0000" + "0002" + "0020");
        return s.toMap();
    }

    /** {@code gflen, globalfeatures, flen, features} with the given bits set, minimal length. */
    static byte[] initFeatures(int[] globalBits, int[] bits) {
        WireWriter w = new WireWriter();
        for (int[] set : new int[][] {globalBits, bits}) {
            Bytes b = FeatureVector.of(set).toBytes();
            w.u16(b.size()).bytes(b);
        }
        return w.toByteArray();
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    // BOLT 8 Appendix A: every act the vectors feed to the reading side, valid or not.
    private static Map<String, byte[]> acts(String file, String field) {
        Seeds s = new Seeds();
        for (JsonNode v : Bolt8Fixture.vectors(file)) {
            if (v.hasNonNull(field)) {
                s.add(v.get("name").asText(), v.get(field).asText());
            }
        }
        return s.toMap();
    }

    // Points the vectors contain (static and ephemeral keys, n1's node_id) and Act One's bad key.
    private static Map<String, byte[]> points() {
        Seeds s = new Seeds();
        for (String file : List.of(Bolt8Fixture.INITIATOR_FILE, Bolt8Fixture.RESPONDER_FILE)) {
            for (JsonNode v : Bolt8Fixture.vectors(file)) {
                for (String key : List.of("ls.pub", "e.pub", "rs.pub")) {
                    if (v.hasNonNull(key)) {
                        s.add(v.get("name").asText() + " " + key, v.get(key).asText());
                    }
                }
                JsonNode act = v.hasNonNull("act1_input") ? v.get("act1_input") : v.get("act2_input");
                if (act != null && act.asText().length() == 100) {
                    s.add(v.get("name").asText() + " ephemeral key", Arrays.copyOfRange(Vectors.hex(act), 1, 34));
                }
            }
        }
        for (JsonNode v : Vectors.items(Vectors.data("bolt01-tlv-decoding-successes.json"))) {
            JsonNode tlv3 = v.path("values").path("tlv3");
            if (tlv3.has("node_id")) {
                s.add("n1 tlv3 node_id", tlv3.get("node_id").asText());
            }
        }
        return s.toMap();
    }
}
