package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;

/** Field checks of the BOLT 7 query records (hand-built values; decoded ones always pass). */
final class QueryFieldChecks {

    private QueryFieldChecks() {
    }

    static void checkChainHash(Bytes chainHash) {
        Objects.requireNonNull(chainHash, "chainHash");
        if (chainHash.size() != 32) {
            throw new IllegalArgumentException("chain_hash is 32 bytes, not " + chainHash.size());
        }
    }

    static void checkU8(String field, int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit a byte");
        }
    }

    static void checkU32(String field, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit a u32");
        }
    }
}
