package org.lnconform.kmp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;

/**
 * Every kind of disagreement between our decoder and lightning-kmp's that has been examined and
 * written up in kmp/FINDINGS.md, with a test that recognises it. The differential tests fail on
 * any disagreement none of these explains. Ids match FINDINGS.md.
 */
enum KnownDisagreement {

    /** FINDINGS KMP-01: a TLV length of 2^32 or more is cut to its low 32 bits by lightning-kmp. */
    KMP_01_TLV_LENGTH_TRUNCATED {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            return kmp.accepted() && ours.cause() instanceof WireException e
                    && e.kind() == DecodeError.TLV_LENGTH_EXCEEDS
                    && TlvScan.extensionTlvs(input).stream().anyMatch(h -> Long.compareUnsigned(h.length(), 1L << 32) >= 0);
        }
    },

    /** FINDINGS KMP-02: lightning-kmp orders TLV types as signed 64-bit numbers. */
    KMP_02_TLV_TYPES_SIGNED {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            boolean kmpRejectsValidOrder = ours.accepted() && !kmp.accepted()
                    && kmp.rejection().contains("tlv stream is not sorted by tags");
            boolean kmpAcceptsBadOrder = kmp.accepted() && ours.cause() instanceof WireException e
                    && (e.kind() == DecodeError.TLV_OUT_OF_ORDER || e.kind() == DecodeError.TLV_DUPLICATE);
            if (!kmpRejectsValidOrder && !kmpAcceptsBadOrder) {
                return false;
            }
            List<TlvScan.Header> h = TlvScan.extensionTlvs(input);
            for (int i = 1; i < h.size(); i++) {
                long a = h.get(i - 1).type();
                long b = h.get(i).type();
                if ((a < b) != (Long.compareUnsigned(a, b) < 0)) {
                    return true;
                }
            }
            return false;
        }
    },

    /**
     * FINDINGS KMP-03: with both bits of a known feature pair set, lightning-kmp keeps only the
     * optional one. Everything but the feature bits must agree.
     */
    KMP_03_FEATURE_PAIR_DROPS_MANDATORY {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            if (!ours.accepted() || !kmp.accepted() || !"init".equals(ours.message()) || !"init".equals(kmp.message())) {
                return false;
            }
            if (!withoutFeatures(ours.fields()).equals(withoutFeatures(kmp.fields()))) {
                return false;
            }
            Set<Integer> o = bits(ours.fields().get("features"));
            Set<Integer> k = bits(kmp.fields().get("features"));
            if (!o.containsAll(k)) {
                return false;
            }
            Set<Integer> dropped = new TreeSet<>(o);
            dropped.removeAll(k);
            return !dropped.isEmpty() && dropped.stream().allMatch(b -> b % 2 == 0 && k.contains(b + 1));
        }
    },

    /**
     * FINDINGS EXP-01 (allowed both ways): lightning-kmp never reads the extension of ping, pong,
     * warning, error, funding_created or funding_signed; ours parses it and rejects an invalid one.
     */
    EXP_01_EXTENSION_IGNORED_BY_KMP {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            return kmp.accepted() && ours.cause() instanceof WireException e
                    && Set.of("ping_tlvs", "pong_tlvs", "warning_tlvs", "error_tlvs", "funding_created_tlvs",
                            "funding_signed_tlvs")
                            .contains(e.field().split("\\.")[0]);
        }
    },

    /**
     * FINDINGS EXP-02 (allowed both ways): lightning-kmp parses two init TLVs of its own
     * (1339 option_will_fund, 1191313409 Phoenix legacy node id) that BOLT 1 does not define, so
     * ours skips them as unknown odd records while lightning-kmp may reject or reshape them.
     */
    EXP_02_KMP_OWN_INIT_TLVS {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            if (TlvScan.initTlvs(input).stream().noneMatch(h -> h.type() == 1339 || h.type() == 1191313409L)) {
                return false;
            }
            if (ours.accepted() && !kmp.accepted()) {
                return true;
            }
            if (!ours.accepted() || !kmp.accepted()) {
                return false;
            }
            Map<String, String> o = new TreeMap<>(ours.fields());
            Map<String, String> k = new TreeMap<>(kmp.fields());
            for (String own : List.of("tlv 1339", "tlv 1191313409")) {
                o.remove(own);
                k.remove(own);
            }
            return o.equals(k);
        }
    },

    /**
     * FINDINGS KMP-08: lightning-kmp reads a known TLV's value without checking that it used all
     * of it (closing_signed fee_range, channel_ready short_channel_id): a longer value is accepted.
     */
    KMP_08_KNOWN_TLV_EXCESS_IGNORED {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            if (!kmp.accepted() || !(ours.cause() instanceof WireException e)) {
                return false;
            }
            boolean tooLong = e.kind() == DecodeError.TLV_BAD_VALUE_LENGTH || e.kind() == DecodeError.TRAILING_BYTES;
            int type = TlvScan.u16(input, 0);
            long expected = type == 39 ? 16 : type == 36 ? 8 : -1;
            return tooLong && expected > 0 && TlvScan.extensionTlvs(input).stream()
                    .anyMatch(h -> h.type() == 1 && Long.compareUnsigned(h.length(), expected) > 0);
        }
    },

    /**
     * FINDINGS EXP-03 (allowed both ways): channel_reestablish TLVs differ by spec version:
     * lightning-kmp 1.8.4 reads next_funding as type 0 (a bare txid), the pinned spec as type 1
     * (txid and retransmit_flags) with type 5 my_current_funding_locked; lightning-kmp treats 1
     * and 5 as unknown odd records, ours treats 0 as an unknown even one. lightning-kmp's own
     * channel-data TLV 0x47010000 (even) on shutdown, closing_signed and channel_reestablish is
     * likewise unknown to us.
     */
    EXP_03_KMP_OWN_BOLT2_TLVS {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            boolean oursRefusedItsExtension = ours.cause() instanceof WireException e && e.field() != null
                    && e.field().matches("(channel_reestablish|shutdown|closing_signed)_tlvs.*");
            if (!oursRefusedItsExtension && kmp.accepted()) {
                return false;
            }
            int type = TlvScan.u16(input, 0);
            return TlvScan.extensionTlvs(input).stream().anyMatch(h -> (type == 136
                    && (h.type() == 0 || h.type() == 1 || h.type() == 5))
                    || ((type == 38 || type == 39 || type == 136) && h.type() == 0x47010000L));
        }
    },

    /**
     * FINDINGS EXP-04 (allowed both ways): lightning-kmp's decoder takes any 33 bytes as a
     * {@code point}; ours checks that it lies on the curve. BOLT 1 defines the type by its
     * encoding; the BOLT 2 rules that use a point judge its validity.
     */
    EXP_04_POINT_NOT_CHECKED_BY_KMP {
        @Override
        boolean explains(byte[] input, Verdict ours, Verdict kmp) {
            return kmp.accepted() && ours.cause() instanceof WireException e && e.kind() == DecodeError.INVALID_POINT;
        }
    };

    /** True if this write-up explains why {@code ours} and {@code kmp} differ on {@code input}. */
    abstract boolean explains(byte[] input, Verdict ours, Verdict kmp);

    /** The first write-up that explains a disagreement, if any. */
    static Optional<KnownDisagreement> classify(byte[] input, Verdict ours, Verdict kmp) {
        for (KnownDisagreement d : values()) {
            if (d.explains(input, ours, kmp)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> withoutFeatures(SortedMap<String, String> fields) {
        Map<String, String> m = new TreeMap<>(fields);
        m.remove("features");
        return m;
    }

    private static Set<Integer> bits(String list) {
        Set<Integer> out = new TreeSet<>();
        String inner = list.substring(1, list.length() - 1).trim();
        if (!inner.isEmpty()) {
            for (String s : inner.split(",")) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }
}
