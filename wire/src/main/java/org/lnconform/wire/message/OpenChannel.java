package org.lnconform.wire.message;

import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code open_channel} (type 32), BOLT 2, The open_channel Message: the funder's proposal of a
 * v1 channel. Points are kept as sent (33 bytes, not checked here) so that a test can send an
 * invalid one; a decoded message has points that lie on the curve.
 */
public record OpenChannel(
        Bytes chainHash,
        Bytes temporaryChannelId,
        long fundingSatoshis,
        long pushMsat,
        long dustLimitSatoshis,
        long maxHtlcValueInFlightMsat,
        long channelReserveSatoshis,
        long htlcMinimumMsat,
        long feeratePerKw,
        int toSelfDelay,
        int maxAcceptedHtlcs,
        Bytes fundingPubkey,
        Bytes revocationBasepoint,
        Bytes paymentBasepoint,
        Bytes delayedPaymentBasepoint,
        Bytes htlcBasepoint,
        Bytes firstPerCommitmentPoint,
        int channelFlags,
        TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 32;

    public static final MessageCodec<OpenChannel> CODEC = MessageCodec.of(MessageType.OPEN_CHANNEL, OpenChannel.class,
            ChannelOpenTlvs.OPEN_CHANNEL, OpenChannel::decode, OpenChannel::encode);

    /** BOLT 2 channel_flags bit 0: announce the channel. */
    public static final int ANNOUNCE_CHANNEL = 1;

    public OpenChannel {
        Messages.checkSize("chain_hash", chainHash, 32);
        Messages.checkSize("temporary_channel_id", temporaryChannelId, 32);
        Messages.checkU32("feerate_per_kw", feeratePerKw);
        Messages.checkU16("to_self_delay", toSelfDelay);
        Messages.checkU16("max_accepted_htlcs", maxAcceptedHtlcs);
        ChannelKeys.check(fundingPubkey, revocationBasepoint, paymentBasepoint, delayedPaymentBasepoint, htlcBasepoint,
                firstPerCommitmentPoint);
        Messages.checkU8("channel_flags", channelFlags);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public Optional<Bytes> upfrontShutdownScript() {
        return tlvs.value(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT.type());
    }

    public Optional<FeatureVector> channelType() {
        return tlvs.value(ChannelOpenTlvs.CHANNEL_TYPE.type()).map(FeatureVector::fromBytes);
    }

    public OpenChannel withTlvs(TlvStream newTlvs) {
        return new OpenChannel(chainHash, temporaryChannelId, fundingSatoshis, pushMsat, dustLimitSatoshis,
                maxHtlcValueInFlightMsat, channelReserveSatoshis, htlcMinimumMsat, feeratePerKw, toSelfDelay,
                maxAcceptedHtlcs, fundingPubkey, revocationBasepoint, paymentBasepoint, delayedPaymentBasepoint,
                htlcBasepoint, firstPerCommitmentPoint, channelFlags, newTlvs);
    }

    private static OpenChannel decode(WireReader in) throws WireException {
        return new OpenChannel(in.chainHash("open_channel.chain_hash"),
                in.bytes(32, "open_channel.temporary_channel_id"),
                in.u64("open_channel.funding_satoshis"), in.u64("open_channel.push_msat"),
                in.u64("open_channel.dust_limit_satoshis"), in.u64("open_channel.max_htlc_value_in_flight_msat"),
                in.u64("open_channel.channel_reserve_satoshis"), in.u64("open_channel.htlc_minimum_msat"),
                in.u32("open_channel.feerate_per_kw"), in.u16("open_channel.to_self_delay"),
                in.u16("open_channel.max_accepted_htlcs"),
                in.point("open_channel.funding_pubkey"), in.point("open_channel.revocation_basepoint"),
                in.point("open_channel.payment_basepoint"), in.point("open_channel.delayed_payment_basepoint"),
                in.point("open_channel.htlc_basepoint"), in.point("open_channel.first_per_commitment_point"),
                in.u8("open_channel.channel_flags"),
                TlvStream.decode(in, ChannelOpenTlvs.OPEN_CHANNEL));
    }

    private static void encode(OpenChannel m, WireWriter out) {
        out.chainHash(m.chainHash).bytes(m.temporaryChannelId)
                .u64(m.fundingSatoshis).u64(m.pushMsat).u64(m.dustLimitSatoshis).u64(m.maxHtlcValueInFlightMsat)
                .u64(m.channelReserveSatoshis).u64(m.htlcMinimumMsat).u32(m.feeratePerKw)
                .u16(m.toSelfDelay).u16(m.maxAcceptedHtlcs);
        ChannelKeys.write(out, m.fundingPubkey, m.revocationBasepoint, m.paymentBasepoint, m.delayedPaymentBasepoint,
                m.htlcBasepoint, m.firstPerCommitmentPoint);
        out.u8(m.channelFlags);
        m.tlvs.encode(out);
    }
}
