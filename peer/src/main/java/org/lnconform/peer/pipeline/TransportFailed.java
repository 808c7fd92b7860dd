package org.lnconform.peer.pipeline;

import org.lnconform.noise.TransportError;

/** User event: the BOLT 8 transport rejected a frame; the connection must be closed. */
public record TransportFailed(TransportError error, String detail) {}
