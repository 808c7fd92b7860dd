package org.lnconform.harness.probe;

import java.io.Closeable;
import java.time.Duration;
import org.lnconform.noise.Session;
import org.lnconform.noise.TransportException;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageRegistry;

/** A probe connection after a successful handshake: message-level sends and bounded reads. */
public final class ProbeSession implements Closeable {

    private final ProbeConnection conn;
    private final Session session;
    private volatile org.lnconform.wire.message.Init nodeInit;
    private int messagesRead;
    /** The length of a frame whose header was read but whose body has not arrived yet, or -1. */
    private int pendingLength = -1;
    private byte[] pendingHeader;

    public ProbeSession(ProbeConnection conn, Session session) {
        this.conn = conn;
        this.session = session;
    }

    public ProbeConnection connection() {
        return conn;
    }

    public Trace trace() {
        return conn.trace();
    }

    public Session session() {
        return session;
    }

    /** Bytes read from the node on this connection. */
    public long bytesRead() {
        return conn.bytesRead();
    }

    /** Messages read from the node on this connection. */
    public int messagesRead() {
        return messagesRead;
    }

    /** The init the node sent on this connection, once read. */
    public org.lnconform.wire.message.Init nodeInit() {
        return nodeInit;
    }

    public void nodeInit(org.lnconform.wire.message.Init init) {
        this.nodeInit = init;
    }

    /** Encrypts and sends exact plaintext bytes (type included). False if the node had closed. */
    public boolean sendPlaintext(byte[] plaintext, String summary) {
        int type = plaintext.length >= 2 ? ((plaintext[0] & 0xff) << 8) | (plaintext[1] & 0xff) : -1;
        byte[] frame;
        try {
            frame = session.encryptor().encrypt(plaintext);
        } catch (TransportException e) {
            throw new IllegalArgumentException("harness asked to send an oversize message", e);
        }
        return sendFrame(frame, type < 0 ? "bytes" : MessageRegistry.standard().nameOf(type), plaintext, summary);
    }

    /** Sends a message encoded canonically by our codec. */
    public boolean send(LightningMessage m) {
        return sendPlaintext(LightningMessageCodec.encode(m), summarize(m));
    }

    private boolean sendFrame(byte[] frame, String kind, byte[] plaintext, String summary) {
        conn.trace().sent(kind, plaintext, summary);
        return conn.sendUntraced(frame);
    }

    /**
     * Answers {@code m} if it is a ping that asks for a pong (a well-behaved peer keeps answering
     * the node's pings while a case waits for something else). Returns true if it was a ping.
     */
    public boolean answerIfPing(Incoming.Message m) {
        if (m.decoded() instanceof org.lnconform.wire.message.Ping p) {
            p.expectedPong().ifPresent(this::send);
            return true;
        }
        return false;
    }

    /** Sends raw bytes on the socket (already-encrypted or deliberately broken frames). */
    public boolean sendRaw(byte[] bytes, String kind, String summary) {
        return conn.send(bytes, kind, summary);
    }

    /** Reads the next message within {@code bound}. */
    public Incoming read(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        int len;
        byte[] headerBytes;
        if (pendingLength >= 0) {
            len = pendingLength;
            headerBytes = pendingHeader;
        } else {
            ReadResult header = conn.readExactly(18, bound);
            if (header instanceof ReadResult.Closed c) {
                return new Incoming.Closed(c.reset());
            }
            if (header instanceof ReadResult.Silent s) {
                return new Incoming.Silent(s.partial().length);
            }
            headerBytes = ((ReadResult.Data) header).bytes();
            try {
                len = session.decryptor().decryptLength(headerBytes);
            } catch (TransportException e) {
                conn.trace().note("bad-frame", "node's length header failed: " + e.getMessage());
                return new Incoming.BadFrame(e.getMessage(), headerBytes);
            }
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
        ReadResult body = conn.readExactly(len + 16, left);
        if (body instanceof ReadResult.Closed c) {
            return new Incoming.Closed(c.reset());
        }
        if (body instanceof ReadResult.Silent s) {
            pendingLength = len;
            pendingHeader = headerBytes;
            return new Incoming.Silent(18 + s.partial().length);
        }
        pendingLength = -1;
        pendingHeader = null;
        byte[] plain;
        try {
            plain = session.decryptor().decryptBody(((ReadResult.Data) body).bytes());
        } catch (TransportException e) {
            conn.trace().note("bad-frame", "node's message body failed: " + e.getMessage());
            byte[] raw = new byte[18 + len + 16];
            System.arraycopy(headerBytes, 0, raw, 0, 18);
            System.arraycopy(((ReadResult.Data) body).bytes(), 0, raw, 18, len + 16);
            return new Incoming.BadFrame(e.getMessage(), raw);
        }
        int type = plain.length >= 2 ? ((plain[0] & 0xff) << 8) | (plain[1] & 0xff) : -1;
        if (++messagesRead > Bounds.MAX_MESSAGES_PER_CONNECTION) {
            conn.trace().note("limit", "more than " + Bounds.MAX_MESSAGES_PER_CONNECTION + " messages read; harness stops reading");
            conn.close();
            throw new LimitExceeded("the node sent more than " + Bounds.MAX_MESSAGES_PER_CONNECTION
                    + " messages on one connection; the harness stopped reading (a bound of the harness, not a verdict)");
        }
        try {
            LightningMessage m = LightningMessageCodec.decode(plain);
            conn.trace().add(org.lnconform.harness.model.TraceEvent.Direction.RECEIVED, MessageRegistry.standard().nameOf(type),
                    plain, summarize(m));
            return new Incoming.Message(type, plain, m, null);
        } catch (WireException e) {
            conn.trace().add(org.lnconform.harness.model.TraceEvent.Direction.RECEIVED, MessageRegistry.standard().nameOf(type),
                    plain, "undecodable: " + e.getMessage());
            return new Incoming.Message(type, plain, null, e);
        }
    }

    static String summarize(LightningMessage m) {
        return WireText.message(m);
    }

    @Override
    public void close() {
        conn.close();
    }
}
