package org.lnconform.peer.pipeline;

import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;

/** Two ends of one BOLT 8 session, made in memory, for handler tests. */
public record SessionPair(Session initiator, Session responder) {

    public static SessionPair create() {
        try {
            NodeKey a = NodeKey.generate();
            NodeKey b = NodeKey.generate();
            InitiatorStart.ActOne one = Handshake.initiator(a, b.publicKey()).actOne();
            AwaitingActOne.ActTwo two = Handshake.responder(b).readActOne(one.bytes());
            var three = one.next().readActTwo(two.bytes());
            return new SessionPair(three.session(), two.next().readActThree(three.bytes()));
        } catch (HandshakeException e) {
            throw new AssertionError(e);
        }
    }
}
