package org.lnconform.harness.model;

/** A case's result. ERROR (the harness or infrastructure failed) is kept apart from FAIL. */
public enum Verdict {
    PASS,
    /** A MUST requirement was broken. */
    FAIL,
    /** A SHOULD requirement was broken. */
    NON_STRICT,
    /** Informational: a MAY, or an observation without a requirement to break. */
    INFO,
    /** The node lacks a feature the case needs. */
    UNSUPPORTED,
    /** The harness or the infrastructure failed; says nothing about the node. */
    ERROR
}
