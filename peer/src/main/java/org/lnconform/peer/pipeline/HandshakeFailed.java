package org.lnconform.peer.pipeline;

/** User event fired when the handshake failed or timed out; the channel is closed right after. */
public record HandshakeFailed(String reason, boolean timeout, int act) {}
