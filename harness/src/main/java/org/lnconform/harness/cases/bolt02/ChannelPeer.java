package org.lnconform.harness.cases.bolt02;

import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.Warning;

/**
 * Our v1 funder flow as a step of a case outside BOLT 2, for requirements that hold only towards
 * a channel peer (01-messaging.md, Peer storage: a node with an open channel with the sender must
 * store its blob). On a running session it proposes a channel and stops at the node's
 * {@code funding_signed}, verified against our first commitment transaction (BOLT 3). Nothing is
 * broadcast: the funding outpoint exists nowhere, so the channel stays unconfirmed.
 */
public final class ChannelPeer {

    private ChannelPeer() {}

    /** How far the channel got: {@code fundingSigned} only with a verified funding_signed; what was seen either way. */
    public record Opened(boolean fundingSigned, String observed) {}

    /** The features (odd bits) our init must offer besides the compatible ones, for the channel type we will propose. */
    public static FeatureVector initFeatures(Init nodeInit) {
        return FunderFlow.initFeaturesFor(nodeInit);
    }

    /**
     * open_channel, accept_channel, funding_created, funding_signed on {@code s}, whose init
     * offered {@link #initFeatures}; {@code nodeInit} is the init the node sent on it.
     */
    public static Opened toFundingSigned(CaseContext ctx, ProbeSession s, Init nodeInit) throws CaseError {
        FunderFlow flow = FunderFlow.propose(nodeInit, ctx.random());
        String channel = "a v1 channel (" + flow.type + ", " + FunderFlow.FUNDING_SATOSHIS + " sat)";
        s.send(flow.open);
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(), m -> m.type() == AcceptChannel.TYPE
                || m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning);
        if (o.found() == null || o.found().type() != AcceptChannel.TYPE) {
            return new Opened(false, "the node did not accept our open_channel for " + channel + ": "
                    + (o.found() != null ? NodeAccept.describe(o.found()) : o.ending().observed()));
        }
        NodeAccept n;
        try {
            n = NodeAccept.read(s, flow, o.found());
        } catch (Unsupported e) {
            return new Opened(false, e.getMessage());
        }
        if (!n.badPoints().isEmpty()) {
            return new Opened(false, "accept_channel carries invalid points (" + String.join("; ", n.badPoints()) + ")");
        }
        s.send(flow.fundingCreated(n.accept(), true, ctx.random()));
        Observation signed = ctx.oracle().watch(s, ctx.bounds().reply(), m -> m.decoded() instanceof FundingSigned
                || m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning);
        if (signed.found() == null || !(signed.found().decoded() instanceof FundingSigned fs)) {
            return new Opened(false, "the node did not answer our funding_created for " + channel + " with funding_signed: "
                    + (signed.found() != null ? NodeAccept.describe(signed.found()) : signed.ending().observed()));
        }
        if (!fs.channelId().equals(flow.channelId()) || !flow.verifies(n.accept(), fs)) {
            return new Opened(false, "the node's funding_signed for " + channel + " does not name our channel or does not"
                    + " sign our first commitment transaction (bolt02/funder/funding-signed-signature-valid judges it)");
        }
        return new Opened(true, channel + " opened to funding_signed, its signature verified against our first"
                + " commitment transaction; nothing broadcast");
    }
}
