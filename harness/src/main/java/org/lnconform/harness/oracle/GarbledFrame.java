package org.lnconform.harness.oracle;

import org.lnconform.harness.run.Evidence;

/**
 * Thrown when a frame from the node failed decryption while the oracle was collecting: nothing
 * after it can be read (the nonces are out of step), so the case ends with its BOLT 8 finding
 * ({@link Oracle#garbled}), which the runner takes as the case's evidence.
 */
public final class GarbledFrame extends Exception {

    private final transient Evidence evidence;

    public GarbledFrame(Evidence evidence) {
        super(evidence.observed());
        this.evidence = evidence;
    }

    public Evidence evidence() {
        return evidence;
    }
}
