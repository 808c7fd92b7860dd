package org.lnconform.reports;

import java.util.List;
import java.util.Locale;
import org.lnconform.harness.model.TraceEvent;

/** A wire trace as plain text, for JUnit's system-out and Allure's attachment. */
final class TraceText {

    /** Hex shown per event, in characters (512 bytes); index.json keeps it all. */
    static final int HEX_LIMIT = 1024;

    private TraceText() {}

    /**
     * One line per event: time, arrow ({@code ->} lnconform to node, {@code <-} node to lnconform,
     * {@code ==} a connection event), kind, size and summary, then the hex on its own line.
     */
    static String format(List<TraceEvent> trace) {
        if (trace.isEmpty()) {
            return "(no wire trace)\n";
        }
        StringBuilder out = new StringBuilder("wire trace (-> lnconform to node, <- node to lnconform, == event)\n");
        for (TraceEvent e : trace) {
            String size = e.direction() == TraceEvent.Direction.EVENT ? "" : e.size() + " B";
            out.append(String.format(Locale.ROOT, "%+7d ms  %s  %-22s %8s  %s\n",
                    e.atMs(), arrow(e.direction()), nullToEmpty(e.kind()), size, nullToEmpty(e.summary())));
            if (e.hex() != null && !e.hex().isEmpty()) {
                out.append("            hex ").append(clipHex(e.hex())).append('\n');
            }
        }
        return out.toString();
    }

    static String arrow(TraceEvent.Direction direction) {
        if (direction == null) {
            return "==";
        }
        return switch (direction) {
            case SENT -> "->";
            case RECEIVED -> "<-";
            case EVENT -> "==";
        };
    }

    /** The hex cut to {@link #HEX_LIMIT} characters, saying how many bytes were left out. */
    static String clipHex(String hex) {
        if (hex.length() <= HEX_LIMIT) {
            return hex;
        }
        return hex.substring(0, HEX_LIMIT) + "... (" + (hex.length() - HEX_LIMIT) / 2 + " more bytes)";
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
