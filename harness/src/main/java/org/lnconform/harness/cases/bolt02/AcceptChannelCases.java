package org.lnconform.harness.cases.bolt02;

import java.util.List;
import java.util.Optional;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelOpenTlvs;

/**
 * The node's {@code accept_channel}, field by field, against BOLT 2 (02-peer-protocol.md, The
 * accept_channel Message, whose other fields have the requirements of their open_channel
 * counterparts): one case per requirement, each on its own connection with lnconform as funder.
 * A MUST broken is FAIL; a SHOULD is NON_STRICT; a value no sender rule forbids but every funder
 * must refuse is INFO.
 */
public final class AcceptChannelCases {

    /** option_upfront_shutdown_script, optional (BOLT 9). */
    private static final int UPFRONT_SHUTDOWN_SCRIPT = 5;
    /** The to_self_delay above which the reference node, and common defaults, call it unreasonably large. */
    static final int MAX_TO_SELF_DELAY = 2016;

    private AcceptChannelCases() {}

    /** One requirement judged on the node's accept_channel. */
    @FunctionalInterface
    private interface Check {
        Evidence judge(NodeAccept a) throws Unsupported;
    }

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt02/funder/accept/temporary-channel-id")
                        .title("accept_channel names the temporary_channel_id of our open_channel")
                        .requires("B2-ACC-01").must().allow(Outcome.CONFORMS)
                        .expected("accept_channel's temporary_channel_id equals our open_channel's")
                        .body(ctx -> judge(ctx, AcceptChannelCases::temporaryChannelId)),
                CaseBuilder.of("bolt02/funder/accept/reserve-covers-funder-dust")
                        .title("accept_channel's channel_reserve_satoshis is at least our dust_limit_satoshis")
                        .requires("B2-ACC-04").must().allow(Outcome.CONFORMS)
                        .expected("channel_reserve_satoshis >= our open_channel's dust_limit_satoshis")
                        .body(ctx -> judge(ctx, AcceptChannelCases::reserveCoversFunderDust)),
                CaseBuilder.of("bolt02/funder/accept/dust-within-funder-reserve")
                        .title("accept_channel's dust_limit_satoshis is at most our channel_reserve_satoshis")
                        .requires("B2-ACC-06").must().allow(Outcome.CONFORMS)
                        .expected("dust_limit_satoshis <= our open_channel's channel_reserve_satoshis")
                        .body(ctx -> judge(ctx, AcceptChannelCases::dustWithinFunderReserve)),
                CaseBuilder.of("bolt02/funder/accept/reserve-covers-own-dust")
                        .title("accept_channel's channel_reserve_satoshis is at least its own dust_limit_satoshis")
                        .requires("B2-ACC-14").must().allow(Outcome.CONFORMS)
                        .expected("accept_channel's channel_reserve_satoshis >= its dust_limit_satoshis")
                        .body(ctx -> judge(ctx, AcceptChannelCases::reserveCoversOwnDust)),
                CaseBuilder.of("bolt02/funder/accept/dust-limit-at-least-354")
                        .title("accept_channel's dust_limit_satoshis lets commitment transactions propagate (at least 354)")
                        .requires("B2-ACC-19").should().allow(Outcome.CONFORMS)
                        .expected("dust_limit_satoshis >= 354 (BOLT 3, Dust Limits); below it every funder MUST fail"
                                + " the channel (B2-ACC-26)")
                        .body(ctx -> judge(ctx, AcceptChannelCases::dustAtLeast354)),
                CaseBuilder.of("bolt02/funder/accept/max-accepted-htlcs-at-most-483")
                        .title("accept_channel's max_accepted_htlcs is at most 483, as the funder must enforce")
                        .requires("B2-ACC-23").may().allow(Outcome.CONFORMS)
                        .expected("max_accepted_htlcs <= 483")
                        .because("The rule binds the funder (it MUST fail the channel above 483); no rule binds the"
                                + " sender, so a larger value is INFO, never FAIL.")
                        .body(ctx -> judge(ctx, AcceptChannelCases::maxAcceptedHtlcs)),
                CaseBuilder.of("bolt02/funder/accept/basepoints-valid")
                        .title("accept_channel's funding_pubkey and four basepoints are valid compressed secp256k1 points")
                        .requires("B2-ACC-12").must().allow(Outcome.CONFORMS)
                        .expected("each of the five keys has prefix 0x02 or 0x03 and an x on the curve")
                        .body(ctx -> judge(ctx, a -> points(a, false))),
                CaseBuilder.of("bolt02/funder/accept/first-per-commitment-point-valid")
                        .title("accept_channel's first_per_commitment_point is a valid compressed secp256k1 point")
                        .requires("B2-ACC-13").must().allow(Outcome.CONFORMS)
                        .expected("first_per_commitment_point has prefix 0x02 or 0x03 and an x on the curve")
                        .body(ctx -> judge(ctx, a -> points(a, true))),
                CaseBuilder.of("bolt02/funder/accept/minimum-depth-nonzero")
                        .title("accept_channel asks for at least one confirmation when the channel_type has no option_zeroconf")
                        .requires("B2-ACC-03").should().allow(Outcome.CONFORMS)
                        .expected("minimum_depth >= 1 (how many blocks is the node's judgement; 0 guards against no double-spend)")
                        .body(ctx -> judge(ctx, AcceptChannelCases::minimumDepth)),
                CaseBuilder.of("bolt02/funder/accept/to-self-delay-nonzero")
                        .title("accept_channel's to_self_delay leaves the node time to punish a revoked commitment")
                        .requires("B2-ACC-18").should().allow(Outcome.CONFORMS)
                        .expected("to_self_delay >= 1 (how many blocks is the node's judgement; 0 leaves none)")
                        .body(ctx -> judge(ctx, AcceptChannelCases::toSelfDelayNonZero)),
                CaseBuilder.of("bolt02/funder/accept/to-self-delay-reasonable")
                        .title("accept_channel's to_self_delay is not so large that a funder must refuse it")
                        .requires("B2-ACC-22").may().allow(Outcome.CONFORMS)
                        .expected("to_self_delay <= " + MAX_TO_SELF_DELAY + " blocks")
                        .because("What is unreasonably large is the funder's judgement and the rule binds the funder;"
                                + " a larger value is INFO, never FAIL.")
                        .body(ctx -> judge(ctx, AcceptChannelCases::toSelfDelayReasonable)),
                CaseBuilder.of("bolt02/funder/accept/upfront-shutdown-script-present")
                        .title("accept_channel, carrying TLVs, carries upfront_shutdown_script")
                        .requires("B2-ACC-16").must().allow(Outcome.CONFORMS)
                        .expected("an accept_channel with any TLV record (channel_type) includes upfront_shutdown_script"
                                + " (zero-length is enough); our init does not offer option_upfront_shutdown_script")
                        .body(ctx -> judge(ctx, AcceptChannelCases::upfrontPresent)),
                CaseBuilder.of("bolt02/funder/accept/upfront-shutdown-script-negotiated")
                        .title("with option_upfront_shutdown_script on both sides, accept_channel carries an empty or valid upfront_shutdown_script")
                        .requires("B2-ACC-15").must().allow(Outcome.CONFORMS)
                        .expected("upfront_shutdown_script present: zero-length, P2WPKH or P2WSH (our init offers"
                                + " option_upfront_shutdown_script, not option_shutdown_anysegwit or option_simple_close)")
                        .body(AcceptChannelCases::upfrontNegotiated),
                CaseBuilder.of("bolt02/funder/accept/channel-type-minimal")
                        .title("accept_channel's channel_type uses the smallest bitmap")
                        .requires("B2-ACC-17").must().allow(Outcome.CONFORMS)
                        .expected("channel_type's bytes have no leading zero byte")
                        .body(ctx -> judge(ctx, AcceptChannelCases::channelTypeMinimal)));
    }

    private static Evidence judge(CaseContext ctx, Check check) throws Exception {
        NodeAccept n = NodeAccept.exchange(ctx, FeatureVector.empty(),
                "init compatible with the node's, offering the features of the channel type we propose");
        return n.evidence(check.judge(n));
    }

    private static Evidence temporaryChannelId(NodeAccept n) {
        Bytes ours = n.flow().open.temporaryChannelId();
        Bytes theirs = n.accept().temporaryChannelId();
        return theirs.equals(ours) ? Evidence.conforms("accept_channel names temporary_channel_id " + ours.hex())
                : Evidence.violates("accept_channel names temporary_channel_id " + theirs.hex() + ", ours was " + ours.hex());
    }

    private static Evidence reserveCoversFunderDust(NodeAccept n) {
        long reserve = n.accept().channelReserveSatoshis();
        long dust = n.flow().open.dustLimitSatoshis();
        String values = "channel_reserve_satoshis " + Long.toUnsignedString(reserve) + ", our dust_limit_satoshis " + dust;
        return Long.compareUnsigned(reserve, dust) >= 0 ? Evidence.conforms(values)
                : Evidence.violates(values + ": the reserve is below our dust limit");
    }

    private static Evidence dustWithinFunderReserve(NodeAccept n) {
        long dust = n.accept().dustLimitSatoshis();
        long reserve = n.flow().open.channelReserveSatoshis();
        String values = "dust_limit_satoshis " + Long.toUnsignedString(dust) + ", our channel_reserve_satoshis " + reserve;
        return Long.compareUnsigned(dust, reserve) <= 0 ? Evidence.conforms(values)
                : Evidence.violates(values + ": the dust limit is above our reserve");
    }

    private static Evidence reserveCoversOwnDust(NodeAccept n) {
        AcceptChannel a = n.accept();
        String values = "channel_reserve_satoshis " + Long.toUnsignedString(a.channelReserveSatoshis())
                + ", dust_limit_satoshis " + Long.toUnsignedString(a.dustLimitSatoshis());
        return Long.compareUnsigned(a.channelReserveSatoshis(), a.dustLimitSatoshis()) >= 0 ? Evidence.conforms(values)
                : Evidence.violates(values + ": the reserve is below the node's own dust limit");
    }

    private static Evidence dustAtLeast354(NodeAccept n) {
        long dust = n.accept().dustLimitSatoshis();
        return Long.compareUnsigned(dust, 354) >= 0
                ? Evidence.conforms("dust_limit_satoshis " + Long.toUnsignedString(dust))
                : Evidence.violates("dust_limit_satoshis " + dust + " is below 354 satoshis: a funder MUST fail this channel");
    }

    private static Evidence maxAcceptedHtlcs(NodeAccept n) {
        int max = n.accept().maxAcceptedHtlcs();
        return max <= 483 ? Evidence.conforms("max_accepted_htlcs " + max)
                : Evidence.violates("max_accepted_htlcs " + max + " is above 483: a funder MUST fail this channel");
    }

    private static Evidence points(NodeAccept n, boolean perCommitmentPoint) {
        List<String> bad = n.badKeys(perCommitmentPoint);
        String which = perCommitmentPoint ? "first_per_commitment_point is a valid compressed point" : "the five keys are valid compressed points";
        return bad.isEmpty() ? Evidence.conforms(which)
                : Evidence.violates("not a valid compressed point: " + String.join("; ", bad));
    }

    private static Evidence minimumDepth(NodeAccept n) {
        long depth = n.accept().minimumDepth();
        return depth >= 1 ? Evidence.conforms("minimum_depth " + depth + " for channel_type " + n.flow().channelTypeBits)
                : Evidence.violates("minimum_depth 0 for channel_type " + n.flow().channelTypeBits
                        + ", which has no option_zeroconf");
    }

    private static Evidence toSelfDelayNonZero(NodeAccept n) {
        int delay = n.accept().toSelfDelay();
        return delay >= 1 ? Evidence.conforms("to_self_delay " + delay + " blocks")
                : Evidence.violates("to_self_delay 0: the node could not punish our revoked commitment");
    }

    private static Evidence toSelfDelayReasonable(NodeAccept n) {
        int delay = n.accept().toSelfDelay();
        return delay <= MAX_TO_SELF_DELAY ? Evidence.conforms("to_self_delay " + delay + " blocks")
                : Evidence.violates("to_self_delay " + delay + " blocks, above " + MAX_TO_SELF_DELAY
                        + ": a funder that finds it unreasonably large MUST fail the channel");
    }

    private static Evidence upfrontPresent(NodeAccept n) {
        AcceptChannel a = n.accept();
        if (a.tlvs().isEmpty()) {
            return Evidence.conforms("accept_channel carries no TLV record (its channel_type is judged by"
                    + " bolt02/funder/accept-channel-type-echoed)");
        }
        return a.upfrontShutdownScript().isPresent()
                ? Evidence.conforms("upfront_shutdown_script present (" + a.upfrontShutdownScript().get().size() + " bytes)")
                : Evidence.violates("accept_channel carries TLV records of types " + types(a) + " but no upfront_shutdown_script");
    }

    private static Evidence upfrontNegotiated(CaseContext ctx) throws Exception {
        NodeAccept n = NodeAccept.exchange(ctx, FeatureVector.of(UPFRONT_SHUTDOWN_SCRIPT),
                "init compatible with the node's, offering option_upfront_shutdown_script and the channel type's features");
        return n.evidence(upfrontNegotiated(n));
    }

    private static Evidence upfrontNegotiated(NodeAccept n) {
        Optional<Bytes> script = n.accept().upfrontShutdownScript();
        if (script.isEmpty()) {
            return Evidence.violates("both sides offer option_upfront_shutdown_script, but accept_channel has no"
                    + " upfront_shutdown_script");
        }
        Bytes s = script.get();
        if (s.isEmpty()) {
            return Evidence.conforms("upfront_shutdown_script is zero-length (no upfront script)");
        }
        boolean p2wpkh = s.size() == 22 && s.getUnsigned(0) == 0x00 && s.getUnsigned(1) == 20;
        boolean p2wsh = s.size() == 34 && s.getUnsigned(0) == 0x00 && s.getUnsigned(1) == 32;
        return p2wpkh || p2wsh ? Evidence.conforms("upfront_shutdown_script " + s.hex() + (p2wpkh ? " (P2WPKH)" : " (P2WSH)"))
                : Evidence.violates("upfront_shutdown_script " + s.hex() + " is none of shutdown's forms for what was"
                        + " negotiated (P2WPKH, P2WSH)");
    }

    private static Evidence channelTypeMinimal(NodeAccept n) throws Unsupported {
        Optional<Bytes> raw = n.accept().tlvs().value(ChannelOpenTlvs.CHANNEL_TYPE.type());
        if (raw.isEmpty()) {
            throw new Unsupported("accept_channel has no channel_type to judge (bolt02/funder/accept-channel-type-echoed"
                    + " reports its absence)");
        }
        Bytes b = raw.get();
        return b.isEmpty() || b.getUnsigned(0) != 0 ? Evidence.conforms("channel_type " + b.hex())
                : Evidence.violates("channel_type " + b.hex() + " starts with a zero byte: not the smallest bitmap");
    }

    private static String types(AcceptChannel a) {
        return a.tlvs().records().stream().map(r -> Long.toUnsignedString(r.type())).toList().toString();
    }
}
