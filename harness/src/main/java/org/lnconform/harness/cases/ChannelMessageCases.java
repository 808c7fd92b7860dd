package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseRandom;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.noise.NodeKey;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Warning;

/**
 * The error the node sends about BOLT 2 channel messages it cannot act on (01-messaging.md, The
 * error and warning Messages): a refused open names its temporary_channel_id (B1-ERR-02/04);
 * a message for a channel the node does not have is answered with an error naming that channel
 * (B1-ERR-06). No funds and no chain are involved: every message here is refused.
 */
public final class ChannelMessageCases {

    static final int OPEN_CHANNEL = 32;
    static final int ACCEPT_CHANNEL = 33;
    static final int OPEN_CHANNEL2 = 64;
    static final int ACCEPT_CHANNEL2 = 65;
    static final int UPDATE_FEE = 134;
    static final int CHANNEL_REESTABLISH = 136;

    private ChannelMessageCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/error/open-channel-temporary-id")
                        .title("open_channel on a chain the node does not run is refused by an error on its temporary_channel_id")
                        .requires("B1-ERR-02")
                        .must().allow(Outcome.CONFORMS).inconclusive(Outcome.ALL_CHANNELS_FAILED)
                        .expected("any error the node sends names the temporary_channel_id (a warning may also be all-zero;"
                                + " an error for all channels is INFO);"
                                + " with no error or warning at all there is nothing to check")
                        .body(ctx -> refusedOpen(ctx, "open_channel", OPEN_CHANNEL, ACCEPT_CHANNEL)),
                CaseBuilder.of("bolt01/error/open-channel2-temporary-id")
                        .title("open_channel2 on a chain the node does not run is refused by an error on its temporary_channel_id")
                        .requires("B1-ERR-04")
                        .must().allow(Outcome.CONFORMS).inconclusive(Outcome.ALL_CHANNELS_FAILED)
                        .expected("any error the node sends names the temporary_channel_id (a warning may also be all-zero;"
                                + " an error for all channels is INFO);"
                                + " with no error or warning at all there is nothing to check")
                        .body(ctx -> refusedOpen(ctx, "open_channel2", OPEN_CHANNEL2, ACCEPT_CHANNEL2)),
                CaseBuilder.of("bolt01/error/unknown-channel-update-fee")
                        .title("update_fee for a channel the node does not have is answered with an error naming that channel")
                        .requires("B1-ERR-06")
                        .should().allow(Outcome.CONFORMS)
                        .body(ctx -> unknownChannel(ctx, "update_fee", (id, random) -> new WireWriter().u16(UPDATE_FEE)
                                .channelId(id).u32(253).toByteArray())),
                CaseBuilder.of("bolt01/error/unknown-channel-reestablish")
                        .title("channel_reestablish for a channel the node does not have is answered with an error naming that channel")
                        .requires("B1-ERR-06")
                        .should().allow(Outcome.CONFORMS)
                        .body(ctx -> unknownChannel(ctx, "channel_reestablish", (id, random) -> new WireWriter()
                                .u16(CHANNEL_REESTABLISH).channelId(id).u64(1).u64(0).raw(new byte[32])
                                .point(random.point()).toByteArray())));
    }

    /** Builds a message naming the given channel. */
    @FunctionalInterface
    interface ChannelMessage {
        byte[] about(Bytes channelId, CaseRandom random);
    }

    private static Evidence refusedOpen(CaseContext ctx, String name, int type, int acceptType) throws Exception {
        ProbeSession s = ctx.ready();
        Bytes temporary = ctx.random().channelId();
        byte[] open = type == OPEN_CHANNEL ? openChannel(temporary, ctx.random()) : openChannel2(temporary, ctx.random());
        s.sendPlaintext(open, name + " with temporary_channel_id " + temporary.hex() + " on a foreign chain");
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(), ChannelMessageCases::errorOrWarning);
        if (o.found() == null) {
            if (o.ending().outcome() == Outcome.SILENT) {
                return o.ending();
            }
            String accepted = o.types().contains(acceptType) ? " (it even answered with accept)" : "";
            throw new Unsupported("the node refused " + name + " without error or warning" + accepted + ": "
                    + o.ending().observed() + "; nothing to check");
        }
        LightningMessage reply = o.found().decoded();
        boolean isError = reply instanceof ErrorMessage;
        Bytes named = isError ? ((ErrorMessage) reply).channelId() : ((Warning) reply).channelId();
        String kind = isError ? "error" : "warning";
        if (named.equals(temporary)) {
            return Evidence.conforms("the " + kind + " names the temporary_channel_id " + temporary.hex());
        }
        if (named.isAllZero()) {
            // B1-ERR-08 lets any error name all channels; whether that serves as "the temporary_channel_id in
            // lieu of channel_id" is not settled by the words: INFO, not FAIL
            return isError
                    ? Evidence.of(Outcome.ALL_CHANNELS_FAILED, "the error is for all channels (all-zero channel_id, which"
                            + " B1-ERR-08 allows), not for the temporary_channel_id " + temporary.hex())
                    : Evidence.conforms("a warning with an all-zero channel_id (not tied to a channel)");
        }
        return Evidence.violates("the " + kind + " names channel_id " + named.hex() + ", not the temporary_channel_id "
                + temporary.hex());
    }

    private static Evidence unknownChannel(CaseContext ctx, String name, ChannelMessage message) throws Exception {
        ProbeSession s = ctx.ready();
        Bytes id = ctx.random().channelId();
        s.sendPlaintext(message.about(id, ctx.random()), name + " for channel_id " + id.hex() + ", which the node does not have");
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(),
                m -> m.decoded() instanceof ErrorMessage e && e.channelId().equals(id));
        if (o.found() != null) {
            return Evidence.conforms("error naming channel_id " + id.hex() + ": \""
                    + ((ErrorMessage) o.found().decoded()).dataText() + "\"");
        }
        List<String> other = new ArrayList<>();
        for (Incoming.Message m : o.messages()) {
            if (m.decoded() instanceof ErrorMessage e) {
                other.add("error on " + e.channelId().hex());
            } else if (m.decoded() instanceof Warning w) {
                other.add("warning on " + w.channelId().hex());
            }
        }
        if (o.ending().outcome() == Outcome.SILENT) {
            return o.ending();
        }
        return Evidence.violates("no error naming channel_id " + id.hex() + (other.isEmpty() ? ""
                : " (instead: " + String.join(", ", other) + ")") + "; " + o.ending().observed());
    }

    private static boolean errorOrWarning(Incoming.Message m) {
        return m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning;
    }

    /**
     * BOLT 2 open_channel with plausible parameters on a chain no node runs, which a receiver
     * MUST refuse: chain_hash, temporary_channel_id, funding 100000 sat, no push, dust 546 sat,
     * in-flight 99000000 msat, reserve 1000 sat, htlc_minimum 1 msat, 2500 sat/kw, to_self_delay
     * 144, 30 HTLCs, six points, flags 0, then an empty upfront_shutdown_script and channel_type
     * (static_remotekey and anchors).
     */
    static byte[] openChannel(Bytes temporaryChannelId, CaseRandom random) {
        WireWriter w = new WireWriter().u16(OPEN_CHANNEL).chainHash(Unknowns.FOREIGN_CHAIN)
                .channelId(temporaryChannelId).u64(100_000).u64(0).u64(546).u64(99_000_000).u64(1_000).u64(1)
                .u32(2_500).u16(144).u16(30);
        for (int i = 0; i < 6; i++) {
            w.point(random.point());
        }
        return w.u8(0).raw(openingTlvs()).toByteArray();
    }

    /**
     * BOLT 2 open_channel2, likewise: chain_hash, temporary_channel_id, funding and commitment
     * feerates 2500, funding 100000 sat, dust 546, in-flight 99000000 msat, htlc_minimum 1,
     * to_self_delay 144, 30 HTLCs, locktime 0, seven points, flags 0, opening_tlvs.
     */
    static byte[] openChannel2(Bytes temporaryChannelId, CaseRandom random) {
        WireWriter w = new WireWriter().u16(OPEN_CHANNEL2).chainHash(Unknowns.FOREIGN_CHAIN)
                .channelId(temporaryChannelId).u32(2_500).u32(2_500).u64(100_000).u64(546).u64(99_000_000).u64(1)
                .u16(144).u16(30).u32(0);
        for (int i = 0; i < 7; i++) {
            w.point(random.point());
        }
        return w.u8(0).raw(openingTlvs()).toByteArray();
    }

    /** upfront_shutdown_script (0) empty, channel_type (1) with bits 12 and 22. */
    private static byte[] openingTlvs() {
        byte[] channelType = FeatureVector.of(12, 22).toBytes().toByteArray();
        return new WireWriter().bigSize(0).bigSize(0).bigSize(1).bigSize(channelType.length).raw(channelType)
                .toByteArray();
    }
}
