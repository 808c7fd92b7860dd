package org.lnconform.harness.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.noise.Hex;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.PeerStorage;
import org.lnconform.wire.message.PeerStorageRetrieval;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/**
 * Evidence in the spec's words: messages by their BOLT name with their fields as the spec spells
 * them ({@code num_pong_bytes}, {@code byteslen}, {@code globalfeatures}), bytes as hex with their
 * length, text from the node quoted and capped. Never a Java {@code toString}.
 */
public final class WireText {

    /** Hex shown of any one byte string in evidence; the rest is counted. */
    public static final int MAX_HEX_BYTES = 64;
    /** Characters of node-supplied text (error data) shown. */
    public static final int MAX_TEXT = 160;

    private WireText() {}

    /** A decoded message, e.g. {@code ping (num_pong_bytes 65532, byteslen 0)}. */
    public static String message(LightningMessage m) {
        if (m instanceof Ping p) {
            return "ping (num_pong_bytes " + p.numPongBytes() + ", byteslen " + p.ignored().size() + tlvs(p.tlvs()) + ")";
        }
        if (m instanceof Pong p) {
            return "pong (byteslen " + p.ignored().size() + tlvs(p.tlvs()) + ")";
        }
        if (m instanceof ErrorMessage e) {
            return "error (" + channel(e.channelId()) + ", data " + text(e.data()) + ")";
        }
        if (m instanceof Warning w) {
            return "warning (" + channel(w.channelId()) + ", data " + text(w.data()) + ")";
        }
        if (m instanceof Init i) {
            return "init (globalfeatures " + features(i.globalFeatures()) + ", features " + features(i.features())
                    + tlvs(i.tlvs()) + ")";
        }
        if (m instanceof PeerStorage s) {
            return "peer_storage (blob " + s.blob().size() + " bytes)";
        }
        if (m instanceof PeerStorageRetrieval s) {
            return "peer_storage_retrieval (blob " + s.blob().size() + " bytes)";
        }
        if (m instanceof UnknownMessage u) {
            return MessageRegistry.standard().nameOf(u.type()) + " (type " + u.type() + ", payload " + hex(u.payload()) + ")";
        }
        return MessageRegistry.standard().nameOf(m.type()) + " (type " + m.type() + ")";
    }

    /** What a bounded read of one message got. */
    public static String incoming(Incoming in) {
        if (in instanceof Incoming.Message m) {
            return m.decoded() != null ? message(m.decoded())
                    : MessageRegistry.standard().nameOf(m.type()) + " that our codec rejects (" + m.error().getMessage() + "): "
                            + hex(m.plaintext());
        }
        if (in instanceof Incoming.Closed) {
            return "the node closed the connection";
        }
        if (in instanceof Incoming.Silent s) {
            return "nothing complete within the bound (" + s.partialBytes() + " bytes of a frame arrived)";
        }
        if (in instanceof Incoming.BadFrame b) {
            return "a frame that failed decryption (" + b.detail() + "): " + hex(b.raw());
        }
        return "nothing";
    }

    /** What a bounded raw read got, e.g. during the handshake. */
    public static String read(ReadResult r) {
        if (r instanceof ReadResult.Data d) {
            return hex(d.bytes());
        }
        if (r instanceof ReadResult.Closed c) {
            return (c.reset() ? "reset" : "closed") + " after " + partial(c.partial());
        }
        return "neither answered nor closed within the bound, after " + partial(((ReadResult.Silent) r).partial());
    }

    private static String partial(byte[] b) {
        return b.length == 0 ? "0 bytes" : hex(b) + printable(b);
    }

    /** {@code 12 bytes: 0a0b…}, capped at {@link #MAX_HEX_BYTES}. */
    public static String hex(byte[] b) {
        if (b.length == 0) {
            return "0 bytes";
        }
        int n = Math.min(b.length, MAX_HEX_BYTES);
        return b.length + (b.length == 1 ? " byte: " : " bytes: ") + Hex.encode(b, 0, n) + (b.length > n ? "…" : "");
    }

    public static String hex(Bytes b) {
        return hex(b.toByteArray());
    }

    /** If the bytes look like text (an HTTP answer, a banner), the text, quoted; else nothing. */
    public static String printable(byte[] b) {
        int n = Math.min(b.length, MAX_TEXT);
        int ok = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if ((c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n' || c == '\t') {
                ok++;
            }
        }
        if (n < 4 || ok < n * 9 / 10) {
            return "";
        }
        return " (as text: " + quote(new String(b, 0, n, StandardCharsets.ISO_8859_1)) + ")";
    }

    /** Node-supplied data as a quoted, escaped, capped string. */
    public static String text(Bytes data) {
        byte[] b = data.toByteArray();
        return quote(new String(b, 0, Math.min(b.length, MAX_TEXT), StandardCharsets.ISO_8859_1))
                + (b.length > MAX_TEXT ? " (" + b.length + " bytes)" : "");
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** {@code channel_id 0 (all channels)} or the id in hex. */
    public static String channel(Bytes id) {
        return id.isAllZero() && id.size() == 32 ? "channel_id all zero" : "channel_id " + id.hex();
    }

    /** A feature field: its length, its hex and its set bits. */
    public static String features(Bytes field) {
        if (field.isEmpty()) {
            return "empty";
        }
        List<Integer> bits = FeatureVector.fromBytes(field).bits();
        String shown = bits.size() > 16 ? bits.subList(0, 16) + " and " + (bits.size() - 16) + " more" : bits.toString();
        return field.size() + (field.size() == 1 ? " byte" : " bytes") + " 0x"
                + (field.size() > MAX_HEX_BYTES ? field.slice(0, MAX_HEX_BYTES).hex() + "…" : field.hex())
                + " (bits " + shown + ")";
    }

    /** A bit list as the spec writes bits. */
    public static String bits(List<Integer> bits) {
        return bits.isEmpty() ? "none" : bits.toString();
    }

    private static String tlvs(TlvStream s) {
        if (s.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (TlvRecord r : s.records()) {
            parts.add("type " + r.type() + " (" + r.value().size() + " bytes)");
        }
        return ", tlvs: " + String.join(", ", parts);
    }
}
