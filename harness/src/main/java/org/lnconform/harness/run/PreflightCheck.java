package org.lnconform.harness.run;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.lnconform.harness.model.Preflight;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.LimitExceeded;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.ReadResult;
import org.lnconform.harness.probe.Trace;
import org.lnconform.harness.probe.WireText;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.Init;

/**
 * One plain handshake and init exchange before the suite. A node that cannot get this far
 * cannot be judged: the run stops with one line naming the likely cause instead of blaming the
 * node for a wrong key, a wrong port or a silent one.
 */
public final class PreflightCheck {

    /** How long the harness listens before Act One for a server that talks first or closes at once. */
    private static final Duration FIRST_LOOK = Duration.ofMillis(150);

    private PreflightCheck() {}

    public static Preflight run(NodeUri target, Bounds bounds, NodeKey key, FeatureTable table) {
        Trace trace = new Trace();
        long t0 = System.nanoTime();
        String reason = check(target, bounds, key, table, trace);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        boolean passed = reason == null;
        return new Preflight(passed, passed ? "handshake and init exchange completed in " + ms + " ms" : reason, ms,
                trace.events());
    }

    /** Null if the exchange completed, else the one-line reason. */
    private static String check(NodeUri target, Bounds bounds, NodeKey key, FeatureTable table, Trace trace) {
        String where = target.host() + ":" + target.port();
        ProbeConnection c;
        try {
            c = ProbeConnection.connect(new InetSocketAddress(target.host(), target.port()), bounds.connect(), trace);
        } catch (ConnectException e) {
            return "nothing accepts connections on " + where + " (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "cannot connect to " + where + " within " + bounds.connect().toMillis() + " ms: " + e.getMessage();
        }
        try {
            ReadResult early = c.readExactly(1, FIRST_LOOK);
            if (early instanceof ReadResult.Closed) {
                return "the port " + where + " accepts TCP connections and closes them at once, before Act One:"
                        + " not a Lightning node, or one that refuses this peer";
            }
            if (early instanceof ReadResult.Data d) {
                ReadResult more = c.readExactly(63, FIRST_LOOK);
                byte[] seen = concat(d.bytes(), more);
                return "the port " + where + " talks before Act One (" + WireText.hex(seen) + WireText.printable(seen)
                        + "): a BOLT 8 responder waits for Act One, so this is not a Lightning node";
            }
            Handshakes.Result r = Handshakes.initiate(c, key, target.publicKey(), Handshakes.Tamper.NONE, bounds);
            if (r instanceof Handshakes.Result.NoActTwo no) {
                return noActTwo(no.read(), where, bounds);
            }
            if (r instanceof Handshakes.Result.BadActTwo bad) {
                return "the port " + where + " answered Act One with 50 bytes that are not a valid Act Two ("
                        + bad.error().getMessage() + "; " + WireText.hex(bad.act()) + WireText.printable(bad.act()) + "): "
                        + (isHttp(bad.act()) ? "it speaks HTTP, " : "") + "not a BOLT 8 node";
            }
            ProbeSession s = ((Handshakes.Result.Done) r).session();
            Incoming in = s.read(bounds.init());
            if (in instanceof Incoming.Message m && m.decoded() instanceof Init init) {
                s.sendPlaintext(InitBuilder.compatibleWith(init, table).build(), "init compatible with the node's");
                return null;
            }
            if (in instanceof Incoming.Closed) {
                return "the node closed the connection after the handshake without sending init: it rejected our"
                        + " Act Three or refuses this peer";
            }
            if (in instanceof Incoming.Silent) {
                return "the handshake completed but the node sent no init within " + bounds.init().toMillis() + " ms";
            }
            return "the node's first message after the handshake was not a valid init: " + WireText.incoming(in);
        } catch (LimitExceeded e) {
            return e.getMessage();
        } finally {
            c.close();
        }
    }

    private static String noActTwo(ReadResult read, String where, Bounds bounds) {
        if (read instanceof ReadResult.Closed closed) {
            byte[] p = closed.partial();
            if (p.length == 0) {
                return "the node at " + where + " closed the connection after Act One without answering: most likely"
                        + " the public key is not this node's (a node cannot decrypt an Act One made for another key)";
            }
            return "the port " + where + " answered Act One with " + WireText.hex(p) + WireText.printable(p)
                    + " and closed: " + (isHttp(p) ? "it speaks HTTP, " : "") + "not a Lightning node";
        }
        byte[] p = ((ReadResult.Silent) read).partial();
        if (p.length == 0) {
            return "the port " + where + " accepted the connection but nothing answered Act One within "
                    + bounds.act().toMillis() + " ms: not a Lightning node, or a stalled one";
        }
        return "Act Two did not arrive in full within " + bounds.act().toMillis() + " ms (" + WireText.hex(p)
                + WireText.printable(p) + "): " + (isHttp(p) ? "the port speaks HTTP, not BOLT 8"
                : "the node is far too slow, or not a Lightning node");
    }

    private static boolean isHttp(byte[] b) {
        return new String(b, 0, Math.min(5, b.length), StandardCharsets.ISO_8859_1).equals("HTTP/");
    }

    private static byte[] concat(byte[] a, ReadResult more) {
        byte[] b = more instanceof ReadResult.Data d ? d.bytes()
                : more instanceof ReadResult.Closed c ? c.partial() : ((ReadResult.Silent) more).partial();
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
