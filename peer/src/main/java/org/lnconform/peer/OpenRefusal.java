package org.lnconform.peer;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.lnconform.bolt3.ChannelType;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.OpenChannel;

/**
 * The conditions under which the reference node, as fundee, fails a proposed channel (BOLT 2, The
 * open_channel Message, receiving node: "MUST fail the channel if"), each with the requirement id
 * of lnconform's catalogue. Points need no entry: an open_channel with an invalid point does not
 * decode, and the connection ends with a warning.
 */
enum OpenRefusal {
    UNKNOWN_CHAIN("B2-OPN-17", "chain_hash names a chain this node does not follow",
            (o, chain) -> !o.chainHash().equals(chain)),
    NO_CHANNEL_TYPE("B2-OPN-14", "open_channel carries no channel_type",
            (o, chain) -> o.channelType().isEmpty()),
    CHANNEL_TYPE_UNDEFINED("B2-OPN-29", "channel_type is not a type BOLT 2 defines",
            (o, chain) -> o.channelType().filter(t -> !defined(t)).isPresent()),
    CHANNEL_TYPE_ZEROCONF("B2-OPN-30", "channel_type asks for option_zeroconf and this node trusts no funder",
            (o, chain) -> o.channelType().filter(t -> t.isSet(50)).isPresent()),
    CHANNEL_TYPE_NOT_BUILT("B2-OPN-29", "this node does not build channels with option_scid_alias",
            (o, chain) -> o.channelType().filter(t -> t.isSet(46)).isPresent()),
    PUSH_ABOVE_FUNDING("B2-OPN-18", "push_msat exceeds funding_satoshis * 1000",
            (o, chain) -> pushAboveFunding(o)),
    TO_SELF_DELAY_TOO_LARGE("B2-OPN-19", "to_self_delay is above the 2016 blocks this node accepts",
            (o, chain) -> o.toSelfDelay() > 2016),
    MAX_ACCEPTED_HTLCS_ABOVE_483("B2-OPN-20", "max_accepted_htlcs is above 483",
            (o, chain) -> o.maxAcceptedHtlcs() > 483),
    FEERATE_TOO_SMALL("B2-OPN-21", "feerate_per_kw is below 253, the relay floor",
            (o, chain) -> o.feeratePerKw() < 253),
    FEERATE_TOO_LARGE("B2-OPN-21", "feerate_per_kw is above 250000 (1000 sat/vB)",
            (o, chain) -> o.feeratePerKw() > 250_000),
    DUST_ABOVE_RESERVE("B2-OPN-23", "dust_limit_satoshis is greater than channel_reserve_satoshis",
            (o, chain) -> Long.compareUnsigned(o.dustLimitSatoshis(), o.channelReserveSatoshis()) > 0),
    DUST_BELOW_354("B2-OPN-24", "dust_limit_satoshis is below 354",
            (o, chain) -> Long.compareUnsigned(o.dustLimitSatoshis(), 354) < 0),
    FUNDER_CANNOT_PAY_FEE("B2-OPN-25", "the funder's amount does not pay the first commitment transaction's fee",
            (o, chain) -> !pushAboveFunding(o) && funderMsat(o) / 1000 < fee(o)),
    BOTH_OUTPUTS_WITHIN_RESERVE("B2-OPN-26", "both to_local and to_remote of the first commitment are at most channel_reserve_satoshis",
            (o, chain) -> funderMsat(o) / 1000 - fee(o) <= o.channelReserveSatoshis()
                    && o.pushMsat() / 1000 <= o.channelReserveSatoshis()),
    LARGE_FUNDING("B2-OPN-27", "funding_satoshis is 2^24 or more and this node does not offer option_support_large_channel",
            (o, chain) -> Long.compareUnsigned(o.fundingSatoshis(), 1L << 24) >= 0);

    /** BOLT 2, Defined Channel Types: the basic types, each with the variations scid_alias (46) and zeroconf (50). */
    private static final List<FeatureVector> BASIC = List.of(FeatureVector.of(12), FeatureVector.of(12, 22));

    private final String requirement;
    private final String text;
    private final BiPredicate<OpenChannel, Bytes> applies;

    OpenRefusal(String requirement, String text, BiPredicate<OpenChannel, Bytes> applies) {
        this.requirement = requirement;
        this.text = text;
        this.applies = applies;
    }

    /** Every condition {@code open} meets on a node following {@code chain}, in this order. */
    static List<OpenRefusal> of(OpenChannel open, Bytes chain) {
        return java.util.Arrays.stream(values()).filter(r -> r.applies.test(open, chain)).toList();
    }

    /** The sentence the refusing error carries, with the requirement id. */
    String text() {
        return text + " (BOLT 2 open_channel, " + requirement + ")";
    }

    /** The basic type a defined channel_type is built on, or empty for an undefined one. */
    static Optional<ChannelType> basicType(FeatureVector type) {
        FeatureVector basic = type.clear(46).clear(50);
        if (basic.equals(BASIC.get(0))) {
            return Optional.of(ChannelType.STATIC_REMOTEKEY);
        }
        return basic.equals(BASIC.get(1)) ? Optional.of(ChannelType.ANCHORS_ZERO_FEE_HTLC_TX) : Optional.empty();
    }

    private static boolean defined(FeatureVector type) {
        return basicType(type).isPresent();
    }

    private static boolean pushAboveFunding(OpenChannel o) {
        return o.fundingSatoshis() <= 0 || Long.compareUnsigned(o.pushMsat(), fundingMsat(o)) > 0;
    }

    private static long fundingMsat(OpenChannel o) {
        return Math.multiplyHigh(o.fundingSatoshis(), 1000) != 0 ? -1 : o.fundingSatoshis() * 1000;
    }

    /** What the funder keeps: funding less push (0 if push exceeds it). */
    private static long funderMsat(OpenChannel o) {
        long funding = fundingMsat(o);
        return Long.compareUnsigned(o.pushMsat(), funding) > 0 ? 0 : funding - o.pushMsat();
    }

    /** BOLT 3, Fee Payment: the first commitment's fee (no HTLCs), plus both anchors with option_anchors. */
    private static long fee(OpenChannel o) {
        ChannelType type = o.channelType().flatMap(OpenRefusal::basicType).orElse(ChannelType.STATIC_REMOTEKEY);
        long fee = o.feeratePerKw() * type.commitmentBaseWeight() / 1000;
        return type.anchors() ? fee + 2 * ChannelType.ANCHOR_OUTPUT_SAT : fee;
    }
}
