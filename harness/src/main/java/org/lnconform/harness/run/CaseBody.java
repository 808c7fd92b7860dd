package org.lnconform.harness.run;

/** The small function that drives the wire for one case. */
@FunctionalInterface
public interface CaseBody {
    Evidence run(CaseContext ctx) throws Exception;
}
