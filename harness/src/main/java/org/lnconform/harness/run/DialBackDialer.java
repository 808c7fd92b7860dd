package org.lnconform.harness.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.Trace;
import org.lnconform.harness.target.Target;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;

/** Opens a loopback listener for one case and asks the target (through its admin API) to dial it. */
public final class DialBackDialer implements NodeDialer {

    private final Target.DialBack dialBack;
    private ServerSocket server;

    public DialBackDialer(Target.DialBack dialBack) {
        this.dialBack = dialBack;
    }

    @Override
    public InboundConnection await(Trace trace, Bounds bounds) throws CaseError {
        NodeKey key = NodeKey.generate();
        try {
            server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            int port = server.getLocalPort();
            NodeUri uri = new NodeUri(key.publicKey(), "127.0.0.1", port);
            trace.note("dial-back", "asked the node to dial " + uri);
            dialBack.dial(uri);
            server.setSoTimeout((int) (bounds.connect().toMillis() + bounds.act().toMillis()));
            Socket s = server.accept();
            return new InboundConnection(ProbeConnection.accepted(s, trace), key);
        } catch (SocketTimeoutException e) {
            throw new CaseError("the node did not dial the harness within the bound");
        } catch (Exception e) {
            throw new CaseError("could not get the node to dial the harness: " + e.getMessage(), e);
        }
    }

    @Override
    public void release() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** The address the listener was bound to (for diagnostics). */
    public InetSocketAddress address() {
        return server == null ? null : (InetSocketAddress) server.getLocalSocketAddress();
    }
}
