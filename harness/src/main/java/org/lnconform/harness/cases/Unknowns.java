package org.lnconform.harness.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureTable;

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
