package org.lnconform.peer.pipeline;

import org.lnconform.noise.Session;

/** User event fired down the pipeline once BOLT 8's Act Three has been sent or accepted. */
public record HandshakeCompleted(Session session) {}
