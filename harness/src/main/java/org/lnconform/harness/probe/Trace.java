package org.lnconform.harness.probe;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.TraceEvent;
import org.lnconform.harness.model.TraceEvent.Direction;
import org.lnconform.noise.Hex;

/** Collects a case's wire events in order; thread-safe. Hex is kept only up to a bound. */
public final class Trace {

    private static final int MAX_HEX_BYTES = 256;
    private static final int MAX_EVENTS = 400;

    private final long start = System.nanoTime();
    private final List<TraceEvent> events = new ArrayList<>();
    private int dropped;

    public synchronized void add(Direction d, String kind, byte[] bytes, String summary) {
        if (events.size() >= MAX_EVENTS) {
            dropped++;
            return;
        }
        String hex = bytes == null ? "" : Hex.encode(bytes, 0, Math.min(bytes.length, MAX_HEX_BYTES))
                + (bytes.length > MAX_HEX_BYTES ? "…" : "");
        events.add(new TraceEvent(elapsedMs(), d, kind, bytes == null ? 0 : bytes.length, summary, hex));
    }

    public void sent(String kind, byte[] bytes, String summary) {
        add(Direction.SENT, kind, bytes, summary);
    }

    public void received(String kind, byte[] bytes, String summary) {
        add(Direction.RECEIVED, kind, bytes, summary);
    }

    public void note(String kind, String summary) {
        add(Direction.EVENT, kind, null, summary);
    }

    public long elapsedMs() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    public synchronized List<TraceEvent> events() {
        List<TraceEvent> out = new ArrayList<>(events);
        if (dropped > 0) {
            out.add(new TraceEvent(elapsedMs(), Direction.EVENT, "note", 0, dropped + " more events not recorded", ""));
        }
        return out;
    }
}
