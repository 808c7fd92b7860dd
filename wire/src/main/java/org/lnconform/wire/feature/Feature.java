package org.lnconform.wire.feature;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the BOLT 9 table: a pair of bits (even = required, odd = optional), where it may
 * appear, and the features it depends on (by name; {@link FeatureTable} resolves them).
 */
public record Feature(
        String name,
        int evenBit,
        String description,
        boolean assumed,
        Set<FeatureContext> contexts,
        List<String> dependsOn,
        boolean allowedInInit) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (evenBit < 0 || (evenBit & 1) != 0) {
            throw new IllegalArgumentException(name + ": even bit " + evenBit + " is not a non-negative even number");
        }
        contexts = Set.copyOf(contexts);
        dependsOn = List.copyOf(dependsOn);
    }

    public int oddBit() {
        return evenBit + 1;
    }

    /** True for either bit of this feature's pair. */
    public boolean hasBit(int bit) {
        return bit == evenBit || bit == evenBit + 1;
    }

    /** Set in {@code v} as either bit (BOLT 1: "offered"). */
    public boolean isOfferedIn(FeatureVector v) {
        return v.isSet(evenBit) || v.isSet(evenBit + 1);
    }

    public boolean isIn(FeatureContext context) {
        return contexts.contains(context);
    }

    /** The spec's "even/odd" notation, e.g. {@code 16/17}. */
    public String bits() {
        return evenBit + "/" + oddBit();
    }

    @Override
    public String toString() {
        return name + " (" + bits() + ")";
    }
}
