package org.lnconform.harness.cases.bolt02;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lnconform.harness.cases.Unknowns;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.oracle.OpenReply;
import org.lnconform.harness.probe.WireText;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.tlv.TlvStream;

/**
 * The node as fundee, refusing what BOLT 2 says it MUST refuse (02-peer-protocol.md, The
 * open_channel Message, receiving node: "MUST fail the channel if"). Each case sends our valid
 * open_channel ({@link FunderFlow}) with one field broken and expects the channel failed: an error
 * naming the temporary_channel_id (or all channels), or a warning and a close, or a close.
 * Accepting it fails; neither accepting nor refusing, while answering pings, is INFO (failing an
 * unfunded channel has no other sign on the wire than the error, a SHOULD: B1-ERR-05).
 *
 * <p>A refusal is credited only if the node accepts the same open_channel with the field valid,
 * sent on a second connection (the control): a node that refuses every channel for reasons of its
 * own is UNSUPPORTED here, never "refusing correctly".
 */
public final class OpenChannelRejectCases {

    private OpenChannelRejectCases() {}

    /**
     * One refusal: the valid open_channel the control sends ({@code control} edits the funder
     * flow's), the one field the case then breaks ({@code broken}), and what our init adds.
     */
    private record Rejection(String what, Consumer<OpenChannelDraft> control, Consumer<OpenChannelDraft> broken,
            FeatureVector initExtra, boolean needsNoLargeChannel) {

        static Rejection of(String what, Consumer<OpenChannelDraft> broken) {
            return new Rejection(what, d -> { }, broken, FeatureVector.empty(), false);
        }

        Rejection withControl(Consumer<OpenChannelDraft> c) {
            return new Rejection(what, c, broken, initExtra, needsNoLargeChannel);
        }

        Rejection offering(FeatureVector extra) {
            return new Rejection(what, control, broken, extra, needsNoLargeChannel);
        }

        Rejection onlyWithoutLargeChannel() {
            return new Rejection(what, control, broken, initExtra, true);
        }
    }

    /** 16 000 000 sat: below 2^24, so a channel any node may take without option_support_large_channel. */
    static final long BIG_FUNDING = 16_000_000;

    public static List<ConformanceCase> all() {
        FeatureTable table = FeatureTable.bolt9();
        List<ConformanceCase> all = new ArrayList<>();
        all.add(reject("unknown-chain-hash", "an open_channel on a chain the node does not know fails the channel",
                "B2-OPN-17", "chain_hash is SHA-256 of a phrase, a chain nobody runs",
                Rejection.of("chain_hash of a chain nobody runs", d -> d.chainHash = Unknowns.FOREIGN_CHAIN)));
        all.add(reject("push-msat-above-funding", "push_msat greater than funding_satoshis * 1000 fails the channel",
                "B2-OPN-18", "push_msat is funding_satoshis * 1000 + 1: one millisatoshi more than the channel holds",
                Rejection.of("push_msat funding_satoshis * 1000 + 1", d -> d.pushMsat = d.fundingSatoshis * 1000 + 1)));
        all.add(reject("to-self-delay-65535", "a to_self_delay of 65535 blocks fails the channel",
                "B2-OPN-19", "\"unreasonably large\" is the node's judgement, so the case takes the largest value the"
                        + " u16 field holds: 65535 blocks, about 455 days with the node's own funds locked after a"
                        + " unilateral close, 32 times the 2016 blocks (two weeks) BOLT 2 uses as its own long timeout",
                Rejection.of("to_self_delay 65535", d -> d.toSelfDelay = 0xffff)));
        all.add(reject("max-accepted-htlcs-484", "max_accepted_htlcs greater than 483 fails the channel",
                "B2-OPN-20", "484 is the smallest value above the limit",
                Rejection.of("max_accepted_htlcs 484", d -> d.maxAcceptedHtlcs = 484)));
        all.add(reject("feerate-zero", "a feerate_per_kw of 0 fails the channel (too small for timely processing)",
                "B2-OPN-21", "\"too small\" is the node's judgement, so the case takes 0: a first commitment"
                        + " transaction paying no fee at all, below every relay floor",
                Rejection.of("feerate_per_kw 0", d -> d.feeratePerKw = 0)));
        all.add(reject("feerate-unreasonably-large", "a feerate_per_kw of 5000000 fails the channel (unreasonably large)",
                "B2-OPN-21", "\"unreasonably large\" is the node's judgement, so the case takes 5 000 000 sat per"
                        + " 1000 weight (20 000 sat/vB): the first commitment transaction alone would burn 3.6 to 5.6"
                        + " million sat, over a fifth of the channel; the funder can still pay it (16 000 000 sat"
                        + " funding, 1% reserve), so no other rule is broken",
                Rejection.of("feerate_per_kw 5000000", d -> d.feeratePerKw = 5_000_000).withControl(d -> {
                    d.fundingSatoshis = BIG_FUNDING;
                    d.maxHtlcValueInFlightMsat = BIG_FUNDING * 1000;
                    d.channelReserveSatoshis = BIG_FUNDING / 100;
                })));
        String[] points = {"funding_pubkey", "revocation_basepoint", "payment_basepoint", "delayed_payment_basepoint",
            "htlc_basepoint"};
        for (int i = 0; i < points.length; i++) {
            int index = i;
            all.add(reject(points[i].replace('_', '-') + "-not-a-point",
                    "an open_channel whose " + points[i] + " is not a valid secp256k1 point fails the channel",
                    "B2-OPN-22", "the 33 bytes are 0x02 and an x for which x^3 + 7 has no square root mod p: a"
                            + " compressed encoding of no point",
                    Rejection.of(points[i] + " not on the curve", d -> d.points[index] = NOT_A_POINT)));
        }
        all.add(reject("dust-limit-above-reserve", "dust_limit_satoshis greater than channel_reserve_satoshis fails the channel",
                "B2-OPN-23", "dust_limit_satoshis 546 with channel_reserve_satoshis 545",
                Rejection.of("channel_reserve_satoshis 545 under dust_limit_satoshis 546", d -> {
                    d.dustLimitSatoshis = 546;
                    d.channelReserveSatoshis = 545;
                })));
        all.add(reject("dust-limit-353", "dust_limit_satoshis below 354 fails the channel",
                "B2-OPN-24", "353 is the largest value below the limit",
                Rejection.of("dust_limit_satoshis 353", d -> d.dustLimitSatoshis = 353)));
        all.add(reject("funder-cannot-pay-fee", "a funder whose amount cannot pay the first commitment's fee fails the channel",
                "B2-OPN-25", "push_msat leaves the funder 1000 sat, less than the fee of the first commitment"
                        + " transaction at 2500 sat per 1000 weight (1810 sat, or 3470 sat with anchors)",
                Rejection.of("push_msat leaving the funder 1000 sat", d -> d.pushMsat = (d.fundingSatoshis - 1000) * 1000)));
        all.add(reject("both-outputs-within-reserve",
                "a first commitment whose to_local and to_remote are both at most channel_reserve_satoshis fails the channel",
                "B2-OPN-26", "funding split in halves by push_msat, and channel_reserve_satoshis 150000 above both;"
                        + " the control keeps the halves with the 1% reserve",
                Rejection.of("channel_reserve_satoshis 150000 above both halves", d -> d.channelReserveSatoshis = 150_000)
                        .withControl(d -> d.pushMsat = d.fundingSatoshis / 2 * 1000)));
        all.add(reject("both-outputs-at-reserve",
                "a first commitment with one output equal to channel_reserve_satoshis and the other below it fails the channel",
                "B2-OPN-26", "the boundary of \"less than or equal\": funding split in halves by push_msat and"
                        + " channel_reserve_satoshis exactly one half, so to_remote equals it and to_local (the other"
                        + " half less the fee) is below it; the control keeps the halves with the 1% reserve",
                Rejection.of("channel_reserve_satoshis equal to half the funding", d -> d.channelReserveSatoshis = d.fundingSatoshis / 2)
                        .withControl(d -> d.pushMsat = d.fundingSatoshis / 2 * 1000)));
        all.add(reject("funding-2-24-without-large-channel",
                "funding_satoshis of 2^24 fails the channel at a node without option_support_large_channel",
                "B2-OPN-27", "2^24 sat is the smallest large channel; the control asks for 2^24 - 1; a node that offers"
                        + " option_support_large_channel (18/19) may take it, so the case is UNSUPPORTED there",
                Rejection.of("funding_satoshis 2^24", d -> resize(d, 1L << 24))
                        .withControl(d -> resize(d, (1L << 24) - 1)).onlyWithoutLargeChannel()));
        all.add(reject("no-channel-type", "an open_channel without channel_type fails the channel",
                "B2-OPN-14", "no open_channel_tlvs at all, as an open_channel from before channel types",
                Rejection.of("no channel_type (no TLV stream)", d -> d.tlvs = TlvStream.empty())));
        int undefined = Unknowns.evenFeatureBits(table).get(0);
        all.add(reject("channel-type-undefined", "a channel_type BOLT 2 does not define fails the channel",
                "B2-OPN-29", "our channel type with bit " + undefined + " added, a bit BOLT 9 does not assign: channel"
                        + " types are an explicit enumeration, and no node can build a type outside it",
                Rejection.of("channel_type with bit " + undefined, d -> d.channelType(d.channelType().set(undefined)))));
        all.add(reject("channel-type-zeroconf-untrusted",
                "a channel_type with option_zeroconf from a funder the node does not trust fails the channel",
                "B2-OPN-30", "our channel type with option_zeroconf (bit 50), a variation BOLT 2 defines; our init"
                        + " offers option_scid_alias and option_zeroconf (47, 51). Our key is new on every connection,"
                        + " so no node can have been told to trust it; a node that does not offer zeroconf cannot"
                        + " find the type suitable either (B2-OPN-29)",
                Rejection.of("channel_type with option_zeroconf", d -> d.channelType(d.channelType().set(50)))
                        .offering(FeatureVector.of(47, 51))));
        return List.copyOf(all);
    }

    private static ConformanceCase reject(String name, String title, String requirement, String why, Rejection r) {
        return CaseBuilder.of("bolt02/open/reject/" + name)
                .title(title)
                .requires(requirement)
                .must().allow(Outcome.CONFORMS, Outcome.ERROR_THEN_CLOSED, Outcome.CLOSED)
                .inconclusive(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP, Outcome.FAILED_LATE)
                .expected("the node fails the channel: an error naming the temporary_channel_id (or all channels),"
                        + " or a warning and a close, or a close; never accept_channel. The value: " + why)
                .because("MUST fail the channel: accept_channel followed by funding_signed, or a zombie, fails;"
                        + " accept_channel and then an error on our funding_created is INFO (the channel was failed,"
                        + " late: the rule names no moment); staying up with neither accept_channel nor an error is INFO"
                        + " (the wire cannot show the channel was not failed). Credited only when the node accepts the"
                        + " same open_channel with the field valid, else UNSUPPORTED")
                .body(ctx -> refused(ctx, r));
    }

    /** Sends the broken open_channel, then the control on a second connection. */
    private static Evidence refused(CaseContext ctx, Rejection r) throws Exception {
        ProbeSession s = OpenExchange.ready(ctx, r.initExtra());
        Init nodeInit = s.nodeInit();
        if (r.needsNoLargeChannel() && (nodeInit.combinedFeatures().isSet(18) || nodeInit.combinedFeatures().isSet(19))) {
            throw new Unsupported("the node offers option_support_large_channel, so it may take a channel of 2^24 sat");
        }
        FunderFlow flow = FunderFlow.propose(nodeInit, ctx.random());
        OpenExchange.Answered b = OpenExchange.sendRetrying(ctx, s, r.initExtra(), id -> flow.variant(id, d -> {
            r.control().accept(d);
            r.broken().accept(d);
        }));
        OpenReply reply = b.reply();
        if (reply.kind() == OpenReply.Kind.ACCEPTED) {
            return afterFunding(ctx, b.session(), flow.proposing(b.open()), reply.accept().get(),
                    reply.evidence().observed() + b.note());
        }
        if (reply.evidence().outcome() == Outcome.GARBLED) {
            return reply.evidence();
        }
        OpenExchange.Answered c = OpenExchange.sendRetrying(ctx, OpenExchange.ready(ctx, r.initExtra()), r.initExtra(),
                id -> flow.variant(id, r.control()));
        OpenReply control = c.reply();
        if (control.kind() != OpenReply.Kind.ACCEPTED) {
            throw new Unsupported("the node does not accept the valid open_channel this case breaks either ("
                    + flow.type + ", " + c.open().fundingSatoshis() + " sat): " + control.evidence().observed() + c.note()
                    + "; its answer to " + r.what() + " (" + reply.evidence().observed() + b.note()
                    + ") says nothing about the rule");
        }
        Evidence e = reply.evidence();
        return new Evidence(e.outcome(), e.observed() + b.note() + "; control: on another connection the node accepted"
                + " the same open_channel with this one change undone (" + r.what() + ")" + c.note(), e.before());
    }

    /**
     * What the node does with a channel it accepted on terms it must refuse, once our funding_created
     * (validly signed for those terms) arrives. Signing it is {@link Outcome#PROCEEDED}. Failing the
     * channel then, with an error on it or a close and never funding_signed, is
     * {@link Outcome#FAILED_LATE}: the rule names no moment, and no channel came of it, so that is
     * INFO with the evidence rather than a FAIL.
     */
    private static Evidence afterFunding(CaseContext ctx, ProbeSession s, FunderFlow flow, AcceptChannel accept,
            String accepted) {
        FundingCreated created;
        try {
            created = flow.fundingCreated(accept, true, ctx.random());
        } catch (RuntimeException e) {
            return Evidence.of(Outcome.PROCEEDED, accepted + "; we cannot build a commitment transaction on these terms"
                    + " to go on (" + e.getMessage() + ")");
        }
        s.send(created);
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(), m -> m.decoded() instanceof FundingSigned
                || m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning);
        if (o.found() != null && o.found().decoded() instanceof FundingSigned) {
            return Evidence.of(Outcome.PROCEEDED, accepted + "; after our funding_created the node sent funding_signed:"
                    + " it signed our first commitment on these terms");
        }
        if (o.found() != null && o.found().decoded() instanceof ErrorMessage e
                && (e.channelId().equals(created.temporaryChannelId()) || e.channelId().equals(flow.channelId())
                        || e.channelId().isAllZero())) {
            return Evidence.of(Outcome.FAILED_LATE, accepted + "; after our funding_created the node failed the channel,"
                    + " late, and sent no funding_signed: " + WireText.incoming(o.found()));
        }
        if (o.found() == null && o.closed()) {
            return Evidence.of(Outcome.FAILED_LATE, accepted + "; after our funding_created the node closed the connection"
                    + " without funding_signed: " + o.ending().observed());
        }
        return Evidence.of(Outcome.PROCEEDED, accepted + "; after our funding_created: "
                + (o.found() != null ? WireText.incoming(o.found()) : o.ending().observed()));
    }

    /** funding_satoshis {@code sat}, with the in-flight cap and the 1% reserve that go with it. */
    private static void resize(OpenChannelDraft d, long sat) {
        d.fundingSatoshis = sat;
        d.maxHtlcValueInFlightMsat = sat * 1000;
        d.channelReserveSatoshis = sat / 100;
    }

    /** 0x02 and the smallest x for which x^3 + 7 is not a square mod p: no point has this encoding. */
    static final Bytes NOT_A_POINT = notAPoint();

    private static Bytes notAPoint() {
        for (int x = 1; ; x++) {
            byte[] b = new byte[33];
            b[0] = 2;
            byte[] xs = BigInteger.valueOf(x).toByteArray();
            System.arraycopy(xs, 0, b, 33 - xs.length, xs.length);
            if (!Secp256k1Points.isValidCompressed(Bytes.of(b))) {
                return Bytes.of(b);
            }
        }
    }
}
