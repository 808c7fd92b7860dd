package org.lnconform.harness.cases.bolt02;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.Secp256k1Points;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.Warning;

/**
 * The node's {@code accept_channel} to our {@code open_channel}, as it came on the wire: the
 * decoded fields, and which of its six points are not valid compressed secp256k1 points. Our codec
 * rejects a message with an invalid point; here the points are judged from the raw bytes, so each
 * requirement about accept_channel is judged on its own (a bad basepoint does not hide the reserve).
 *
 * @param session   the connection it came on
 * @param flow      our side of the channel: the open_channel we sent
 * @param accept    the node's accept_channel, with each invalid point read as the generator G
 * @param badPoints one line per invalid point: field name and why
 * @param note      empty, or why the accept_channel answered a second open_channel
 */
record NodeAccept(ProbeSession session, FunderFlow flow, AcceptChannel accept, List<String> badPoints, String note) {

    /** BOLT 2, accept_channel: type (2), temporary_channel_id (32), four u64, u32, two u16, then the six points. */
    private static final int FIRST_POINT = 2 + 32 + 4 * 8 + 4 + 2 + 2;
    private static final String[] POINTS = {"funding_pubkey", "revocation_basepoint", "payment_basepoint",
        "delayed_payment_basepoint", "htlc_basepoint", "first_per_commitment_point"};
    /** A valid point that stands in for an invalid one while decoding. */
    private static final Bytes G = Secp256k1Points.GENERATOR;

    /**
     * Connects with an init offering the features of the channel type we propose (and the odd bits
     * of {@code extra}, which the node must offer too, else UNSUPPORTED), sends our open_channel
     * and reads the node's accept_channel. A refusal is the node's own choice: UNSUPPORTED. An
     * open_channel the node leaves unanswered while it stays up is tried once more, as another
     * peer (Eclair can lose an open that races another peer's, FINDINGS E21); the evidence says so.
     */
    static NodeAccept exchange(CaseContext ctx, FeatureVector extra, String initSummary) throws Exception {
        String note = "";
        for (int attempt = 1; ; attempt++) {
            ProbeSession s = ctx.withInit(initSummary, (nodeInit, compatible) -> {
                for (int bit : extra.bits()) {
                    if (!nodeInit.combinedFeatures().isSet(bit) && !nodeInit.combinedFeatures().isSet(bit & ~1)) {
                        throw new Unsupported("the node does not offer feature bit " + (bit & ~1) + "/" + (bit | 1));
                    }
                }
                return compatible.features(InitBuilder.compatibleFeatures(nodeInit, ctx.features())
                        .or(FunderFlow.initFeaturesFor(nodeInit)).or(extra)).build();
            });
            FunderFlow flow = FunderFlow.propose(s.nodeInit(), ctx.random());
            s.send(flow.open);
            Observation o = ctx.oracle().watch(s, ctx.bounds().reply(), m -> m.type() == AcceptChannel.TYPE
                    || m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning);
            if (o.found() != null && o.found().type() == AcceptChannel.TYPE) {
                return read(s, flow, o.found()).noted(note);
            }
            String refusal = "the node did not accept our open_channel (" + flow.type + ", "
                    + FunderFlow.FUNDING_SATOSHIS + " sat): "
                    + (o.found() != null ? describe(o.found()) : o.ending().observed());
            if (o.found() != null || !o.alive() || attempt == 2) {
                throw new Unsupported(attempt == 2 ? refusal + " (the second attempt, as another peer)" : refusal);
            }
            s.close();
            note = " (our first open_channel, as another peer, got no answer within the bound while the node"
                    + " stayed up; this accept_channel answered a second one)";
        }
    }

    /** This exchange with {@code note} (why it took a second open_channel) kept for the evidence. */
    private NodeAccept noted(String note) {
        return new NodeAccept(session, flow, accept, badPoints, note);
    }

    /** {@code e} with the note on how the accept_channel was obtained, if there is one. */
    Evidence evidence(Evidence e) {
        return note.isEmpty() ? e : new Evidence(e.outcome(), e.observed() + note);
    }

    /** The accept_channel in {@code m}, its invalid points listed and read as G. */
    static NodeAccept read(ProbeSession session, FunderFlow flow, Incoming.Message m) throws Unsupported, CaseError {
        byte[] plaintext = m.plaintext();
        List<String> bad = new ArrayList<>();
        byte[] patched = plaintext.clone();
        for (int i = 0; i < POINTS.length; i++) {
            int at = FIRST_POINT + i * Secp256k1Points.COMPRESSED_SIZE;
            if (plaintext.length < at + Secp256k1Points.COMPRESSED_SIZE) {
                break; // too short: the codec says so below
            }
            Bytes point = Bytes.of(plaintext).slice(at, at + Secp256k1Points.COMPRESSED_SIZE);
            if (!Secp256k1Points.isValidCompressed(point)) {
                bad.add(POINTS[i] + " " + point.hex() + " (" + whyInvalid(point) + ")");
                System.arraycopy(G.toByteArray(), 0, patched, at, Secp256k1Points.COMPRESSED_SIZE);
            }
        }
        if (m.decoded() instanceof AcceptChannel a) {
            return new NodeAccept(session, flow, a, List.copyOf(bad), "");
        }
        if (m.error() == null || m.error().kind() != DecodeError.INVALID_POINT) {
            throw new Unsupported("the node's accept_channel does not decode (" + (m.error() != null
                    ? m.error().getMessage() : "type " + m.type()) + "), so this requirement cannot be judged");
        }
        try {
            return new NodeAccept(session, flow, (AcceptChannel) MessageRegistry.standard().decode(patched),
                    List.copyOf(bad), "");
        } catch (WireException e) {
            throw new Unsupported("the node's accept_channel does not decode (" + e.getMessage()
                    + "), so this requirement cannot be judged");
        }
    }

    /** The invalid points among the first five (the keys), or among the last (first_per_commitment_point). */
    List<String> badKeys(boolean perCommitmentPoint) {
        return badPoints.stream().filter(b -> b.startsWith("first_per_commitment_point") == perCommitmentPoint).toList();
    }

    private static String whyInvalid(Bytes point) {
        int prefix = point.getUnsigned(0);
        if (prefix != 0x02 && prefix != 0x03) {
            return String.format("prefix 0x%02x, not 0x02 or 0x03", prefix);
        }
        return "x is not the abscissa of a point on the curve";
    }

    static String describe(Incoming.Message m) {
        if (m.decoded() instanceof ErrorMessage e) {
            return "error \"" + e.dataText() + "\"";
        }
        if (m.decoded() instanceof Warning w) {
            return "warning \"" + w.dataText() + "\"";
        }
        return m.decoded() == null ? "type " + m.type() : m.decoded().getClass().getSimpleName();
    }
}
