package org.lnconform.harness.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.lnconform.wire.Bytes;
import java.util.List;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.MessageType;

/**
 * "Unknown" numbers for probes, chosen far above every assigned one (and above the ranges the
 * spec keeps assigning from) so a newer spec revision does not make them known.
 */
public final class Unknowns {

    /** A chain hash no node runs: SHA-256 of a fixed phrase. */
    public static final Bytes FOREIGN_CHAIN = sha256("lnconform: a chain no node runs");
    /** Another one. */
    public static final Bytes OTHER_FOREIGN_CHAIN = sha256("lnconform: another chain no node runs");

    private Unknowns() {}

    private static Bytes sha256(String s) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Unassigned odd message types spread over the space: the lowest the BOLTs leave free, one just
     * above BOLT 7's gossip types, and one in the experimental range (implementations have broken
     * on low types only, or on high types only).
     */
    public static List<Integer> oddMessageTypes() {
        return List.of(unassigned(3), unassigned(0x0111), oddMessageType());
    }

    /** Unassigned even message types, spread likewise. */
    public static List<Integer> evenMessageTypes() {
        return List.of(unassigned(4), unassigned(0x0110), evenMessageType());
    }

    /** The first type from {@code from} on, of the same parity, that no BOLT assigns. */
    private static int unassigned(int from) {
        int t = from;
        while (MessageType.of(t).isPresent()) {
            t += 2;
        }
        return t;
    }

    /** An odd message type in the experimental range, above anything BOLTs 1–7 assign. */
    public static int oddMessageType() {
        return 0xfe55;
    }

    /** An even message type in the same range. */
    public static int evenMessageType() {
        return 0xfe54;
    }

    /**
     * An odd feature bit far above the highest assigned one in the BOLT 9 table, and clear of the
     * bits implementations use for their own experiments just above it (lnd uses 263 for a
     * blinded-path invoice feature and 2023 for script-enforced leases).
     */
    public static int oddFeatureBit(FeatureTable table) {
        int b = (table.highestAssignedBit() / 2 + 500) * 2;
        return b + 1;
    }

    /**
     * A second unassigned odd feature bit, nearer the assigned ones: the first above 300 that
     * BOLT 9 leaves free (clear of lnd's 263), so a feature field of about 38 bytes rather than
     * 130 is tried as well.
     */
    public static int nearOddFeatureBit(FeatureTable table) {
        int b = 301;
        while (table.isKnown(b) || table.isKnown(b - 1)) {
            b += 2;
        }
        return b;
    }

    /** Unassigned odd feature bits across the range: near the assigned ones, and far above them. */
    public static List<Integer> oddFeatureBits(FeatureTable table) {
        return List.of(nearOddFeatureBit(table), oddFeatureBit(table));
    }

    /** The even partners of {@link #oddFeatureBits}. */
    public static List<Integer> evenFeatureBits(FeatureTable table) {
        return oddFeatureBits(table).stream().map(b -> b - 1).toList();
    }

    /** The even partner of {@link #oddFeatureBit}. */
    public static int evenFeatureBit(FeatureTable table) {
        return oddFeatureBit(table) - 1;
    }

    /** An odd TLV type for init extensions, far above the assigned ones (1, 3). */
    public static long oddTlvType() {
        return 0x10_0001L;
    }

    /** An even TLV type in the same range. */
    public static long evenTlvType() {
        return 0x10_0000L;
    }
}
