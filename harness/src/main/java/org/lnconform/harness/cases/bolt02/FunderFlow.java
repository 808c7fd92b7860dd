package org.lnconform.harness.cases.bolt02;

import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.SigHash;
import fr.acinq.bitcoin.TxHash;
import java.util.List;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.bolt3.Commitment;
import org.lnconform.bolt3.CommitmentKeys;
import org.lnconform.bolt3.CommitmentNumber;
import org.lnconform.bolt3.CommitmentSpec;
import org.lnconform.bolt3.Signatures;
import org.lnconform.harness.run.CaseRandom;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelOpenTlvs;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.tlv.TlvStream;

/**
 * lnconform as the funder of a v1 channel (BOLT 2, Channel Establishment v1): our keys, the
 * {@code open_channel} we propose, and, once the node's {@code accept_channel} is in, both first
 * commitment transactions built independently with {@code bolt3}. Nothing is broadcast: the
 * funding outpoint is random and exists nowhere.
 */
final class FunderFlow {

    /** Regtest's chain hash, for a node whose init names no chain. */
    static final Bytes REGTEST = Bytes.fromHex("06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");
    static final long FUNDING_SATOSHIS = 200_000;

    final ChannelType type;
    final FeatureVector channelTypeBits;
    final PrivateKey fundingKey;
    final CommitmentKeys.Basepoints ours;
    final PublicKey firstPerCommitmentPoint;
    final OpenChannel open;
    final Bytes fundingTxid;

    /** option_anchors (22/23) if the node offers it; static_remotekey is ASSUMED (BOLT 9). */
    private static boolean anchors(Init nodeInit) {
        FeatureVector offered = nodeInit.combinedFeatures();
        return offered.isSet(22) || offered.isSet(23);
    }

    /** The init features (odd bits) our side offers for the channel type it proposes to {@code nodeInit}'s node. */
    static FeatureVector initFeaturesFor(Init nodeInit) {
        return anchors(nodeInit) ? FeatureVector.of(13, 23) : FeatureVector.of(13);
    }

    private FunderFlow(Init nodeInit, CaseRandom random) {
        boolean anchors = anchors(nodeInit);
        type = anchors ? ChannelType.ANCHORS_ZERO_FEE_HTLC_TX : ChannelType.STATIC_REMOTEKEY;
        channelTypeBits = anchors ? FeatureVector.of(12, 22) : FeatureVector.of(12);
        fundingKey = key(random);
        ours = new CommitmentKeys.Basepoints(fundingKey.publicKey(), key(random).publicKey(),
                key(random).publicKey(), key(random).publicKey(), key(random).publicKey());
        firstPerCommitmentPoint = key(random).publicKey();
        Bytes chain = chainOf(nodeInit);
        open = new OpenChannel(chain, random.channelId(), FUNDING_SATOSHIS, 0, 546, FUNDING_SATOSHIS * 1000,
                FUNDING_SATOSHIS / 100, 1, 2500, 144, 30, point(ours.fundingPubkey()), point(ours.revocationBasepoint()),
                point(ours.paymentBasepoint()), point(ours.delayedPaymentBasepoint()), point(ours.htlcBasepoint()),
                point(firstPerCommitmentPoint), 0, TlvStream.empty()
                        .with(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT, Bytes.empty())
                        .with(ChannelOpenTlvs.CHANNEL_TYPE, channelTypeBits.toBytes()));
        fundingTxid = Bytes.of(random.next32());
    }

    private FunderFlow(FunderFlow base, OpenChannel variant) {
        type = base.type;
        channelTypeBits = base.channelTypeBits;
        fundingKey = base.fundingKey;
        ours = base.ours;
        firstPerCommitmentPoint = base.firstPerCommitmentPoint;
        open = variant;
        fundingTxid = base.fundingTxid;
    }

    /** The same flow (keys, funding outpoint) proposing {@code variant} instead: its commitments follow the variant's terms. */
    FunderFlow proposing(OpenChannel variant) {
        return new FunderFlow(this, variant);
    }

    /** The open_channel for the node that sent {@code nodeInit}: on its chain, with a channel type it offers. */
    static FunderFlow propose(Init nodeInit, CaseRandom random) {
        return new FunderFlow(nodeInit, random);
    }

    /** A variant of our open_channel, named {@code temporaryChannelId}: {@code change} edits a copy of it. */
    OpenChannel variant(Bytes temporaryChannelId, java.util.function.Consumer<OpenChannelDraft> change) {
        OpenChannelDraft draft = new OpenChannelDraft(open);
        draft.temporaryChannelId = temporaryChannelId;
        change.accept(draft);
        return draft.build();
    }

    /** funding_created for a random outpoint, signing the node's first commitment ({@code valid}) or with another key. */
    FundingCreated fundingCreated(AcceptChannel accept, boolean valid, CaseRandom random) {
        CommitmentSpec theirs = spec(accept, false);
        Commitment c = Commitment.build(theirs);
        PrivateKey signer = valid ? fundingKey : key(random);
        byte[] sig = Signatures.signCompact(c.tx(), 0, theirs.fundingWitnessScript(), theirs.fundingSatoshis(),
                SigHash.SIGHASH_ALL, signer);
        return new FundingCreated(open.temporaryChannelId(), fundingTxid, 0, Bytes.of(sig));
    }

    /** BOLT 2, funding_signed sender: the signature must sign our first commitment transaction. */
    boolean verifies(AcceptChannel accept, FundingSigned signed) {
        CommitmentSpec mine = spec(accept, true);
        Commitment c = Commitment.build(mine);
        return Signatures.verifyCompact(c.tx(), 0, mine.fundingWitnessScript(), mine.fundingSatoshis(),
                SigHash.SIGHASH_ALL, signed.signature().toByteArray(), pub(accept.fundingPubkey()));
    }

    /** BOLT 2, Definition of channel_id: funding_txid XOR funding_output_index (here 0, so the txid itself). */
    Bytes channelId() {
        return fundingTxid;
    }

    /** Our first commitment transaction ({@code funderSide}) or the node's. */
    private CommitmentSpec spec(AcceptChannel a, boolean funderSide) {
        CommitmentKeys.Basepoints node = new CommitmentKeys.Basepoints(pub(a.fundingPubkey()),
                pub(a.revocationBasepoint()), pub(a.paymentBasepoint()), pub(a.delayedPaymentBasepoint()),
                pub(a.htlcBasepoint()));
        OutPoint outpoint = new OutPoint(new TxHash(fundingTxid.toByteArray()), 0);
        long factor = CommitmentNumber.obscuringFactor(ours.paymentBasepoint(), node.paymentBasepoint());
        long funderMsat = open.fundingSatoshis() * 1000 - open.pushMsat();
        if (funderSide) {
            return new CommitmentSpec(type, outpoint, open.fundingSatoshis(), 0, factor, true, a.toSelfDelay(),
                    open.dustLimitSatoshis(), open.feeratePerKw(), funderMsat, open.pushMsat(), List.of(),
                    CommitmentKeys.derive(ours, node, firstPerCommitmentPoint));
        }
        return new CommitmentSpec(type, outpoint, open.fundingSatoshis(), 0, factor, false, open.toSelfDelay(),
                a.dustLimitSatoshis(), open.feeratePerKw(), open.pushMsat(), funderMsat, List.of(),
                CommitmentKeys.derive(node, ours, pub(a.firstPerCommitmentPoint())));
    }

    private static Bytes chainOf(Init init) {
        try {
            return init.networks().filter(n -> !n.isEmpty()).map(n -> n.get(0)).orElse(REGTEST);
        } catch (org.lnconform.wire.WireException e) {
            return REGTEST;
        }
    }

    private static PrivateKey key(CaseRandom random) {
        return new PrivateKey(random.next32());
    }

    private static Bytes point(PublicKey k) {
        return Bytes.of(k.value.toByteArray());
    }

    private static PublicKey pub(Bytes point) {
        return new PublicKey(point.toByteArray());
    }
}
