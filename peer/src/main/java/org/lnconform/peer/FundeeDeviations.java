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
