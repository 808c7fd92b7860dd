package org.lnconform.harness.run;

import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.Trace;

/** Gets the node under test to open a connection to the harness, for one initiator-side case. */
public interface NodeDialer {

    /** Waits (bounded) for the node's next connection to the harness. */
    InboundConnection await(Trace trace, Bounds bounds) throws CaseError;

    /** Frees what {@link #await} set up. */
    void release();
}
