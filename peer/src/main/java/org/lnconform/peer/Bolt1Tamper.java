package org.lnconform.peer;

import java.net.InetSocketAddress;
import java.util.List;
import org.lnconform.peer.pipeline.HandshakeHandler;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.UnknownMessage;

/**
 * The node's behaviour at each decision point of BOLT 1 (and the node-wide BOLT 8 choices), as
 * overrides of what the spec says. Every default is the conforming answer, so {@link #NONE} is
 * a node that follows the spec; the reference node's deviation switches are the only other
 * implementation. The counterpart of {@link HandshakeHandler.Tamper} for the handshake.
 */
interface Bolt1Tamper {

    Bolt1Tamper NONE = new Bolt1Tamper() {};

    /** The handshake overrides of one new connection. */
    default HandshakeHandler.Tamper handshake() {
        return HandshakeHandler.Tamper.NONE;
    }

    /** Keep a connection open when the peer half-closes it (BOLT 8 closes on a short act, B8-ACT1-01). */
    default boolean allowHalfClosure() {
        return false;
    }

    /** Keep every connection with the same peer (BOLT 1 keeps one, B1-CONN-01). */
    default boolean keepsDuplicateConnections() {
        return false;
    }

    /** A frame failed its MAC: BOLT 8 (B8-GEN-02) closes. */
    default Reaction onTransportFailure() {
        return Reaction.PROCEED;
    }

    /** The {@code received}-th decrypted message, of {@code length} bytes, before it is decoded. */
    default Reaction onFrame(int length, long received) {
        return Reaction.PROCEED;
    }

    /** What to send once the handshake is done: our init (B1-INIT-02), plaintext bytes or messages. */
    default List<Object> opening(byte[] ownInit, InetSocketAddress remote, boolean inbound) {
        return List.of(ownInit);
    }

    /** Bytes that did not decode (B1-MSG-12, B1-MSG-15): BOLT 1 warns and closes. */
    default Reaction onUndecodable(boolean awaitingInit, byte[] message, WireException e) {
        return Reaction.PROCEED;
    }

    /** A message other than init came first: BOLT 1 (B1-INIT-11) closes; true processes it and waits on. */
    default boolean processesBeforeInit(LightningMessage m) {
        return false;
    }

    /** The peer's init, with what {@link InitPolicy} decided by the spec. */
    default Reaction judgeInit(Init init, Reaction conforming) {
        return conforming;
    }

    /** Any message of the running connection, before the BOLT 1 rules for its type apply. */
    default Reaction onMessage(LightningMessage m) {
        return Reaction.PROCEED;
    }

    /** A ping to answer; {@code pipelined} when another ping came in the same read. */
    default Reaction onPing(Ping ping, boolean pipelined) {
        return Reaction.PROCEED;
    }

    /** A pong that answers no ping of ours: BOLT 1 (B1-PING-09) lets it be ignored. */
    default Reaction onUnsolicitedPong() {
        return Reaction.PROCEED;
    }

    /** Our keep-alive ping. */
    default Ping keepAlivePing(Ping conforming) {
        return conforming;
    }

    /** Messages sent unprompted once inits are exchanged (none by default). */
    default List<LightningMessage> afterInit() {
        return List.of();
    }

    /** A channel message the node has no channel for is answered with this (B1-ERR-02/04/06). */
    default Reaction onChannelMessage(UnknownMessage m, Reaction.Reply conforming) {
        return conforming;
    }

    /** A peer stores a new blob: BOLT 1 keeps the latest (B1-STOR-08); false keeps the one it has. */
    default boolean replacesStoredBlob() {
        return true;
    }

    /** A stored blob goes back to its peer: BOLT 1 keeps it for the next time (B1-STOR-09/10). */
    default boolean forgetsBlobOnceReturned() {
        return false;
    }
}
