package org.lnconform.peer;

import org.lnconform.bolt3.ChannelType;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelOpenTlvs;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.tlv.TlvStream;

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

    @Override
    public boolean acceptsHighSFundingSignature() {
        return config.deviates(Deviation.ACCEPT_HIGH_S_FUNDING_SIGNATURE);
    }

    /** Each accept_channel deviation rewrites the fields of the one rule it breaks, keeping the others. */
    @Override
    public AcceptChannel acceptChannel(OpenChannel open, AcceptChannel a) {
        Bytes temporaryId = a.temporaryChannelId();
        long dust = a.dustLimitSatoshis();
        long reserve = a.channelReserveSatoshis();
        long depth = a.minimumDepth();
        int delay = a.toSelfDelay();
        int maxHtlcs = a.maxAcceptedHtlcs();
        Bytes htlcBasepoint = a.htlcBasepoint();
        Bytes perCommitment = a.firstPerCommitmentPoint();
        TlvStream tlvs = a.tlvs();
        if (config.deviates(Deviation.ACCEPT_OTHER_TEMPORARY_CHANNEL_ID)) {
            byte[] id = temporaryId.toByteArray();
            id[31] ^= 1;
            temporaryId = Bytes.of(id);
        }
        if (config.deviates(Deviation.ACCEPT_RESERVE_BELOW_FUNDER_DUST)) {
            reserve = open.dustLimitSatoshis() - 1;
            dust = Math.min(dust, Math.max(354, reserve)); // keep the own-dust rule (B2-ACC-14) where it can be kept
        }
        if (config.deviates(Deviation.ACCEPT_DUST_ABOVE_FUNDER_RESERVE)) {
            dust = open.channelReserveSatoshis() + 1;
            reserve = Math.max(reserve, dust);
        }
        if (config.deviates(Deviation.ACCEPT_RESERVE_BELOW_OWN_DUST)) {
            dust = open.dustLimitSatoshis() + 1;
            reserve = open.dustLimitSatoshis();
        }
        if (config.deviates(Deviation.ACCEPT_DUST_BELOW_354)) {
            dust = 353;
        }
        if (config.deviates(Deviation.ACCEPT_MAX_ACCEPTED_HTLCS_484)) {
            maxHtlcs = 484;
        }
        if (config.deviates(Deviation.ACCEPT_INVALID_BASEPOINT)) {
            htlcBasepoint = offCurve();
        }
        if (config.deviates(Deviation.ACCEPT_INVALID_PER_COMMITMENT_POINT)) {
            byte[] p = perCommitment.toByteArray();
            p[0] = 0x04;
            perCommitment = Bytes.of(p);
        }
        if (config.deviates(Deviation.ACCEPT_MINIMUM_DEPTH_ZERO)) {
            depth = 0;
        }
        if (config.deviates(Deviation.ACCEPT_TO_SELF_DELAY_ZERO)) {
            delay = 0;
        }
        if (config.deviates(Deviation.ACCEPT_TO_SELF_DELAY_4032)) {
            delay = 4032;
        }
        if (config.deviates(Deviation.ACCEPT_NO_UPFRONT_SHUTDOWN_SCRIPT)) {
            tlvs = tlvs.without(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT.type());
        }
        if (config.deviates(Deviation.ACCEPT_P2PKH_UPFRONT_SHUTDOWN_SCRIPT)) {
            // OP_DUP OP_HASH160 <20 bytes> OP_EQUALVERIFY OP_CHECKSIG: no longer one of shutdown's forms
            tlvs = tlvs.with(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT,
                    Bytes.fromHex("76a914" + "11".repeat(20) + "88ac"));
        }
        if (config.deviates(Deviation.ACCEPT_CHANNEL_TYPE_NOT_MINIMAL)) {
            Bytes type = tlvs.value(ChannelOpenTlvs.CHANNEL_TYPE.type()).orElse(Bytes.empty());
            tlvs = tlvs.with(ChannelOpenTlvs.CHANNEL_TYPE, Bytes.fromHex("00" + type.hex()));
        }
        return new AcceptChannel(temporaryId, dust, a.maxHtlcValueInFlightMsat(), reserve, a.htlcMinimumMsat(), depth,
                delay, maxHtlcs, a.fundingPubkey(), a.revocationBasepoint(), a.paymentBasepoint(),
                a.delayedPaymentBasepoint(), htlcBasepoint, perCommitment, tlvs);
    }

    /** 0x02 followed by the smallest x that is not on secp256k1. */
    private static Bytes offCurve() {
        for (int x = 1; ; x++) {
            byte[] p = new byte[33];
            p[0] = 0x02;
            p[31] = (byte) (x >>> 8);
            p[32] = (byte) x;
            if (!Secp256k1Points.isValidCompressed(Bytes.of(p))) {
                return Bytes.of(p);
            }
        }
    }
}
