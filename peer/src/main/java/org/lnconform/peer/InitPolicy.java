package org.lnconform.peer;

import java.util.List;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureProblem;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureValidation;
import org.lnconform.wire.feature.FeatureValidationResult;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.InitTlvs;
import org.lnconform.wire.tlv.TlvRecord;

/**
 * What the node makes of the peer's init (01-messaging.md, The init Message, receiving node;
 * 09-features.md): its feature bits, dependencies and networks, plus the deviations that get
 * one of those rules wrong on purpose.
 */
final class InitPolicy {

    /** What to do with the connection. */
    enum Action {
        /** Carry on: the connection is running. */
        ACCEPT,
        /** Send a warning (all channels), then close. */
        WARN_AND_CLOSE,
        /** Close without a word. */
        CLOSE,
        /** Neither answer nor close (deviations only). */
        ZOMBIE
    }

    /** The decision, with why (for the disconnect reason and the warning's text). */
    record Decision(Action action, Kind kind, String detail) {
        static final Decision ACCEPT = new Decision(Action.ACCEPT, null, null);
        static final Decision ZOMBIE = new Decision(Action.ZOMBIE, null, null);

        static Decision warnAndClose(Kind kind, String detail) {
            return new Decision(Action.WARN_AND_CLOSE, kind, detail);
        }

        static Decision close(Kind kind, String detail) {
            return new Decision(Action.CLOSE, kind, detail);
        }
    }

    private final PeerConfig config;
    private final FeatureTable table;

    InitPolicy(PeerConfig config, FeatureTable table) {
        this.config = config;
        this.table = table;
    }

    Decision judge(Init init) {
        if (init.tlvs().isEmpty() && config.deviates(Deviation.TLV_STREAM_REQUIRED)) {
            return Decision.warnAndClose(Kind.MALFORMED_MESSAGE, "init: TLV stream cut short before a type (deviation)");
        }
        if (endsWithEmptyRecord(init) && config.deviates(Deviation.TLV_READ_PAST_FINAL_EMPTY_RECORD)) {
            return Decision.warnAndClose(Kind.MALFORMED_MESSAGE, "init: TLV record cut short at the end (deviation)");
        }
        if (!init.tlvs().unknown(InitTlvs.NAMESPACE).isEmpty() && config.deviates(Deviation.CLOSE_ON_UNKNOWN_ODD_TLV)) {
            return Decision.close(Kind.MALFORMED_MESSAGE, "unknown odd TLV in init (deviation)");
        }
        if (init.remoteAddr().isPresent() && config.deviates(Deviation.CLOSE_ON_REMOTE_ADDR)) {
            return Decision.close(Kind.MALFORMED_MESSAGE, "init carried remote_addr (deviation)");
        }
        if (init.remoteAddr().isPresent() && !LenientInit.remoteAddrKnown(init)
                && config.deviates(Deviation.ZOMBIE_ON_MALFORMED_REMOTE_ADDR)) {
            return Decision.ZOMBIE;
        }
        Decision features = judgeFeatures(init);
        if (features != Decision.ACCEPT) {
            return features;
        }
        return judgeNetworks(init);
    }

    /** BOLT 1 (B1-INIT-12/14/15/17): the OR of both fields, unknown bits and dependencies. */
    private Decision judgeFeatures(Init init) {
        FeatureVector global = config.deviates(Deviation.IGNORE_GLOBALFEATURES)
                ? FeatureVector.empty() : init.globalFeatureVector();
        FeatureValidationResult result = FeatureValidation.validateInit(global, init.featureVector(), table);
        for (FeatureProblem p : result.problems()) {
            switch (p.kind()) {
                case UNKNOWN_EVEN_BIT -> {
                    if (!config.deviates(Deviation.ACCEPT_UNKNOWN_EVEN_FEATURES)) {
                        return Decision.warnAndClose(Kind.UNKNOWN_REQUIRED_FEATURE, p.toString());
                    }
                }
                case MISSING_DEPENDENCY -> {
                    if (!config.deviates(Deviation.ACCEPT_MISSING_DEPENDENCIES)) {
                        return Decision.warnAndClose(Kind.MISSING_FEATURE_DEPENDENCY, p.toString());
                    }
                }
                case UNKNOWN_ODD_BIT -> {
                    if (config.deviates(Deviation.CLOSE_ON_UNKNOWN_ODD_FEATURES)) {
                        return Decision.close(Kind.UNKNOWN_REQUIRED_FEATURE, p + " (deviation)");
                    }
                }
                default -> { }
            }
        }
        return Decision.ACCEPT;
    }

    /** BOLT 1 (B1-INIT-16): with no chain in common the node may close. */
    private Decision judgeNetworks(Init init) {
        if (config.deviates(Deviation.NETWORKS_CHECK_FIRST_ONLY) && !LenientInit.firstChainShared(init, config.networks())) {
            return Decision.ZOMBIE;
        }
        if (config.deviates(Deviation.NETWORKS_BYTE_ORDER_REVERSED)
                && !LenientInit.reversedChainShared(init, config.networks())) {
            return Decision.warnAndClose(Kind.NO_COMMON_NETWORK,
                    "networks has no chain in common with ours (read byte-reversed)");
        }
        if (!networksShared(init)) {
            if (config.deviates(Deviation.ZOMBIE_ON_FOREIGN_NETWORKS)) {
                return Decision.ZOMBIE;
            }
            if (config.closeOnForeignNetworks()) {
                return Decision.warnAndClose(Kind.NO_COMMON_NETWORK, "networks has no chain in common with ours");
            }
        }
        return Decision.ACCEPT;
    }

    private boolean networksShared(Init init) {
        List<Bytes> theirs;
        try {
            theirs = init.networks().orElse(null);
        } catch (WireException e) {
            return false;
        }
        if (theirs == null || config.networks().isEmpty()) {
            return true; // no networks TLV: nothing to compare
        }
        return theirs.stream().anyMatch(config.networks()::contains);
    }

    /** The stream's last record (records are in increasing type order) has an empty value. */
    private static boolean endsWithEmptyRecord(Init init) {
        List<TlvRecord> records = init.tlvs().records();
        return !records.isEmpty() && records.get(records.size() - 1).value().isEmpty();
    }

    /**
     * Whether a deviation lets an init that failed to decode through with its feature fields
     * alone (the TLV stream rules B1-TLV-09/10/11/13/15).
     */
    boolean lenientlyReadable(WireException e) {
        return switch (e.kind()) {
            case TLV_OUT_OF_ORDER, TLV_DUPLICATE, BIGSIZE_NOT_MINIMAL, SHORT_READ ->
                    config.deviates(Deviation.ACCEPT_INVALID_TLV_STREAM);
            case TLV_UNKNOWN_EVEN -> config.deviates(Deviation.ACCEPT_UNKNOWN_EVEN_TLV);
            case TLV_BAD_VALUE_LENGTH, BAD_FIELD_VALUE, TLV_LENGTH_EXCEEDS -> config.deviates(Deviation.ACCEPT_BAD_TLV_LENGTH)
                    || config.deviates(Deviation.ACCEPT_INVALID_TLV_STREAM);
            default -> false;
        };
    }
}
