package org.lnconform.harness.cases.bolt02;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ChannelOpenTlvs;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.tlv.TlvStream;

/**
 * An {@code open_channel} being changed field by field (BOLT 2 names), for the cases that send a
 * variant of the funder flow's valid proposal. Its fields are open to the package, named as BOLT 2 names them.
 */
final class OpenChannelDraft {

    Bytes chainHash;
    Bytes temporaryChannelId;
    long fundingSatoshis;
    long pushMsat;
    long dustLimitSatoshis;
    long maxHtlcValueInFlightMsat;
    long channelReserveSatoshis;
    long htlcMinimumMsat;
    long feeratePerKw;
    int toSelfDelay;
    int maxAcceptedHtlcs;
    /** funding_pubkey, revocation_basepoint, payment_basepoint, delayed_payment_basepoint, htlc_basepoint, first_per_commitment_point. */
    final Bytes[] points = new Bytes[6];
    int channelFlags;
    TlvStream tlvs;

    OpenChannelDraft(OpenChannel o) {
        chainHash = o.chainHash();
        temporaryChannelId = o.temporaryChannelId();
        fundingSatoshis = o.fundingSatoshis();
        pushMsat = o.pushMsat();
        dustLimitSatoshis = o.dustLimitSatoshis();
        maxHtlcValueInFlightMsat = o.maxHtlcValueInFlightMsat();
        channelReserveSatoshis = o.channelReserveSatoshis();
        htlcMinimumMsat = o.htlcMinimumMsat();
        feeratePerKw = o.feeratePerKw();
        toSelfDelay = o.toSelfDelay();
        maxAcceptedHtlcs = o.maxAcceptedHtlcs();
        points[0] = o.fundingPubkey();
        points[1] = o.revocationBasepoint();
        points[2] = o.paymentBasepoint();
        points[3] = o.delayedPaymentBasepoint();
        points[4] = o.htlcBasepoint();
        points[5] = o.firstPerCommitmentPoint();
        channelFlags = o.channelFlags();
        tlvs = o.tlvs();
    }

    /** The channel_type proposed, or none. */
    FeatureVector channelType() {
        return tlvs.value(ChannelOpenTlvs.CHANNEL_TYPE.type()).map(FeatureVector::fromBytes).orElse(FeatureVector.empty());
    }

    void channelType(FeatureVector type) {
        tlvs = tlvs.with(ChannelOpenTlvs.CHANNEL_TYPE, type.toBytes());
    }

    OpenChannel build() {
        return new OpenChannel(chainHash, temporaryChannelId, fundingSatoshis, pushMsat, dustLimitSatoshis,
                maxHtlcValueInFlightMsat, channelReserveSatoshis, htlcMinimumMsat, feeratePerKw, toSelfDelay,
                maxAcceptedHtlcs, points[0], points[1], points[2], points[3], points[4], points[5], channelFlags, tlvs);
    }
}
