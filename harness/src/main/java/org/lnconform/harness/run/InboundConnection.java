package org.lnconform.harness.run;

import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.noise.NodeKey;

/** A connection the node opened to the harness, and the static key the harness answers with. */
public record InboundConnection(ProbeConnection connection, NodeKey harnessKey) {}
