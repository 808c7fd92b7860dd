package org.lnconform.peer;

import org.lnconform.bolt3.ChannelType;
import org.lnconform.wire.feature.FeatureVector;

/**
 * The reference node's BOLT 2 fundee deviation switches as a {@link FundeeTamper}: each override
 * breaks the one rule its deviation names and otherwise answers as the spec does.
 */
final class FundeeDeviations implements FundeeTamper {

    private final PeerConfig config;

    private FundeeDeviations(PeerConfig config) {
        this.config = config;
    }

    /** {@link FundeeTamper#NONE} unless a deviation is on. */
    static FundeeTamper of(PeerConfig config) {
        return config.deviations().isEmpty() ? FundeeTamper.NONE : new FundeeDeviations(config);
    }

    @Override
    public FeatureVector acceptedChannelType(ChannelType proposed, FeatureVector conforming) {
        if (!config.deviates(Deviation.ACCEPT_OTHER_CHANNEL_TYPE)) {
            return conforming;
        }
        return proposed.anchors() ? Fundee.STATIC_REMOTEKEY : Fundee.ANCHORS; // the type not proposed
    }

    @Override
    public boolean acceptsBadFundingSignature() {
        return config.deviates(Deviation.ACCEPT_BAD_FUNDING_SIGNATURE);
    }

    @Override
    public long fundingSignedCommitmentNumber(long conforming) {
        return config.deviates(Deviation.FUNDING_SIGNED_BAD_SIGNATURE) ? 1 : conforming;
    }
}
