package org.lnconform.harness.probe;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A raw TCP connection the harness fully controls: it sends any bytes, at any point, and every
 * read is bounded. Blocking I/O on purpose: one case, one thread, a clear order of events.
 */
public final class ProbeConnection implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Trace trace;
    private boolean closedSeen;
    private long bytesRead;
    /** Bytes read but not yet consumed: what a read that hit its bound had got so far. */
    private byte[] carry = new byte[0];

    private ProbeConnection(Socket socket, Trace trace) throws IOException {
        this.socket = socket;
        this.socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.trace = trace;
    }

    /** Dials {@code address}, waiting at most {@code timeout} for the TCP connection. */
    public static ProbeConnection connect(InetSocketAddress address, Duration timeout, Trace trace) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(address, (int) timeout.toMillis());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        trace.note("connect", "TCP connected to " + address);
        return new ProbeConnection(s, trace);
    }

    /** Wraps a socket the node opened to us (listen mode). */
    public static ProbeConnection accepted(Socket socket, Trace trace) throws IOException {
        trace.note("accept", "node connected from " + socket.getRemoteSocketAddress());
        return new ProbeConnection(socket, trace);
    }

    public Trace trace() {
        return trace;
    }

    /**
     * Writes bytes. Returns false if the node had already closed the connection (a reset or a
     * broken pipe), which callers treat as an observed close.
     */
    public boolean send(byte[] bytes, String kind, String summary) {
        trace.sent(kind, bytes, summary);
        return sendUntraced(bytes);
    }

    /** Writes bytes without a trace entry (the caller traced a plaintext view of them). */
    public boolean sendUntraced(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            closedSeen = true;
            trace.note("close", "write failed, the node closed: " + e.getMessage());
            return false;
        }
    }

    /** Half-closes: the node reads end-of-stream, we can still read. */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
            trace.note("half-close", "harness shut down its sending side");
        } catch (IOException e) {
            trace.note("half-close", "failed: " + e.getMessage());
        }
    }

    /**
     * Reads exactly {@code n} bytes unless the node closes or {@code bound} passes first. When the
     * bound passes, the partial bytes stay unconsumed: the next read starts with them, so a frame
     * that arrives slowly is not torn apart.
     */
    public ReadResult readExactly(int n, Duration bound) {
        byte[] buf = new byte[n];
        int got = Math.min(carry.length, n);
        System.arraycopy(carry, 0, buf, 0, got);
        carry = carry.length > n ? Arrays.copyOfRange(carry, n, carry.length) : new byte[0];
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (got < n) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return silent(buf, got);
                }
                socket.setSoTimeout((int) Math.max(1, left));
                int r;
                try {
                    r = in.read(buf, got, n - got);
                } catch (SocketTimeoutException e) {
                    return silent(buf, got);
                }
                if (r < 0) {
                    closedSeen = true;
                    trace.note("close", "node closed the connection (FIN)");
                    return new ReadResult.Closed(Arrays.copyOf(buf, got), false);
                }
                got += r;
                bytesRead += r;
                if (bytesRead > Bounds.MAX_BYTES_PER_CONNECTION) {
                    trace.note("limit", "more than " + Bounds.MAX_BYTES_PER_CONNECTION + " bytes read; harness stops reading");
                    close();
                    throw new LimitExceeded("the node sent more than " + (Bounds.MAX_BYTES_PER_CONNECTION >> 20)
                            + " MiB on one connection; the harness stopped reading (a bound of the harness, not a verdict)");
                }
            }
            return new ReadResult.Data(buf);
        } catch (SocketException e) {
            closedSeen = true;
            trace.note("close", "connection reset by node: " + e.getMessage());
            return new ReadResult.Closed(Arrays.copyOf(buf, got), true);
        } catch (IOException e) {
            closedSeen = true;
            trace.note("close", "read failed: " + e.getMessage());
            return new ReadResult.Closed(Arrays.copyOf(buf, got), true);
        }
    }

    private ReadResult silent(byte[] buf, int got) {
        carry = Arrays.copyOf(buf, got);
        return new ReadResult.Silent(Arrays.copyOf(buf, got));
    }

    /** Bytes read from the node so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** True once a close was observed. */
    public boolean closedSeen() {
        return closedSeen;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
