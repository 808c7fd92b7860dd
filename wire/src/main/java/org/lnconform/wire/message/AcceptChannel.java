package org.lnconform.wire.message;

import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code accept_channel} (type 33), BOLT 2, The accept_channel Message: the fundee's answer to
 * {@code open_channel}, with its own limits and keys. Points as in {@link OpenChannel}.
 */
public record AcceptChannel(
        Bytes temporaryChannelId,
        long dustLimitSatoshis,
        long maxHtlcValueInFlightMsat,
        long channelReserveSatoshis,
        long htlcMinimumMsat,
        long minimumDepth,
        int toSelfDelay,
        int maxAcceptedHtlcs,
        Bytes fundingPubkey,
        Bytes revocationBasepoint,
        Bytes paymentBasepoint,
        Bytes delayedPaymentBasepoint,
        Bytes htlcBasepoint,
        Bytes firstPerCommitmentPoint,
        TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 33;

    public static final MessageCodec<AcceptChannel> CODEC = MessageCodec.of(MessageType.ACCEPT_CHANNEL,
            AcceptChannel.class, ChannelOpenTlvs.ACCEPT_CHANNEL, AcceptChannel::decode, AcceptChannel::encode);

    public AcceptChannel {
        Messages.checkSize("temporary_channel_id", temporaryChannelId, 32);
        Messages.checkU32("minimum_depth", minimumDepth);
        Messages.checkU16("to_self_delay", toSelfDelay);
        Messages.checkU16("max_accepted_htlcs", maxAcceptedHtlcs);
        ChannelKeys.check(fundingPubkey, revocationBasepoint, paymentBasepoint, delayedPaymentBasepoint, htlcBasepoint,
                firstPerCommitmentPoint);
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

    private static AcceptChannel decode(WireReader in) throws WireException {
        return new AcceptChannel(in.bytes(32, "accept_channel.temporary_channel_id"),
                in.u64("accept_channel.dust_limit_satoshis"), in.u64("accept_channel.max_htlc_value_in_flight_msat"),
                in.u64("accept_channel.channel_reserve_satoshis"), in.u64("accept_channel.htlc_minimum_msat"),
                in.u32("accept_channel.minimum_depth"), in.u16("accept_channel.to_self_delay"),
                in.u16("accept_channel.max_accepted_htlcs"),
                in.point("accept_channel.funding_pubkey"), in.point("accept_channel.revocation_basepoint"),
                in.point("accept_channel.payment_basepoint"), in.point("accept_channel.delayed_payment_basepoint"),
                in.point("accept_channel.htlc_basepoint"), in.point("accept_channel.first_per_commitment_point"),
                TlvStream.decode(in, ChannelOpenTlvs.ACCEPT_CHANNEL));
    }

    private static void encode(AcceptChannel m, WireWriter out) {
        out.bytes(m.temporaryChannelId).u64(m.dustLimitSatoshis).u64(m.maxHtlcValueInFlightMsat)
                .u64(m.channelReserveSatoshis).u64(m.htlcMinimumMsat).u32(m.minimumDepth)
                .u16(m.toSelfDelay).u16(m.maxAcceptedHtlcs);
        ChannelKeys.write(out, m.fundingPubkey, m.revocationBasepoint, m.paymentBasepoint, m.delayedPaymentBasepoint,
                m.htlcBasepoint, m.firstPerCommitmentPoint);
        m.tlvs.encode(out);
    }
}
