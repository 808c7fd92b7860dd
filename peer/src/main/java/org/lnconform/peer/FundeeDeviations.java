package org.lnconform.peer;

import org.lnconform.bolt3.ChannelType;
import org.lnconform.wire.feature.FeatureVector;

/**
 * The reference node's BOLT 2 fundee deviation switches as a {@link FundeeTamper}: each override
 * breaks the one rule its deviation names and otherwise answers as the spec does.
 */
final class FundeeDeviations implements FundeeTamper {

    private final PeerConfig config;
    /** Peers whose open_channel was taken up, on any connection (node-wide: one instance per node). */
    private final java.util.Set<String> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
    public boolean overlooks(OpenRefusal reason) {
        return config.deviations().stream().anyMatch(d -> overlooked(d) == reason);
    }

    /** The refusal a deviation switches off, or null. */
    private static OpenRefusal overlooked(Deviation d) {
        return switch (d) {
            case ACCEPT_OPEN_FOREIGN_CHAIN -> OpenRefusal.UNKNOWN_CHAIN;
            case ACCEPT_OPEN_WITHOUT_CHANNEL_TYPE -> OpenRefusal.NO_CHANNEL_TYPE;
            case ACCEPT_OPEN_UNDEFINED_CHANNEL_TYPE -> OpenRefusal.CHANNEL_TYPE_UNDEFINED;
            case ACCEPT_OPEN_ZEROCONF_UNTRUSTED -> OpenRefusal.CHANNEL_TYPE_ZEROCONF;
            case ACCEPT_OPEN_PUSH_ABOVE_FUNDING -> OpenRefusal.PUSH_ABOVE_FUNDING;
            case ACCEPT_OPEN_HUGE_TO_SELF_DELAY -> OpenRefusal.TO_SELF_DELAY_TOO_LARGE;
            case ACCEPT_OPEN_MAX_ACCEPTED_HTLCS_ABOVE_483 -> OpenRefusal.MAX_ACCEPTED_HTLCS_ABOVE_483;
            case ACCEPT_OPEN_ZERO_FEERATE -> OpenRefusal.FEERATE_TOO_SMALL;
            case ACCEPT_OPEN_HUGE_FEERATE -> OpenRefusal.FEERATE_TOO_LARGE;
            case ACCEPT_OPEN_DUST_ABOVE_RESERVE -> OpenRefusal.DUST_ABOVE_RESERVE;
            case ACCEPT_OPEN_DUST_BELOW_354 -> OpenRefusal.DUST_BELOW_354;
            case ACCEPT_OPEN_FUNDER_CANNOT_PAY_FEE -> OpenRefusal.FUNDER_CANNOT_PAY_FEE;
            case ACCEPT_OPEN_BOTH_OUTPUTS_WITHIN_RESERVE -> OpenRefusal.BOTH_OUTPUTS_WITHIN_RESERVE;
            case ACCEPT_OPEN_LARGE_FUNDING -> OpenRefusal.LARGE_FUNDING;
            default -> null;
        };
    }

    @Override
    public boolean refusesAfterReconnection(String peerKey) {
        return config.deviates(Deviation.KEEP_PENDING_ACROSS_RECONNECTION) && !opened.add(peerKey);
    }

    @Override
    public boolean refusesUndefinedChannelFlags() {
        return config.deviates(Deviation.REFUSE_OPEN_UNDEFINED_CHANNEL_FLAGS);
    }

    @Override
    public boolean signsDespiteInvalidPoints() {
        return config.deviates(Deviation.ACCEPT_OPEN_INVALID_FUNDING_PUBKEY)
                || config.deviates(Deviation.ACCEPT_OPEN_INVALID_REVOCATION_BASEPOINT)
                || config.deviates(Deviation.ACCEPT_OPEN_INVALID_PAYMENT_BASEPOINT)
                || config.deviates(Deviation.ACCEPT_OPEN_INVALID_DELAYED_PAYMENT_BASEPOINT)
                || config.deviates(Deviation.ACCEPT_OPEN_INVALID_HTLC_BASEPOINT);
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
