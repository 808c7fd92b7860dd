package org.lnconform.harness.model;

import java.util.List;

/** The verdict of one case with its evidence: expected vs observed, the outcome, and the wire trace. */
public record CaseResult(
        CaseInfo info,
        Verdict verdict,
        Outcome outcome,
        String expected,
        String observed,
        long durationMs,
        List<TraceEvent> trace) {

    public CaseResult {
        trace = List.copyOf(trace);
    }
}
