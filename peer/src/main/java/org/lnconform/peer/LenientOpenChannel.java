package org.lnconform.peer;

import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.OpenChannel;

/**
 * How a deviation reads an open_channel one of whose points is not a valid secp256k1 point: as if
 * the point were valid, keeping its bytes as sent. Never used by a conforming node, which cannot
 * decode such a message (BOLT 2, open_channel receiving node, B2-OPN-22).
 */
final class LenientOpenChannel {

    /** BOLT 2 open_channel's points in order, as the codec names them. */
    static final List<String> POINTS = List.of("funding_pubkey", "revocation_basepoint", "payment_basepoint",
            "delayed_payment_basepoint", "htlc_basepoint", "first_per_commitment_point");

    /** type, chain_hash, temporary_channel_id, six u64, u32, two u16: where funding_pubkey starts. */
    private static final int FIRST_POINT = 2 + 32 + 32 + 6 * 8 + 4 + 2 + 2;

    /** A valid stand-in while decoding. */
    private static final Bytes G = Secp256k1Points.GENERATOR;

    private LenientOpenChannel() {}

    /**
     * {@code o} with every point that is not a valid secp256k1 point replaced by the generator: how a
     * deviating fundee that accepted such an open_channel goes on to sign (it has to compute with some key).
     */
    static OpenChannel withStandIns(OpenChannel o) {
        Bytes[] p = {o.fundingPubkey(), o.revocationBasepoint(), o.paymentBasepoint(), o.delayedPaymentBasepoint(),
            o.htlcBasepoint(), o.firstPerCommitmentPoint()};
        for (int i = 0; i < p.length; i++) {
            if (!Secp256k1Points.isValidCompressed(p[i])) {
                p[i] = G;
            }
        }
        return new OpenChannel(o.chainHash(), o.temporaryChannelId(), o.fundingSatoshis(), o.pushMsat(),
                o.dustLimitSatoshis(), o.maxHtlcValueInFlightMsat(), o.channelReserveSatoshis(), o.htlcMinimumMsat(),
                o.feeratePerKw(), o.toSelfDelay(), o.maxAcceptedHtlcs(), p[0], p[1], p[2], p[3], p[4], p[5],
                o.channelFlags(), o.tlvs());
    }

    /** The point a decoding error is about ({@code open_channel.<name>}), or null. */
    static String point(WireException e) {
        String field = e.field();
        return field != null && field.startsWith("open_channel.") && POINTS.contains(field.substring(13))
                ? field.substring(13) : null;
    }

    /** {@code message} read with {@code point}'s bytes taken as they are; null if it still does not decode. */
    static OpenChannel parse(byte[] message, String point) {
        int at = FIRST_POINT + 33 * POINTS.indexOf(point);
        if (message.length < at + 33) {
            return null;
        }
        byte[] patched = message.clone();
        System.arraycopy(G.toByteArray(), 0, patched, at, 33);
        try {
            OpenChannel o = (OpenChannel) LightningMessageCodec.decode(patched);
            Bytes[] points = {o.fundingPubkey(), o.revocationBasepoint(), o.paymentBasepoint(),
                o.delayedPaymentBasepoint(), o.htlcBasepoint(), o.firstPerCommitmentPoint()};
            points[POINTS.indexOf(point)] = Bytes.of(message, at, 33);
            return new OpenChannel(o.chainHash(), o.temporaryChannelId(), o.fundingSatoshis(), o.pushMsat(),
                    o.dustLimitSatoshis(), o.maxHtlcValueInFlightMsat(), o.channelReserveSatoshis(),
                    o.htlcMinimumMsat(), o.feeratePerKw(), o.toSelfDelay(), o.maxAcceptedHtlcs(), points[0],
                    points[1], points[2], points[3], points[4], points[5], o.channelFlags(), o.tlvs());
        } catch (WireException | ClassCastException e) {
            return null;
        }
    }
}
