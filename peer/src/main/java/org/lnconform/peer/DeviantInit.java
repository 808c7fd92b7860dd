package org.lnconform.peer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureContext;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;

/**
 * The init of a node with init deviations switched on: {@link OwnInit}'s message written field by
 * field, so each deviation can break exactly one sending rule of BOLT 1 or BOLT 9. Part of the
 * deviation seam; with no init deviation on, it writes the same bytes as {@link OwnInit}.
 */
final class DeviantInit {

    private DeviantInit() {}

    static byte[] build(PeerConfig config, FeatureTable table, InetSocketAddress remote, boolean inbound) {
        FeatureVector features = FeatureVector.empty();
        for (int bit : config.featureBits()) {
            features = features.set(bit);
        }
        FeatureVector global = FeatureVector.empty();
        if (config.deviates(Deviation.INIT_UNDEFINED_FEATURE_BIT)) {
            features = features.set(undefinedOddBit(table));
        }
        if (config.deviates(Deviation.INIT_GLOBALFEATURES_ABOVE_13)) {
            global = global.set(27);
        }
        if (config.deviates(Deviation.INIT_MISSING_DEPENDENCY)) {
            features = features.set(61).clear(27).clear(26);
        }
        if (config.deviates(Deviation.INIT_BOTH_BITS)) {
            features = features.set(4).set(5);
        }
        if (config.deviates(Deviation.INIT_INVOICE_ONLY_BIT)) {
            features = features.set(notInInitOddBit(table));
        }
        byte[] featureBytes = features.toBytes().toByteArray();
        if (config.deviates(Deviation.INIT_NON_MINIMAL_FEATURES)) {
            byte[] padded = new byte[featureBytes.length + 1];
            System.arraycopy(featureBytes, 0, padded, 1, featureBytes.length);
            featureBytes = padded;
        }

        List<long[]> order = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        if (!config.networks().isEmpty()) {
            WireWriter n = new WireWriter();
            for (Bytes chain : config.networks()) {
                n.bytes(chain);
            }
            byte[] chains = n.toByteArray();
            order.add(new long[] {1});
            values.add(config.deviates(Deviation.INIT_BAD_NETWORKS_LENGTH)
                    ? Arrays.copyOf(chains, chains.length - 1) : chains);
        } else if (config.deviates(Deviation.INIT_BAD_NETWORKS_LENGTH)) {
            order.add(new long[] {1});
            values.add(new byte[31]);
        }
        byte[] addr = remoteAddr(config, remote, inbound);
        if (addr != null) {
            order.add(new long[] {3});
            values.add(addr);
        }
        WireWriter w = new WireWriter();
        w.u16(16);
        byte[] g = global.toBytes().toByteArray();
        w.u16(g.length);
        w.raw(g);
        // BOLT 1 (B1-INIT-01): flen counts the whole bytes written
        w.u16(featureBytes.length + (config.deviates(Deviation.INIT_FEATURES_LENGTH_MISMATCH) ? 1 : 0));
        w.raw(featureBytes);
        if (config.deviates(Deviation.INIT_TLVS_OUT_OF_ORDER)) {
            // an (empty) unknown odd record of type 113 before the networks record of type 1
            w.bigSize(0x71).bigSize(0);
            w.bigSize(1).bigSize(32).raw(PeerConfig.BITCOIN_REGTEST.toByteArray());
            return w.toByteArray();
        }
        int[] idx = new int[order.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        boolean first = true;
        for (int i : idx) {
            long type = order.get(i)[0];
            byte[] value = values.get(i);
            w.bigSize(type);
            if (first && config.deviates(Deviation.INIT_TLV_NON_MINIMAL)) {
                w.u8(0xfd).u16(value.length); // a length below 253 written in three bytes
            } else {
                w.bigSize(value.length);
            }
            first = false;
            w.raw(value);
        }
        if (config.deviates(Deviation.INIT_UNKNOWN_EVEN_TLV)) {
            w.bigSize(UNKNOWN_EVEN_TLV_TYPE).bigSize(1).u8(0x2a);
        }
        return w.toByteArray();
    }

    /** An even init TLV type BOLT 1 does not assign (only 1 and 3 are), far above the spec's range. */
    static final long UNKNOWN_EVEN_TLV_TYPE = 0x10_0000L;

    /** The odd bit of the first feature whose BOLT 9 context lists fields but not init (invoice-only 49 today). */
    static int notInInitOddBit(FeatureTable table) {
        return table.features().stream()
                .filter(f -> !f.contexts().isEmpty() && !f.isIn(FeatureContext.INIT))
                .mapToInt(Feature::oddBit).findFirst()
                .orElseThrow(() -> new IllegalStateException("the feature table has no feature excluded from init"));
    }

    /** An odd bit above every assigned one: no current or near-future feature uses it. */
    static int undefinedOddBit(FeatureTable table) {
        int b = table.highestAssignedBit() + 100;
        return b % 2 == 1 ? b : b + 1;
    }

    private static byte[] remoteAddr(PeerConfig config, InetSocketAddress remote, boolean inbound) {
        if (config.deviates(Deviation.INIT_BAD_REMOTE_ADDR)) {
            return new byte[] {1, 127, 0}; // IPv4 descriptor cut short
        }
        if (!inbound || !config.sendRemoteAddr() || remote == null) {
            return null;
        }
        if (OwnInit.isPrivate(remote.getAddress()) && !config.deviates(Deviation.INIT_PRIVATE_REMOTE_ADDR)) {
            return null;
        }
        return OwnInit.descriptor(remote).toByteArray();
    }
}
