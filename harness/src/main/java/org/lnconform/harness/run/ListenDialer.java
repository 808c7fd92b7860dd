package org.lnconform.harness.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.Trace;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;

/**
 * {@code lnconform listen}: one listening socket with a fixed harness key; each connection the node
 * under test opens feeds the next initiator-side case, as Autobahn's fuzzing server does for clients.
 */
public final class ListenDialer implements AutoCloseable {

    private final ServerSocket server;
    private final NodeKey key;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final Duration firstWait;
    private final Thread acceptor;

    public ListenDialer(InetSocketAddress listen, Duration firstWait) throws IOException {
        this(listen, firstWait, NodeKey.generate());
    }

    /** As above, with a given harness key, so the URI the node is configured with survives restarts. */
    public ListenDialer(InetSocketAddress listen, Duration firstWait, NodeKey key) throws IOException {
        this.key = key;
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(listen);
        this.firstWait = firstWait;
        this.acceptor = new Thread(this::acceptLoop, "lnconform-listen");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** The URI to give the node under test: {@code <harness key>@host:port}. */
    public NodeUri uri() {
        InetSocketAddress a = (InetSocketAddress) server.getLocalSocketAddress();
        return new NodeUri(key.publicKey(), a.getAddress().getHostAddress(), a.getPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A dialer for one case: it takes the next connection the node opens. */
    public NodeDialer forCase() {
        return new NodeDialer() {
            @Override
            public InboundConnection await(Trace trace, Bounds bounds) throws CaseError {
                try {
                    Socket s = accepted.poll(firstWait.toMillis(), TimeUnit.MILLISECONDS);
                    if (s == null) {
                        throw new CaseError("the node did not connect to " + uri() + " within "
                                + firstWait.toSeconds() + " s");
                    }
                    return new InboundConnection(ProbeConnection.accepted(s, trace), key);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CaseError("interrupted while waiting for the node");
                } catch (IOException e) {
                    throw new CaseError("accepting the node's connection failed: " + e.getMessage(), e);
                }
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        Socket s;
        while ((s = accepted.poll()) != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
