package org.lnconform.harness.model;

/** The strength of the requirement a case checks, as the spec words it. */
public enum Level {
    /** MUST / MUST NOT: breaking it is a FAIL. */
    MUST,
    /** SHOULD / SHOULD NOT: breaking it is NON_STRICT (a FAIL under --strict). */
    SHOULD,
    /** MAY: informational; only misbehaviour outside every allowed outcome fails. */
    MAY
}
