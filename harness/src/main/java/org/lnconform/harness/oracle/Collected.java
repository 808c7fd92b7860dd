package org.lnconform.harness.oracle;

import java.util.List;
import org.lnconform.harness.probe.Incoming;

/**
 * What {@link Oracle#collect} or {@link Oracle#record} saw: the node's messages in order, the last
 * error or warning among them (in the spec's words, or null), and how it ended: {@code done} (what
 * was awaited arrived), {@code closed}, or neither (the bound ran out). A frame that fails
 * decryption never ends up here: it is thrown as {@link GarbledFrame}.
 */
public record Collected(List<Incoming.Message> messages, boolean done, boolean closed, String warning) {

    public Collected {
        messages = List.copyOf(messages);
    }

    /** Nothing seen, nothing awaited: a collection that was not needed. */
    public static Collected nothing() {
        return new Collected(List.of(), true, false, null);
    }

    /** The decoded messages of one type, in order. */
    public <T> List<T> of(Class<T> type) {
        return messages.stream().map(Incoming.Message::decoded).filter(type::isInstance).map(type::cast).toList();
    }

    /** True if an error or warning came. */
    public boolean warned() {
        return warning != null;
    }
}
