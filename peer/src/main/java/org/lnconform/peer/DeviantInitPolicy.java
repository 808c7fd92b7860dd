package org.lnconform.peer;

import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureProblem;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureValidation;
import org.lnconform.wire.feature.FeatureValidationResult;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.InitTlvs;

/**
 * The deviations that judge the peer's init wrongly on purpose: each one replaces one rule of
 * {@link InitPolicy} (01-messaging.md, The init Message, receiving node; 09-features.md).
 * Part of the deviation seam; used only when a deviation is switched on.
 */
final class DeviantInitPolicy {

    private final PeerConfig config;
    private final FeatureTable table;

    DeviantInitPolicy(PeerConfig config, FeatureTable table) {
        this.config = config;
        this.table = table;
    }

    private boolean on(Deviation d) {
        return config.deviates(d);
    }

    Reaction judge(Init init, Reaction conforming) {
        if (init.tlvs().isEmpty() && on(Deviation.TLV_STREAM_REQUIRED)) {
            return new Reaction.WarnAndClose(Kind.MALFORMED_MESSAGE, "init: TLV stream cut short before a type (deviation)");
        }
        if (endsWithEmptyRecord(init) && on(Deviation.TLV_READ_PAST_FINAL_EMPTY_RECORD)) {
            return new Reaction.WarnAndClose(Kind.MALFORMED_MESSAGE, "init: TLV record cut short at the end (deviation)");
        }
        if (!init.tlvs().unknown(InitTlvs.NAMESPACE).isEmpty() && on(Deviation.CLOSE_ON_UNKNOWN_ODD_TLV)) {
            return new Reaction.Close(Kind.MALFORMED_MESSAGE, "unknown odd TLV in init (deviation)");
        }
        if (init.remoteAddr().isPresent() && on(Deviation.CLOSE_ON_REMOTE_ADDR)) {
            return new Reaction.Close(Kind.MALFORMED_MESSAGE, "init carried remote_addr (deviation)");
        }
        if (init.remoteAddr().isPresent() && !LenientInit.remoteAddrKnown(init)
                && on(Deviation.ZOMBIE_ON_MALFORMED_REMOTE_ADDR)) {
            return Reaction.ZOMBIE;
        }
        int even = firstEvenBit(init);
        if (even >= 0 && on(Deviation.CLOSE_ON_KNOWN_EVEN_FEATURE)) {
            return new Reaction.WarnAndClose(Kind.UNKNOWN_REQUIRED_FEATURE,
                    "even feature bit " + even + " set, known or not (deviation)");
        }
        if (!on(Deviation.IGNORE_GLOBALFEATURES) && !on(Deviation.ACCEPT_UNKNOWN_EVEN_FEATURES)
                && !on(Deviation.ACCEPT_MISSING_DEPENDENCIES) && !on(Deviation.CLOSE_ON_UNKNOWN_ODD_FEATURES)
                && !on(Deviation.NETWORKS_CHECK_FIRST_ONLY) && !on(Deviation.NETWORKS_BYTE_ORDER_REVERSED)
                && !on(Deviation.ZOMBIE_ON_FOREIGN_NETWORKS)) {
            return conforming;
        }
        Reaction features = judgeFeatures(init);
        return features != Reaction.PROCEED ? features : judgeNetworks(init);
    }

    private Reaction judgeFeatures(Init init) {
        FeatureVector global = on(Deviation.IGNORE_GLOBALFEATURES) ? FeatureVector.empty() : init.globalFeatureVector();
        FeatureValidationResult result = FeatureValidation.validateInit(global, init.featureVector(), table);
        for (FeatureProblem p : result.problems()) {
            switch (p.kind()) {
                case UNKNOWN_EVEN_BIT -> {
                    if (!on(Deviation.ACCEPT_UNKNOWN_EVEN_FEATURES)) {
                        return new Reaction.WarnAndClose(Kind.UNKNOWN_REQUIRED_FEATURE, p.toString());
                    }
                }
                case MISSING_DEPENDENCY -> {
                    if (!on(Deviation.ACCEPT_MISSING_DEPENDENCIES)) {
                        return new Reaction.WarnAndClose(Kind.MISSING_FEATURE_DEPENDENCY, p.toString());
                    }
                }
                case UNKNOWN_ODD_BIT -> {
                    if (on(Deviation.CLOSE_ON_UNKNOWN_ODD_FEATURES)) {
                        return new Reaction.Close(Kind.UNKNOWN_REQUIRED_FEATURE, p + " (deviation)");
                    }
                }
                default -> { }
            }
        }
        return Reaction.PROCEED;
    }

    private Reaction judgeNetworks(Init init) {
        if (on(Deviation.NETWORKS_CHECK_FIRST_ONLY) && !LenientInit.firstChainShared(init, config.networks())) {
            return Reaction.ZOMBIE;
        }
        if (on(Deviation.NETWORKS_BYTE_ORDER_REVERSED) && !LenientInit.reversedChainShared(init, config.networks())) {
            return new Reaction.WarnAndClose(Kind.NO_COMMON_NETWORK,
                    "networks has no chain in common with ours (read byte-reversed)");
        }
        if (!InitPolicy.networksShared(init, config.networks())) {
            if (on(Deviation.ZOMBIE_ON_FOREIGN_NETWORKS)) {
                return Reaction.ZOMBIE;
            }
            if (config.closeOnForeignNetworks()) {
                return new Reaction.WarnAndClose(Kind.NO_COMMON_NETWORK, "networks has no chain in common with ours");
            }
        }
        return Reaction.PROCEED;
    }

    /** The lowest even bit set in either feature field, or -1. */
    private static int firstEvenBit(Init init) {
        for (int bit : init.combinedFeatures().bits()) {
            if (bit % 2 == 0) {
                return bit;
            }
        }
        return -1;
    }

    /** The stream's last record (records are in increasing type order) has an empty value. */
    private static boolean endsWithEmptyRecord(Init init) {
        var records = init.tlvs().records();
        return !records.isEmpty() && records.get(records.size() - 1).value().isEmpty();
    }

    /**
     * Whether a deviation lets an init that failed to decode through with its feature fields
     * alone (the TLV stream rules B1-TLV-09/10/11/13/15).
     */
    boolean lenientlyReadable(WireException e) {
        return switch (e.kind()) {
            case TLV_OUT_OF_ORDER, TLV_DUPLICATE, BIGSIZE_NOT_MINIMAL, SHORT_READ -> on(Deviation.ACCEPT_INVALID_TLV_STREAM);
            case TLV_UNKNOWN_EVEN -> on(Deviation.ACCEPT_UNKNOWN_EVEN_TLV);
            case TLV_BAD_VALUE_LENGTH, BAD_FIELD_VALUE, TLV_LENGTH_EXCEEDS -> on(Deviation.ACCEPT_BAD_TLV_LENGTH)
                    || on(Deviation.ACCEPT_INVALID_TLV_STREAM);
            default -> false;
        };
    }
}
