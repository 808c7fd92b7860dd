package org.lnconform.harness.run;

import org.lnconform.harness.model.CaseInfo;

/**
 * A case: its data, a sentence saying what the spec expects of the node, why the allowed
 * outcomes are these (harness/OUTCOMES.md), the function that drives it, and whether it must run
 * {@code alone}: after every other case, one at a time, with no other connection of ours open to
 * the node (see {@link CaseBuilder#alone()}).
 */
public record ConformanceCase(CaseInfo info, String expected, String why, CaseBody body, boolean alone) {

    /** A case that may run beside others. */
    public ConformanceCase(CaseInfo info, String expected, String why, CaseBody body) {
        this(info, expected, why, body, false);
    }
}
