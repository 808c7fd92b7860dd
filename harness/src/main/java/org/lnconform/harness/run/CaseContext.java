package org.lnconform.harness.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.Trace;
import org.lnconform.harness.probe.WireText;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.Init;

/**
 * What a case body works with: the target, bounded connections with a shared trace, the BOLT 9
 * table, and the oracles that tell closed, silent and alive apart.
 */
public final class CaseContext {

    /** num_pong_bytes of the oracle's follow-up ping. */
    public static final int FOLLOW_UP_PONG_BYTES = Oracle.FOLLOW_UP_PONG_BYTES;

    private final NodeUri target;
    private final Bounds bounds;
    private final FeatureTable table;
    private final Trace trace = new Trace();
    private final Oracle oracle;
    private final CaseRandom random;
    private final Keylog keylog;
    private final NodeDialer dialer;
    private final List<ProbeConnection> open = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private final Bytes declaredChain;

    public CaseContext(NodeUri target, Bounds bounds, FeatureTable table, Keylog keylog, NodeDialer dialer,
            CaseRandom random) {
        this(target, bounds, table, keylog, dialer, random, null);
    }

    /** @param declaredChain the chain the target says the node follows ({@link org.lnconform.harness.target.Target#chainHash()}), or null */
    public CaseContext(NodeUri target, Bounds bounds, FeatureTable table, Keylog keylog, NodeDialer dialer,
            CaseRandom random, Bytes declaredChain) {
        this.declaredChain = declaredChain;
        this.target = target;
        this.oracle = new Oracle(bounds);
        this.random = random;
        this.bounds = bounds;
        this.table = table;
        this.keylog = keylog;
        this.dialer = dialer;
    }

    public NodeUri target() {
        return target;
    }

    /** The chain the target says the node follows, when it knows ({@link org.lnconform.harness.target.Target#chainHash()}). */
    public Optional<Bytes> declaredChain() {
        return Optional.ofNullable(declaredChain);
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

    /** What watches the node after an action. */
    public Oracle oracle() {
        return oracle;
    }

    /** The case's deterministic source of values (keys, channel ids): its id and the run seed. */
    public CaseRandom random() {
        return random;
    }

    /** A new static key for one probe connection (each differs, so probes never collide with each other). */
    public NodeKey freshKey() {
        return random.nodeKey();
    }

    /** Opens a TCP connection to the node. */
    public ProbeConnection dial() throws CaseError {
        if (stopped) {
            throw new CaseError("the case was stopped (its bound passed); no new connection");
        }
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
        throw new CaseError("the harness could not complete a valid handshake with the node, so the case cannot run: "
                + Handshakes.describe(r));
    }

    /** Reads the node's first message, which must be a well-formed init (else the case cannot run). */
    public Init readNodeInit(ProbeSession s) throws CaseError {
        Incoming in = s.read(bounds.init());
        if (in instanceof Incoming.Message m && m.decoded() instanceof Init init) {
            s.nodeInit(init);
            return init;
        }
        throw new CaseError("the node's first message was not a valid init, so the case cannot run: " + describe(in));
    }

    /** Handshake, the node's init, and our compatible init: a running connection. */
    public ProbeSession ready() throws CaseError {
        ProbeSession s = handshakeOk();
        Init nodeInit = readNodeInit(s);
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, table).build(), "init compatible with the node's");
        return s;
    }

    /** Handshake, the node's init, then ours as {@code maker} builds it from the node's. */
    public ProbeSession withInit(String summary, InitMaker maker) throws CaseError, Unsupported {
        ProbeSession s = handshakeOk();
        Init nodeInit = readNodeInit(s);
        s.sendPlaintext(maker.make(nodeInit, InitBuilder.compatibleWith(nodeInit, table)), summary);
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

    /** Initiator-side cases: waits for the node to dial the harness. */
    public InboundConnection awaitNodeConnection() throws CaseError, Unsupported {
        if (dialer == null) {
            throw new Unsupported("the target cannot be asked to dial out; run `lnconform listen` and point the node at it");
        }
        return dialer.await(trace, bounds);
    }

    /** Closes every connection this case opened; no new one can be opened afterwards. */
    public void closeAll() {
        stopped = true;
        open.forEach(ProbeConnection::close);
        if (dialer != null) {
            dialer.release();
        }
    }

    /** Registers a connection opened elsewhere (inbound) for clean-up. */
    public void track(ProbeConnection c) {
        open.add(c);
    }

    /** What a read got, in the spec's words. */
    public static String describe(Incoming in) {
        return WireText.incoming(in);
    }
}
