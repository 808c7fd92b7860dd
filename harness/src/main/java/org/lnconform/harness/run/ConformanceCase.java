package org.lnconform.harness.run;

import org.lnconform.harness.model.CaseInfo;

/**
 * A case: its data, a sentence saying what the spec expects of the node, why the allowed
 * outcomes are these (harness/OUTCOMES.md), and the function that drives it.
 */
public record ConformanceCase(CaseInfo info, String expected, String why, CaseBody body) {}
