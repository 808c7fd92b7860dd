package org.lnconform.harness.oracle;

import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.harness.run.Evidence;

/**
 * What the node sent of its own accord on a running connection (see {@link Oracle#watch}).
 *
 * @param messages every message the node sent, in order (follow-up pong included)
 * @param found    the first message the watcher waited for, or null
 * @param ending   how the record ended; null when {@code found} ended it
 */
public record Observation(List<Incoming.Message> messages, Incoming.Message found, Evidence ending) {

    public Observation {
        messages = List.copyOf(messages);
    }

    /** True if the record ended with the node answering the follow-up ping. */
    public boolean alive() {
        return ending != null && ending.outcome() == Outcome.STAYED_UP;
    }

    /** True if the node closed the connection before the record ended. */
    public boolean closed() {
        return ending != null && ending.outcome() == Outcome.CLOSED;
    }

    /** The message types received. */
    public List<Integer> types() {
        return messages.stream().map(Incoming.Message::type).toList();
    }

    /** The names of the messages received, e.g. {@code [gossip_timestamp_filter, pong]}, or {@code none}. */
    public String names() {
        return messages.isEmpty() ? "none" : messages.stream().map(m -> MessageRegistry.standard().nameOf(m.type())).toList().toString();
    }
}
