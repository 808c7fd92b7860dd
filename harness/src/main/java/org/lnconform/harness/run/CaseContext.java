package org.lnconform.harness.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.ReadResult;
import org.lnconform.harness.probe.Trace;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.Warning;

/**
 * What a case body works with: the target, bounded connections with a shared trace, the BOLT 9
 * table, and the oracles that tell closed, silent and alive apart.
 */
public final class CaseContext {

    /** num_pong_bytes of the oracle's follow-up ping: odd enough not to collide with a case's own. */
    public static final int FOLLOW_UP_PONG_BYTES = 1021;

    private final NodeUri target;
    private final Bounds bounds;
    private final FeatureTable table;
    private final Trace trace = new Trace();
    private final Keylog keylog;
    private final NodeDialer dialer;
    private final List<ProbeConnection> open = new CopyOnWriteArrayList<>();

    public CaseContext(NodeUri target, Bounds bounds, FeatureTable table, Keylog keylog, NodeDialer dialer) {
        this.target = target;
        this.bounds = bounds;
        this.table = table;
        this.keylog = keylog;
        this.dialer = dialer;
    }

    public NodeUri target() {
        return target;
    }

    public Bounds bounds() {
        return bounds;
    }

    public FeatureTable features() {
        return table;
    }

    public Trace trace() {
        return trace;
    }

    /** A fresh static key for one probe connection (so probes never collide with each other). */
    public NodeKey freshKey() {
        return NodeKey.generate();
    }

    /** Opens a TCP connection to the node. */
    public ProbeConnection dial() throws CaseError {
        try {
            ProbeConnection c = ProbeConnection.connect(
                    new InetSocketAddress(target.host(), target.port()), bounds.connect(), trace);
            open.add(c);
            return c;
        } catch (IOException e) {
            throw new CaseError("cannot connect to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Runs the acts (possibly tampered) on a new connection. */
    public Handshakes.Result handshake(ProbeConnection c, Handshakes.Tamper tamper) {
        NodeKey key = freshKey();
        Handshakes.Result r = Handshakes.initiate(c, key, target.publicKey(), tamper, bounds);
        if (r instanceof Handshakes.Result.Done done) {
            keylog.record(key, done.session().session());
        }
        return r;
    }

    /** A new connection with a completed, valid handshake. */
    public ProbeSession handshakeOk() throws CaseError {
        ProbeConnection c = dial();
        Handshakes.Result r = handshake(c, Handshakes.Tamper.NONE);
        if (r instanceof Handshakes.Result.Done done) {
            return done.session();
        }
        throw new CaseError("a valid handshake did not complete: " + r);
    }

    /** Reads the node's first message, which must be a well-formed init (else the case cannot run). */
    public Init readNodeInit(ProbeSession s) throws CaseError {
        Incoming in = s.read(bounds.init());
        if (in instanceof Incoming.Message m && m.decoded() instanceof Init init) {
            s.nodeInit(init);
            return init;
        }
        throw new CaseError("the node's first message was not a valid init: " + describe(in));
    }

    /** Handshake, the node's init, and our compatible init: a running connection. */
    public ProbeSession ready() throws CaseError {
        ProbeSession s = handshakeOk();
        Init nodeInit = readNodeInit(s);
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, table).build(), "init compatible with the node's");
        return s;
    }

    /** Handshake and the node's init, then {@code init} from the caller instead of ours. */
    public ProbeSession readyWith(java.util.function.Function<InitBuilder, byte[]> init, String summary)
            throws CaseError {
        ProbeSession s = handshakeOk();
        Init nodeInit = readNodeInit(s);
        s.sendPlaintext(init.apply(InitBuilder.compatibleWith(nodeInit, table)), summary);
        return s;
    }

    /**
     * The oracle after an action: sends a follow-up ping and reads until its pong (the node is
     * alive), a close, or the bound (a zombie). Error and warning on the way are noted; pings from
     * the node are answered.
     */
    public Evidence followUp(ProbeSession s) {
        boolean warned = false;
        String warnText = "";
        if (!s.send(Ping.of(FOLLOW_UP_PONG_BYTES, 0))) {
            return Evidence.of(Outcome.CLOSED, "the node had closed the connection before the follow-up ping");
        }
        long deadline = System.nanoTime() + bounds.reply().toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                return silent(warned);
            }
            Incoming in = s.read(left);
            if (in instanceof Incoming.Closed) {
                return warned ? Evidence.of(Outcome.ERROR_THEN_CLOSED, "the node sent " + warnText + " and closed")
                        : Evidence.of(Outcome.CLOSED, "the node closed the connection");
            }
            if (in instanceof Incoming.Silent) {
                return silent(warned);
            }
            if (in instanceof Incoming.BadFrame b) {
                return Evidence.violates("the node sent a frame that failed decryption: " + b.detail());
            }
            Incoming.Message m = (Incoming.Message) in;
            LightningMessage d = m.decoded();
            if (d instanceof Pong p && p.byteslen() == FOLLOW_UP_PONG_BYTES) {
                return warned ? Evidence.of(Outcome.WARNED_STAYED_UP, "the node sent " + warnText
                        + " and still answers pings")
                        : Evidence.of(Outcome.STAYED_UP, "the node answered the follow-up ping");
            }
            if (d instanceof ErrorMessage e) {
                warned = true;
                warnText = "error \"" + e.dataText() + "\"";
            } else if (d instanceof Warning w) {
                warned = true;
                warnText = "warning \"" + w.dataText() + "\"";
            } else {
                s.answerIfPing(m);
            }
        }
    }

    private Evidence silent(boolean warned) {
        return Evidence.of(Outcome.SILENT, "no pong and no close within " + bounds.reply().toMillis() + " ms"
                + (warned ? " (after an error/warning)" : "") + ": the connection is a zombie");
    }

    /**
     * The oracle during a handshake: after sending an act the node must reject, read up to
     * {@code replyLength} bytes. A close passes; an answer means the node carried on; nothing means a zombie.
     */
    public Evidence afterBadAct(ProbeConnection c, int replyLength, String replyName) {
        ReadResult r = c.readExactly(replyLength, bounds.act());
        if (r instanceof ReadResult.Closed closed) {
            return closed.partial().length == 0
                    ? Evidence.of(Outcome.CLOSED, "the node closed the connection without sending anything")
                    : Evidence.of(Outcome.PROCEEDED, "the node sent " + closed.partial().length
                            + " bytes before closing (it must send nothing further)");
        }
        if (r instanceof ReadResult.Data d) {
            c.trace().received(replyName, d.bytes(), "the node answered with " + replyName);
            return Evidence.of(Outcome.PROCEEDED, "the node answered with " + replyName + " instead of closing");
        }
        return Evidence.of(Outcome.SILENT, "the node neither answered nor closed within "
                + bounds.act().toMillis() + " ms (" + ((ReadResult.Silent) r).partial().length + " bytes received)");
    }

    /** Initiator-side cases: waits for the node to dial the harness. */
    public InboundConnection awaitNodeConnection() throws CaseError, Unsupported {
        if (dialer == null) {
            throw new Unsupported("the target cannot be asked to dial out; run `lnconform listen` and point the node at it");
        }
        return dialer.await(trace, bounds);
    }

    /** Closes every connection this case opened. */
    public void closeAll() {
        open.forEach(ProbeConnection::close);
        if (dialer != null) {
            dialer.release();
        }
    }

    /** Registers a connection opened elsewhere (inbound) for clean-up. */
    public void track(ProbeConnection c) {
        open.add(c);
    }

    public static String describe(Incoming in) {
        if (in instanceof Incoming.Message m) {
            return m.decoded() != null ? m.decoded().toString()
                    : "undecodable message type " + m.type() + " (" + m.error().getMessage() + ")";
        }
        if (in instanceof Incoming.Closed) {
            return "the connection was closed";
        }
        if (in instanceof Incoming.Silent s) {
            return "nothing within the bound (" + s.partialBytes() + " bytes of a frame)";
        }
        return String.valueOf(in);
    }
}
