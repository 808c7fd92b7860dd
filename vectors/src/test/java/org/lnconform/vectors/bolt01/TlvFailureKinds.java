package org.lnconform.vectors.bolt01;

import java.util.List;
import java.util.Map;
import org.lnconform.wire.DecodeError;

/** Maps Appendix B's prose reasons to the kind our decoder must report. */
final class TlvFailureKinds {

    /** Checked in order; the first phrase the reason contains decides. */
    private static final List<Map.Entry<String, DecodeError>> PHRASES = List.of(
            Map.entry("type truncated", DecodeError.SHORT_READ),
            Map.entry("not minimally encoded", DecodeError.BIGSIZE_NOT_MINIMAL),
            Map.entry("missing length", DecodeError.SHORT_READ),
            Map.entry("length truncated", DecodeError.SHORT_READ),
            Map.entry("missing value", DecodeError.TLV_LENGTH_EXCEEDS),
            Map.entry("value truncated", DecodeError.TLV_LENGTH_EXCEEDS),
            Map.entry("unknown even", DecodeError.TLV_UNKNOWN_EVEN),
            Map.entry("encoding length for", DecodeError.TLV_BAD_VALUE_LENGTH),
            Map.entry("is not minimal", DecodeError.TLV_NOT_MINIMAL_VALUE),
            Map.entry("not a valid point", DecodeError.INVALID_POINT),
            Map.entry("invalid ordering", DecodeError.TLV_OUT_OF_ORDER),
            Map.entry("duplicate TLV type", DecodeError.TLV_DUPLICATE));

    private TlvFailureKinds() {
    }

    static DecodeError forReason(String reason) {
        return PHRASES.stream().filter(p -> reason.contains(p.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no expected DecodeError for reason: " + reason));
    }
}
