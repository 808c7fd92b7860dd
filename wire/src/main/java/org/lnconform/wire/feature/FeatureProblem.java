package org.lnconform.wire.feature;

import java.util.Objects;
import java.util.Optional;

/** One finding about the feature bits of an {@code init}, with the rule it comes from. */
public record FeatureProblem(Kind kind, int bit, Optional<Feature> feature, String detail) {

    /** How much a finding matters to the connection. */
    public enum Severity {
        /** The receiver must close the connection. */
        MUST_CLOSE,
        /** The sender broke a MUST or MUST NOT, but the receiver's rules let it carry on. */
        SENDER_MUST,
        /** The sender went against a SHOULD or SHOULD NOT. */
        SENDER_SHOULD,
        /** Worth reporting; no rule is broken, or the spec is unclear (see the detail). */
        NOTE
    }

    /** What was found; each names the requirement id from {@code requirements.json}. */
    public enum Kind {
        /** A set even bit outside the BOLT 9 table. */
        UNKNOWN_EVEN_BIT(Severity.MUST_CLOSE, "B1-INIT-15"),
        /** A set feature whose (transitive) dependency is not set. */
        MISSING_DEPENDENCY(Severity.MUST_CLOSE, "B1-INIT-17"),
        /** A set odd bit outside the table; the receiver ignores it. */
        UNKNOWN_ODD_BIT(Severity.NOTE, "B1-INIT-14"),
        /** Both bits of a known pair; the receiver treats it as required (B9-RECV-01). */
        BOTH_BITS_SET(Severity.SENDER_MUST, "B9-ORIG-05"),
        /** A known feature whose Context column lists other fields but not init. */
        NOT_IN_INIT_CONTEXT(Severity.SENDER_MUST, "B9-ORIG-04"),
        /** A known feature with an empty Context (ASSUMED ones, gossip_queries) set in init. */
        NO_CONTEXT(Severity.NOTE, "B9-ORIG-04"),
        /** A bit above 13 in {@code globalfeatures}. */
        GLOBAL_BIT_ABOVE_13(Severity.SENDER_SHOULD, "B1-INIT-05"),
        /** A feature field with leading zero bytes. */
        NOT_MINIMAL_LENGTH(Severity.SENDER_SHOULD, "B1-INIT-06");

        private final Severity severity;
        private final String requirementId;

        Kind(Severity severity, String requirementId) {
            this.severity = severity;
            this.requirementId = requirementId;
        }

        public Severity severity() {
            return severity;
        }

        public String requirementId() {
            return requirementId;
        }
    }

    public FeatureProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean mustClose() {
        return kind.severity() == Severity.MUST_CLOSE;
    }

    @Override
    public String toString() {
        return kind + " (" + kind.requirementId() + "): " + detail;
    }
}
