package org.lnconform.peer;

import java.util.List;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureProblem;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureValidation;
import org.lnconform.wire.feature.FeatureValidationResult;
import org.lnconform.wire.message.Init;

/**
 * What the node makes of the peer's init (01-messaging.md, The init Message, receiving node;
 * 09-features.md): its feature bits, their dependencies and its networks.
 */
final class InitPolicy {

    private final PeerConfig config;
    private final FeatureTable table;

    InitPolicy(PeerConfig config, FeatureTable table) {
        this.config = config;
        this.table = table;
    }

    /** {@link Reaction#PROCEED} to accept; otherwise how to end the connection. */
    Reaction judge(Init init) {
        Reaction features = judgeFeatures(init);
        return features != Reaction.PROCEED ? features : judgeNetworks(init);
    }

    /** BOLT 1 (B1-INIT-12/14/15/17): the OR of both fields; unknown even bits and missing dependencies close. */
    private Reaction judgeFeatures(Init init) {
        FeatureValidationResult result = FeatureValidation.validateInit(init.globalFeatureVector(),
                init.featureVector(), table);
        for (FeatureProblem p : result.problems()) {
            switch (p.kind()) {
                case UNKNOWN_EVEN_BIT -> {
                    return new Reaction.WarnAndClose(Kind.UNKNOWN_REQUIRED_FEATURE, p.toString());
                }
                case MISSING_DEPENDENCY -> {
                    return new Reaction.WarnAndClose(Kind.MISSING_FEATURE_DEPENDENCY, p.toString());
                }
                default -> { } // B1-INIT-14: unknown odd bits are ignored
            }
        }
        return Reaction.PROCEED;
    }

    /** BOLT 1 (B1-INIT-16): with no chain in common the node may close. */
    private Reaction judgeNetworks(Init init) {
        if (!networksShared(init, config.networks()) && config.closeOnForeignNetworks()) {
            return new Reaction.WarnAndClose(Kind.NO_COMMON_NETWORK, "networks has no chain in common with ours");
        }
        return Reaction.PROCEED;
    }

    /** True when the peer's networks share a chain with ours, or either side names none. */
    static boolean networksShared(Init init, List<Bytes> ours) {
        List<Bytes> theirs;
        try {
            theirs = init.networks().orElse(null);
        } catch (WireException e) {
            return false;
        }
        if (theirs == null || ours.isEmpty()) {
            return true; // no networks TLV: nothing to compare
        }
        return theirs.stream().anyMatch(ours::contains);
    }
}
