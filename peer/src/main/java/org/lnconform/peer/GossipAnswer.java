package org.lnconform.peer;

import java.util.List;

/**
 * What the node does with a gossip query message: messages to send, then whether the connection
 * carries on, goes silent (a deviation) or closes with a warning.
 */
record GossipAnswer(List<Object> send, Then then, String detail) {

    enum Then { STAY, ZOMBIE, CLOSE }

    GossipAnswer {
        send = List.copyOf(send);
    }

    static GossipAnswer send(List<Object> messages) {
        return new GossipAnswer(messages, Then.STAY, "");
    }

    static GossipAnswer nothing() {
        return send(List.of());
    }

    static GossipAnswer zombie() {
        return new GossipAnswer(List.of(), Then.ZOMBIE, "");
    }

    static GossipAnswer close(String detail) {
        return new GossipAnswer(List.of(), Then.CLOSE, detail);
    }
}
