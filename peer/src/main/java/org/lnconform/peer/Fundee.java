package org.lnconform.peer;

import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.SigHash;
import fr.acinq.bitcoin.TxHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.bolt3.Commitment;
import org.lnconform.bolt3.CommitmentKeys;
import org.lnconform.bolt3.CommitmentNumber;
import org.lnconform.bolt3.CommitmentSpec;
import org.lnconform.bolt3.Signatures;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelOpenTlvs;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.tlv.TlvStream;

/**
 * The reference node as the fundee of a v1 channel (BOLT 2, Channel Establishment v1), up to
 * {@code funding_signed}: it accepts an {@code open_channel} on its own chain with a channel_type
 * it builds (static_remotekey, anchors), checks the funder's signature of its first commitment
 * transaction and signs the funder's (BOLT 3, via {@code bolt3}). Nothing touches a chain: the
 * funding transaction is never looked for. One instance per connection.
 */
final class Fundee {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final FeatureVector STATIC_REMOTEKEY = FeatureVector.of(12);
    static final FeatureVector ANCHORS = FeatureVector.of(12, 22);

    /** What the fundee chose for one proposed channel. */
    private record Pending(OpenChannel open, AcceptChannel accept, ChannelType type, PrivateKey fundingKey) {}

    private final Bytes chainHash;
    private final FundeeTamper tamper;
    /** The peer's node key (hex), known once the handshake is done. */
    private final Supplier<String> peerKey;
    private final Map<Bytes, Pending> pending = new HashMap<>();

    Fundee(Bytes chainHash, FundeeTamper tamper, Supplier<String> peerKey) {
        this.chainHash = chainHash;
        this.tamper = tamper;
        this.peerKey = peerKey;
    }

    /**
     * An open_channel this node answers as fundee: one on its chain. Another chain's is left to the
     * BOLT 1 layer, which refuses it by an error naming its temporary_channel_id (B1-ERR-02).
     */
    boolean takes(OpenChannel open) {
        return open.chainHash().equals(chainHash) || tamper.overlooks(OpenRefusal.UNKNOWN_CHAIN);
    }

    /** True if {@code temporaryChannelId} names a channel this node accepted and awaits funding_created for. */
    boolean awaits(Bytes temporaryChannelId) {
        return pending.containsKey(temporaryChannelId);
    }

    /** BOLT 2, The open_channel Message, receiver: fail what a fundee MUST refuse, else accept_channel. */
    LightningMessage onOpen(OpenChannel open) {
        Optional<String> refusal = refusal(open);
        if (refusal.isPresent()) {
            return error(open.temporaryChannelId(), refusal.get());
        }
        // past refusal(), the type is one this node builds (a deviation may let another through: static_remotekey)
        ChannelType type = channelType(open).orElse(ChannelType.STATIC_REMOTEKEY);
        PrivateKey funding = key();
        // BOLT 2 accept_channel sender: reserve >= the funder's dust limit, dust limit <= the funder's reserve
        long dust = Math.min(546, open.channelReserveSatoshis());
        long reserve = Math.max(open.dustLimitSatoshis(), open.fundingSatoshis() / 100);
        FeatureVector echoed = tamper.acceptedChannelType(type, open.channelType().orElse(STATIC_REMOTEKEY));
        // B2-ACC-16: accept_channel carries TLVs (channel_type), so it carries upfront_shutdown_script (empty: none)
        TlvStream tlvs = TlvStream.empty().with(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT, Bytes.empty())
                .with(ChannelOpenTlvs.CHANNEL_TYPE, echoed.toBytes());
        AcceptChannel accept = tamper.acceptChannel(open, new AcceptChannel(open.temporaryChannelId(), dust,
                open.fundingSatoshis() * 1000, reserve, 1, 3, 144, 30, point(funding), point(key()), point(key()),
                point(key()), point(key()), point(key()), tlvs));
        pending.put(open.temporaryChannelId(), new Pending(open, accept, type, funding));
        return accept;
    }

    /**
     * BOLT 2, The funding_created Message, recipient: a signature that does not sign the fundee's
     * first commitment transaction fails the channel; otherwise funding_signed with the fundee's
     * signature of the funder's first commitment transaction.
     */
    LightningMessage onFundingCreated(FundingCreated created) {
        Pending p = pending.remove(created.temporaryChannelId());
        boolean lenient = tamper.signsDespiteInvalidPoints();
        if (lenient) {
            p = new Pending(LenientOpenChannel.withStandIns(p.open()), p.accept(), p.type(), p.fundingKey());
        }
        OutPoint outpoint = new OutPoint(new TxHash(created.fundingTxid().toByteArray()), created.fundingOutputIndex());
        CommitmentSpec ours = spec(p, outpoint, false, 0);
        Commitment own = Commitment.build(ours);
        byte[] signature = created.signature().toByteArray();
        if (tamper.acceptsHighSFundingSignature()) {
            // the same signature made low-S (BIP 62), which then verifies
            signature = signature.length == 64 && Signatures.isHighS(signature) ? Signatures.negateS(signature) : signature;
        }
        // a high-S signature does not verify (libsecp256k1): BOLT 2 counts it as incorrect (B2-FCR-06)
        boolean valid = lenient || Signatures.verifyCompact(own.tx(), 0, ours.fundingWitnessScript(), ours.fundingSatoshis(),
                SigHash.SIGHASH_ALL, signature, pub(p.open().fundingPubkey()));
        if (!valid && !tamper.acceptsBadFundingSignature()) {
            return error(created.temporaryChannelId(), "funding_created signature does not sign our commitment transaction");
        }
        long number = tamper.fundingSignedCommitmentNumber(0);
        CommitmentSpec theirs = spec(p, outpoint, true, number);
        Commitment funderCommitment = Commitment.build(theirs);
        byte[] sig = Signatures.signCompact(funderCommitment.tx(), 0, theirs.fundingWitnessScript(),
                theirs.fundingSatoshis(), SigHash.SIGHASH_ALL, p.fundingKey());
        return new FundingSigned(channelId(created.fundingTxid(), created.fundingOutputIndex()), Bytes.of(sig));
    }

    /** BOLT 2, Definition of channel_id: funding_txid XOR funding_output_index (big-endian, last two bytes). */
    static Bytes channelId(Bytes fundingTxid, int outputIndex) {
        byte[] id = fundingTxid.toByteArray();
        id[30] ^= (byte) (outputIndex >>> 8);
        id[31] ^= (byte) outputIndex;
        return Bytes.of(id);
    }

    /** The first commitment transaction of the funder ({@code funderSide}) or of this node. */
    private static CommitmentSpec spec(Pending p, OutPoint outpoint, boolean funderSide, long number) {
        OpenChannel o = p.open();
        AcceptChannel a = p.accept();
        CommitmentKeys.Basepoints funder = new CommitmentKeys.Basepoints(pub(o.fundingPubkey()),
                pub(o.revocationBasepoint()), pub(o.paymentBasepoint()), pub(o.delayedPaymentBasepoint()),
                pub(o.htlcBasepoint()));
        CommitmentKeys.Basepoints fundee = new CommitmentKeys.Basepoints(pub(a.fundingPubkey()),
                pub(a.revocationBasepoint()), pub(a.paymentBasepoint()), pub(a.delayedPaymentBasepoint()),
                pub(a.htlcBasepoint()));
        long factor = CommitmentNumber.obscuringFactor(funder.paymentBasepoint(), fundee.paymentBasepoint());
        long funderMsat = o.fundingSatoshis() * 1000 - o.pushMsat();
        if (funderSide) {
            return new CommitmentSpec(p.type(), outpoint, o.fundingSatoshis(), number, factor, true, a.toSelfDelay(),
                    o.dustLimitSatoshis(), o.feeratePerKw(), funderMsat, o.pushMsat(), List.of(),
                    CommitmentKeys.derive(funder, fundee, pub(o.firstPerCommitmentPoint())));
        }
        return new CommitmentSpec(p.type(), outpoint, o.fundingSatoshis(), number, factor, false, o.toSelfDelay(),
                a.dustLimitSatoshis(), o.feeratePerKw(), o.pushMsat(), funderMsat, List.of(),
                CommitmentKeys.derive(fundee, funder, pub(a.firstPerCommitmentPoint())));
    }

    /** The basic type of the channel_type proposed, if BOLT 2 defines it. */
    private static Optional<ChannelType> channelType(OpenChannel open) {
        return open.channelType().flatMap(OpenRefusal::basicType);
    }

    /**
     * BOLT 2, The open_channel Message, receiving node: the first condition under which this node
     * fails the channel ({@link OpenRefusal}), unless the tamper overlooks it.
     */
    private Optional<String> refusal(OpenChannel o) {
        if ((o.channelFlags() & ~OpenChannel.ANNOUNCE_CHANNEL) != 0 && tamper.refusesUndefinedChannelFlags()) {
            return Optional.of("channel_flags sets bits BOLT 2 does not define");
        }
        Optional<String> refusal = OpenRefusal.of(o, chainHash).stream().filter(r -> !tamper.overlooks(r)).findFirst()
                .map(OpenRefusal::text);
        if (refusal.isEmpty() && tamper.refusesAfterReconnection(peerKey.get())) {
            return Optional.of("a channel this peer proposed on an earlier connection is still pending");
        }
        return refusal;
    }

    private static ErrorMessage error(Bytes channelId, String text) {
        return new ErrorMessage(channelId, Bytes.of(("lnconform reference node: " + text).getBytes(StandardCharsets.US_ASCII)));
    }

    private static PrivateKey key() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new PrivateKey(b);
    }

    private static Bytes point(PrivateKey k) {
        return Bytes.of(k.publicKey().value.toByteArray());
    }

    private static PublicKey pub(Bytes point) {
        return new PublicKey(point.toByteArray());
    }
}
