package org.lnconform.kmp;

import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.ByteVector32;
import fr.acinq.bitcoin.ByteVector64;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.lightning.ShortChannelId;
import fr.acinq.lightning.wire.ChannelReady;
import fr.acinq.lightning.wire.ChannelReadyTlv;
import fr.acinq.lightning.wire.ChannelReestablish;
import fr.acinq.lightning.wire.ClosingSigned;
import fr.acinq.lightning.wire.ClosingSignedTlv;
import fr.acinq.lightning.wire.FundingCreated;
import fr.acinq.lightning.wire.FundingSigned;
import fr.acinq.lightning.wire.Shutdown;
import fr.acinq.lightning.wire.TlvStream;
import java.util.Set;

/**
 * lightning-kmp's own classes for the BOLT 2 messages both stacks decode (funding_created,
 * funding_signed, channel_ready, shutdown, closing_signed, channel_reestablish), built from
 * plain Java values. lightning-kmp 1.8.4 has no v1 open_channel or accept_channel: Phoenix
 * opens dual-funded channels only.
 */
final class KmpChannelMessages {

    private KmpChannelMessages() {
    }

    static FundingCreated fundingCreated(byte[] temporaryChannelId, byte[] fundingTxid, int index, byte[] signature) {
        return new FundingCreated(new ByteVector32(temporaryChannelId), new ByteVector32(fundingTxid), index,
                new ByteVector64(signature));
    }

    static FundingSigned fundingSigned(byte[] channelId, byte[] signature) {
        return new FundingSigned(new ByteVector32(channelId), new ByteVector64(signature));
    }

    static ChannelReady channelReady(byte[] channelId, byte[] point, Long alias) {
        TlvStream<ChannelReadyTlv> tlvs = alias == null ? new TlvStream<>(Set.of(), Set.of())
                : new TlvStream<>(Set.of(new ChannelReadyTlv.ShortChannelIdTlv(new ShortChannelId(alias))), Set.of());
        return new ChannelReady(new ByteVector32(channelId), new PublicKey(point), tlvs);
    }

    static Shutdown shutdown(byte[] channelId, byte[] script) {
        return new Shutdown(new ByteVector32(channelId), new ByteVector(script), new TlvStream<>(Set.of(), Set.of()));
    }

    static ClosingSigned closingSigned(byte[] channelId, long fee, byte[] signature, long[] feeRange) {
        TlvStream<ClosingSignedTlv> tlvs = feeRange == null ? new TlvStream<>(Set.of(), Set.of())
                : new TlvStream<>(Set.of(new ClosingSignedTlv.FeeRange(new Satoshi(feeRange[0]), new Satoshi(feeRange[1]))),
                        Set.of());
        return new ClosingSigned(new ByteVector32(channelId), new Satoshi(fee), new ByteVector64(signature), tlvs);
    }

    static ChannelReestablish channelReestablish(byte[] channelId, long next, long revocation, byte[] secret, byte[] point) {
        return new ChannelReestablish(new ByteVector32(channelId), next, revocation, new PrivateKey(secret),
                new PublicKey(point), new TlvStream<>(Set.of(), Set.of()));
    }
}
