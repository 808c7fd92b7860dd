package org.lnconform.harness.run;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;

/**
 * The init the harness sends, byte for byte, so cases can break any part of it. By default it is
 * the most agreeable init for the node: every feature the node requires offered as optional (with
 * dependencies), and the node's own networks echoed.
 */
public final class InitBuilder {

    private byte[] globalFeatures = new byte[0];
    private byte[] features;
    private final List<byte[]> tlvs = new ArrayList<>();
    private byte[] rawTlvs;

    private InitBuilder(byte[] features) {
        this.features = features;
    }

    /** An init the node should accept, given the init it sent us. */
    public static InitBuilder compatibleWith(Init nodeInit, FeatureTable table) {
        FeatureVector ours = compatibleFeatures(nodeInit, table);
        InitBuilder b = new InitBuilder(ours.toBytes().toByteArray());
        try {
            List<Bytes> networks = nodeInit.networks().orElse(List.of());
            if (!networks.isEmpty()) {
                WireWriter w = new WireWriter();
                networks.forEach(w::chainHash);
                b.tlv(1, w.toByteArray());
            }
        } catch (WireException e) {
            // the node's networks TLV is broken; another case reports that, here we send none
        }
        return b;
    }

    /** Offer (odd bit) every feature the node requires, plus their dependencies. */
    public static FeatureVector compatibleFeatures(Init nodeInit, FeatureTable table) {
        FeatureVector theirs = nodeInit.combinedFeatures();
        FeatureVector ours = FeatureVector.empty();
        for (int bit : theirs.bits()) {
            if (bit % 2 == 0) {
                ours = ours.set(bit + 1);
                Feature f = table.byBit(bit).orElse(null);
                if (f != null) {
                    for (Feature dep : table.transitiveDependencies(f)) {
                        if (!dep.assumed()) {
                            ours = ours.set(dep.oddBit());
                        }
                    }
                }
            }
        }
        return ours;
    }

    public InitBuilder features(FeatureVector v) {
        this.features = v.toBytes().toByteArray();
        return this;
    }

    public InitBuilder featuresRaw(byte[] bytes) {
        this.features = bytes.clone();
        return this;
    }

    public InitBuilder globalFeatures(FeatureVector v) {
        this.globalFeatures = v.toBytes().toByteArray();
        return this;
    }

    public InitBuilder globalFeaturesRaw(byte[] bytes) {
        this.globalFeatures = bytes.clone();
        return this;
    }

    /** The features currently set (for cases that add a bit). */
    public FeatureVector featureVector() {
        return FeatureVector.fromBytes(features);
    }

    /** Adds a TLV record, minimally encoded; records are written in the order added. */
    public InitBuilder tlv(long type, byte[] value) {
        WireWriter w = new WireWriter();
        w.bigSize(type).bigSize(value.length).raw(value);
        tlvs.add(w.toByteArray());
        return this;
    }

    /** Drops every TLV record added so far. */
    public InitBuilder noTlvs() {
        tlvs.clear();
        rawTlvs = null;
        return this;
    }

    /** Replaces the whole TLV stream with exact bytes (for malformed streams). */
    public InitBuilder rawTlvStream(byte[] bytes) {
        this.rawTlvs = bytes.clone();
        return this;
    }

    /** The plaintext init message: type 16, globalfeatures, features, TLV stream. */
    public byte[] build() {
        WireWriter w = new WireWriter();
        w.u16(Init.TYPE);
        w.u16(globalFeatures.length).raw(globalFeatures);
        w.u16(features.length).raw(features);
        if (rawTlvs != null) {
            w.raw(rawTlvs);
        } else {
            tlvs.forEach(w::raw);
        }
        return w.toByteArray();
    }
}
