package org.lnconform.kmp;

import fr.acinq.lightning.wire.Init;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lnconform.noise.Hex;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.tlv.TlvRecord;

/**
 * What one decoder made of one input, in a form both stacks share so they can be compared
 * field by field: either a message name with its fields as text, or a rejection.
 *
 * <p>Fields compared: init's combined feature bits and every TLV record (type → value hex);
 * ping's num_pong_bytes and ignored; pong's ignored; warning's and error's channel_id and data;
 * an unknown message's type; the fields of the BOLT 2 messages both decode ({@link Bolt2Fields}).
 * The extension TLVs of ping, pong, warning and error are not compared: lightning-kmp does not
 * read them (BOLT 1 lets a receiver ignore an extension).
 */
record Verdict(String message, SortedMap<String, String> fields, String rejection, Throwable cause) {

    boolean accepted() {
        return rejection == null;
    }

    static Verdict accept(String message, Map<String, String> fields) {
        return new Verdict(message, new TreeMap<>(fields), null, null);
    }

    static Verdict reject(String reason, Throwable cause) {
        return new Verdict(null, null, reason, cause);
    }

    /** Our decoder: {@link LightningMessageCodec#decode}. */
    static Verdict ours(byte[] input) {
        try {
            return of(LightningMessageCodec.decode(input));
        } catch (WireException e) {
            return reject(e.kind() + " at byte " + e.offset() + " in " + e.field(), e);
        }
    }

    /** lightning-kmp's decoder, through {@link KmpCodec#decode}. */
    static Verdict kmp(byte[] input) {
        try {
            return of(KmpCodec.decode(input));
        } catch (KmpException e) {
            return reject(KmpException.describe(e.getCause()), e.getCause());
        }
    }

    static Verdict of(LightningMessage m) {
        Map<String, String> f = new TreeMap<>();
        if (m instanceof org.lnconform.wire.message.Init i) {
            f.put("features", i.combinedFeatures().bits().toString());
            for (TlvRecord r : i.tlvs().records()) {
                f.put("tlv " + Long.toUnsignedString(r.type()), r.value().hex());
            }
            return accept("init", f);
        }
        if (m instanceof Ping p) {
            f.put("num_pong_bytes", Integer.toString(p.numPongBytes()));
            f.put("ignored", p.ignored().hex());
            return accept("ping", f);
        }
        if (m instanceof Pong p) {
            f.put("ignored", p.ignored().hex());
            return accept("pong", f);
        }
        if (m instanceof Warning w) {
            f.put("channel_id", w.channelId().hex());
            f.put("data", w.data().hex());
            return accept("warning", f);
        }
        if (m instanceof ErrorMessage e) {
            f.put("channel_id", e.channelId().hex());
            f.put("data", e.data().hex());
            return accept("error", f);
        }
        if (m instanceof UnknownMessage u) {
            return accept("unknown " + u.type(), f);
        }
        Bolt2Fields.ours(m, f);
        return accept(m.getClass().getSimpleName(), f);
    }

    static Verdict of(fr.acinq.lightning.wire.LightningMessage m) {
        Map<String, String> f = new TreeMap<>();
        if (m instanceof Init i) {
            f.put("features", KmpCodec.featureBits(i.getFeatures()).toString());
            KmpCodec.tlvRecords(i.getTlvs()).forEach((type, value) ->
                    f.put("tlv " + Long.toUnsignedString(type), Hex.encode(value)));
            return accept("init", f);
        }
        if (m instanceof fr.acinq.lightning.wire.Ping p) {
            f.put("num_pong_bytes", Integer.toString(p.getPongLength()));
            f.put("ignored", p.getData().toHex());
            return accept("ping", f);
        }
        if (m instanceof fr.acinq.lightning.wire.Pong p) {
            f.put("ignored", p.getData().toHex());
            return accept("pong", f);
        }
        if (m instanceof fr.acinq.lightning.wire.Warning w) {
            f.put("channel_id", w.getChannelId().toHex());
            f.put("data", w.getData().toHex());
            return accept("warning", f);
        }
        if (m instanceof fr.acinq.lightning.wire.Error e) {
            f.put("channel_id", e.getChannelId().toHex());
            f.put("data", e.getData().toHex());
            return accept("error", f);
        }
        if (m instanceof fr.acinq.lightning.wire.UnknownMessage u) {
            return accept("unknown " + u.getType(), f);
        }
        if (Bolt2Fields.kmp(m, f)) {
            return accept(m.getClass().getSimpleName(), f);
        }
        return accept("kmp " + m.getClass().getSimpleName(), f);
    }

    /** Same outcome: both rejected (for whatever reason), or both accepted with equal fields. */
    boolean agreesWith(Verdict other) {
        if (accepted() != other.accepted()) {
            return false;
        }
        return !accepted() || (message.equals(other.message) && fields.equals(other.fields));
    }

    @Override
    public String toString() {
        if (!accepted()) {
            return "rejected: " + rejection;
        }
        return message + fields.entrySet().stream().map(e -> e.getKey() + "=" + abbreviate(e.getValue()))
                .collect(Collectors.joining(", ", " {", "}"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 64) + "…(" + s.length() / 2 + " bytes)";
    }
}
