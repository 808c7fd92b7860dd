package org.lnconform.peer;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.lnconform.noise.Hex;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;

/**
 * One live connection with a remote node, after the BOLT 8 handshake. Any thread may send; the
 * messages are written in order on the connection's event loop. {@link #ready()} completes when
 * both inits were exchanged and accepted, {@link #closeFuture()} with the reason it ended.
 */
public final class Peer {

    /** Messages kept for {@link #poll} before the oldest are dropped (and counted). */
    public static final int INBOX_CAPACITY = 4096;

    private final Channel channel;
    private final boolean initiator;
    private final CompletableFuture<Peer> ready = new CompletableFuture<>();
    private final CompletableFuture<DisconnectReason> closed = new CompletableFuture<>();
    // linked, so an idle connection does not hold a 4096-slot array
    private final BlockingQueue<LightningMessage> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final long createdNanos = System.nanoTime();
    private volatile byte[] remoteKey;
    private volatile Init remoteInit;
    private volatile Consumer<LightningMessage> listener = m -> {};
    volatile Lifecycle handler;

    Peer(Channel channel, boolean initiator) {
        this.channel = channel;
        this.initiator = initiator;
    }

    /** True if we dialled this connection. */
    public boolean initiator() {
        return initiator;
    }

    /** The peer's static key, once the handshake authenticated it. */
    public Optional<byte[]> remoteKey() {
        byte[] k = remoteKey;
        return k == null ? Optional.empty() : Optional.of(k.clone());
    }

    public String remoteKeyHex() {
        byte[] k = remoteKey;
        return k == null ? "?" : Hex.encode(k);
    }

    /** The init the peer sent, once received. */
    public Optional<Init> remoteInit() {
        return Optional.ofNullable(remoteInit);
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** Completes when both inits were exchanged; fails if the connection ends first. */
    public CompletableFuture<Peer> ready() {
        return ready;
    }

    /** Completes once, with why the connection ended. */
    public CompletableFuture<DisconnectReason> closeFuture() {
        return closed;
    }

    /** False while the outbound buffer is above its high-water mark (sends would be refused). */
    public boolean writable() {
        return channel.isWritable();
    }

    public boolean isOpen() {
        return channel.isActive() && !closed.isDone();
    }

    /**
     * Receives the messages that arrive after init, except pings (the node answers them itself)
     * and pongs answering its own keep-alive pings. Called on the event loop: do not block in it.
     */
    public void onMessage(Consumer<LightningMessage> l) {
        this.listener = l;
    }

    /** The next received message (after init), waiting at most {@code timeout}; empty if none came. */
    public Optional<LightningMessage> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Messages dropped because the inbox was full. */
    public long droppedMessages() {
        return dropped.get();
    }

    /**
     * Sends a message. If the outbound buffer is over its high-water mark the returned future
     * fails at once with {@link BackPressureException}: memory stays bounded.
     */
    public CompletableFuture<Void> send(LightningMessage message) {
        return write(message);
    }

    /** Sends exact plaintext bytes (type included) as one transport message. */
    public CompletableFuture<Void> sendRaw(byte[] plaintext) {
        return write(Unpooled.wrappedBuffer(plaintext.clone()));
    }

    /** Sends a ping and completes with the matching pong, or fails after {@code timeout}. */
    public CompletableFuture<Pong> ping(Ping ping, Duration timeout) {
        Lifecycle h = handler;
        if (h == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        return h.ping(ping, timeout);
    }

    /** Closes the connection; the close future completes with {@link DisconnectReason.Kind#LOCAL_CLOSE}. */
    public CompletableFuture<DisconnectReason> close() {
        Lifecycle h = handler;
        if (h != null) {
            h.disconnect(DisconnectReason.of(DisconnectReason.Kind.LOCAL_CLOSE, "closed by us"));
        } else {
            channel.close();
        }
        return closed;
    }

    long ageNanos() {
        return System.nanoTime() - createdNanos;
    }

    private CompletableFuture<Void> write(Object message) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!channel.isActive()) {
            f.completeExceptionally(new IllegalStateException("connection is closed"));
            return f;
        }
        if (!channel.isWritable()) {
            f.completeExceptionally(new BackPressureException(channel.bytesBeforeWritable()));
            return f;
        }
        channel.writeAndFlush(message).addListener(r -> {
            if (r.isSuccess()) {
                f.complete(null);
            } else {
                f.completeExceptionally(r.cause());
            }
        });
        return f;
    }

    void authenticated(byte[] key) {
        this.remoteKey = key.clone();
    }

    void initReceived(Init init) {
        this.remoteInit = init;
    }

    void markReady() {
        ready.complete(this);
    }

    void deliver(LightningMessage m) {
        while (!inbox.offer(m)) {
            inbox.poll();
            dropped.incrementAndGet();
        }
        listener.accept(m);
    }

    void markClosed(DisconnectReason reason) {
        if (closed.complete(reason)) {
            ready.completeExceptionally(new DisconnectedException(reason));
        }
    }

    @Override
    public String toString() {
        return "Peer[" + remoteKeyHex() + " " + channel.remoteAddress() + (initiator ? " outbound" : " inbound") + "]";
    }

    /** What a connection's lifecycle does for its {@link Peer} (the BOLT 1 handler, once it is in the pipeline). */
    interface Lifecycle {
        /** Sends a ping on the event loop and completes with its pong. */
        CompletableFuture<Pong> ping(Ping ping, Duration timeout);

        /** Closes with a reason (first reason wins). Safe from any thread. */
        void disconnect(DisconnectReason reason);
    }

    /** The outbound buffer is full; try again when the peer has read some data. */
    public static final class BackPressureException extends RuntimeException {
        public BackPressureException(long bytesBeforeWritable) {
            super("outbound buffer full (" + bytesBeforeWritable + " bytes must drain first)");
        }
    }

    /** The connection ended before the operation could complete. */
    public static final class DisconnectedException extends RuntimeException {
        private final DisconnectReason reason;

        public DisconnectedException(DisconnectReason reason) {
            super("disconnected: " + reason);
            this.reason = reason;
        }

        public DisconnectReason reason() {
            return reason;
        }
    }
}
