package org.lnconform.reports;

import java.util.List;
import org.lnconform.harness.model.TraceEvent;

/**
 * A wire trace as a message-sequence diagram in inline SVG: two lifelines, {@code lnconform} on the
 * left and {@code node} on the right, one arrow per message labelled with kind, size and summary,
 * connection events as notes across both lines. Followed by the same events as a table with the bytes.
 */
final class SequenceDiagram {

    private static final int WIDTH = 760;
    private static final int LEFT = 170;
    private static final int RIGHT = 690;
    private static final int TOP = 44;
    private static final int ROW = 40;
    private static final int SUMMARY_CHARS = 68;

    private SequenceDiagram() {}

    static String render(List<TraceEvent> trace) {
        if (trace.isEmpty()) {
            return "<p class=\"cite\">No wire trace.</p>\n";
        }
        return svg(trace) + table(trace);
    }

    static String svg(List<TraceEvent> trace) {
        int height = TOP + ROW * trace.size() + 16;
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"seq\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"message sequence: lnconform and node\">\n");
        actor(out, LEFT, "lnconform");
        actor(out, RIGHT, "node");
        out.append(line("life", LEFT, 34, LEFT, height - 4)).append(line("life", RIGHT, 34, RIGHT, height - 4));
        int y = TOP;
        for (TraceEvent e : trace) {
            y += ROW;
            out.append("<g><title>").append(Html.esc(tooltip(e))).append("</title>");
            out.append(text("t", 4, y - 4, "start", "+" + e.atMs() + " ms"));
            if (e.direction() == TraceEvent.Direction.SENT || e.direction() == TraceEvent.Direction.RECEIVED) {
                arrow(out, e, y);
            } else {
                note(out, e, y);
            }
            out.append("</g>\n");
        }
        return out.append("</svg>\n").toString();
    }

    private static void arrow(StringBuilder out, TraceEvent e, int y) {
        boolean sent = e.direction() == TraceEvent.Direction.SENT;
        String cls = sent ? "sent" : "received";
        int from = sent ? LEFT : RIGHT;
        int to = sent ? RIGHT : LEFT;
        int tip = sent ? -10 : 10;
        out.append(line(cls, from, y, to + tip, y));
        out.append("<polygon class=\"").append(cls).append("\" points=\"").append(to).append(',').append(y).append(' ')
                .append(to + tip).append(',').append(y - 5).append(' ').append(to + tip).append(',').append(y + 5)
                .append("\"/>");
        int mid = (LEFT + RIGHT) / 2;
        out.append(text("", mid, y - 6, "middle", TraceText.nullToEmpty(e.kind()) + " \u00b7 " + e.size() + " B"));
        out.append(text("sum", mid, y + 14, "middle", Html.clip(e.summary(), SUMMARY_CHARS)));
    }

    private static void note(StringBuilder out, TraceEvent e, int y) {
        int x = LEFT - 50;
        int w = RIGHT - LEFT + 100;
        out.append("<rect class=\"note\" x=\"").append(x).append("\" y=\"").append(y - 15).append("\" width=\"")
                .append(w).append("\" height=\"22\" rx=\"3\"/>");
        String label = TraceText.nullToEmpty(e.kind())
                + (e.summary() == null || e.summary().isEmpty() ? "" : ": " + e.summary());
        out.append(text("", (LEFT + RIGHT) / 2, y, "middle", Html.clip(label, SUMMARY_CHARS + 10)));
    }

    private static void actor(StringBuilder out, int x, String name) {
        out.append("<rect class=\"actor\" x=\"").append(x - 55).append("\" y=\"6\" width=\"110\" height=\"28\" rx=\"4\"/>")
                .append(text("", x, 25, "middle", name)).append('\n');
    }

    private static String line(String cls, int x1, int y1, int x2, int y2) {
        return "<line class=\"" + cls + "\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
    }

    private static String text(String cls, int x, int y, String anchor, String raw) {
        return "<text" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + " x=\"" + x + "\" y=\"" + y
                + "\" text-anchor=\"" + anchor + "\">" + Html.esc(raw) + "</text>";
    }

    private static String tooltip(TraceEvent e) {
        String size = e.direction() == TraceEvent.Direction.EVENT ? "" : " (" + e.size() + " B)";
        return "+" + e.atMs() + " ms " + TraceText.arrow(e.direction()) + " " + TraceText.nullToEmpty(e.kind())
                + size + " " + TraceText.nullToEmpty(e.summary());
    }

    /** Every event in full, with its bytes (clipped) under a disclosure. */
    static String table(List<TraceEvent> trace) {
        StringBuilder out = new StringBuilder("<details><summary>events and bytes</summary>\n<table class=\"trace\">\n");
        for (TraceEvent e : trace) {
            out.append("<tr><td>+").append(e.atMs()).append(" ms</td><td>").append(Html.esc(direction(e.direction())))
                    .append("</td><td>").append(Html.esc(e.kind())).append("</td><td>")
                    .append(e.direction() == TraceEvent.Direction.EVENT ? "" : e.size() + " B").append("</td><td>")
                    .append(Html.esc(e.summary())).append("</td></tr>\n");
            if (e.hex() != null && !e.hex().isEmpty()) {
                out.append("<tr><td></td><td colspan=\"4\"><code>").append(Html.esc(TraceText.clipHex(e.hex())))
                        .append("</code></td></tr>\n");
            }
        }
        return out.append("</table>\n</details>\n").toString();
    }

    private static String direction(TraceEvent.Direction d) {
        if (d == null) {
            return "event";
        }
        return switch (d) {
            case SENT -> "lnconform \u2192 node";
            case RECEIVED -> "node \u2192 lnconform";
            case EVENT -> "event";
        };
    }
}
