package org.lnconform.reports;

import java.util.Locale;

/** Escaping and naming for the HTML pages: every text that reaches a page goes through {@link #esc}. */
final class Html {

    private Html() {}

    /**
     * Text safe in element content and in quoted attribute values: {@code & < > " '} become
     * references, and control characters (other than tab and newline) become U+FFFD, so nothing a
     * node sends can open a tag, close an attribute or smuggle a script.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
                    out.append(control ? '\uFFFD' : c);
                }
            }
        }
        return out.toString();
    }

    /**
     * An element id from a case or requirement id, the same for the same input and different for
     * different ones: letters, digits and dashes stay, {@code /} becomes {@code .}, anything else
     * {@code _hh}.
     */
    static String anchor(String prefix, String id) {
        StringBuilder out = new StringBuilder(prefix);
        String s = id == null ? "" : id;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            } else if (c == '/') {
                out.append('.');
            } else {
                out.append('_').append(String.format(Locale.ROOT, "%02x", (int) c));
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters (whole code points), with an ellipsis if cut; escape afterwards. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** {@code bolt01} → {@code BOLT #1}; anything else unchanged. */
    static String boltTitle(String bolt) {
        if (bolt != null && bolt.matches("bolt\\d+")) {
            return "BOLT #" + Integer.parseInt(bolt.substring(4));
        }
        return bolt;
    }

    /** A duration for people: {@code 850 ms}, {@code 12.3 s}. */
    static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
