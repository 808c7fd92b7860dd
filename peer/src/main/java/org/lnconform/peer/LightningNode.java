package org.lnconform.peer;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.Hex;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.peer.pipeline.HandshakeHandler;
import org.lnconform.peer.pipeline.MessageDecoder;
import org.lnconform.peer.pipeline.MessageEncoder;
import org.lnconform.wire.feature.FeatureTable;

/**
 * A Lightning node that speaks BOLT 8 and BOLT 1 and nothing more: it listens, accepts many
 * peers, keeps one connection per peer key, dials out with backoff, and serves as the suite's
 * reference node and its embedded default target. What it does at each decision point comes
 * from its tampers ({@link Bolt1Tamper}, {@link GossipTamper}, {@link FundeeTamper}), chosen here
 * once: the spec's answers unless its configuration says otherwise.
 */
public final class LightningNode implements AutoCloseable {

    private final NodeKey key;
    private final PeerConfig config;
    private final CryptoProvider crypto;
    private final FeatureTable table = FeatureTable.bolt9();
    private final Bolt1Tamper tamper;
    private final GossipTamper gossipTamper;
    private final FundeeTamper fundeeTamper;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<Consumer<Peer>> readyListeners = new ArrayList<>();
    private final List<Consumer<Peer>> closeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lnconform-node-dialer");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<String> wireTrace;
    private volatile int traceVerbosity = 1;
    private Channel server;
    private InetSocketAddress listenAddress;

    private LightningNode(NodeKey key, PeerConfig config, CryptoProvider crypto, int threads) {
        this.key = key;
        this.config = config;
        this.crypto = crypto;
        // the composition root picks the behaviour: the spec's, unless the config switches deviations on
        this.tamper = Deviations.of(config, table);
        this.gossipTamper = GossipDeviations.of(config);
        this.fundeeTamper = FundeeDeviations.of(config);
        this.boss = new NioEventLoopGroup(1);
        this.workers = new NioEventLoopGroup(threads);
    }

    /** A node with the given key and behaviour; call {@link #listen} to accept peers. */
    public static LightningNode create(NodeKey key, PeerConfig config) {
        return new LightningNode(key, config, CryptoProvider.defaults(), 0);
    }

    /** A node with a fresh random key. */
    public static LightningNode create(PeerConfig config) {
        return create(NodeKey.generate(), config);
    }

    /** Logs a line per message in and out (no secrets) to {@code sink}. */
    public LightningNode withWireTrace(Consumer<String> sink) {
        return withWireTrace(sink, 1);
    }

    /** As above; verbosity 2 adds plaintext hex and the ciphertext on the wire. */
    public LightningNode withWireTrace(Consumer<String> sink, int verbosity) {
        this.wireTrace = sink;
        this.traceVerbosity = verbosity;
        return this;
    }

    /** Starts listening; port 0 picks a free port. */
    public LightningNode listen(InetSocketAddress address) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, tamper.allowHalfClosure())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        setUp(ch, false, null);
                    }
                });
        server = b.bind(address).sync().channel();
        listenAddress = (InetSocketAddress) server.localAddress();
        return this;
    }

    private void setUp(SocketChannel ch, boolean initiator, byte[] remoteStatic) {
        Peer peer = new Peer(ch, initiator);
        HandshakeHandler.Tamper handshakeTamper = tamper.handshake();
        HandshakeHandler hs = initiator
                ? HandshakeHandler.initiator(Handshake.initiator(key, remoteStatic, crypto,
                        org.lnconform.noise.EphemeralKeys.secureRandom()), config.actTimeout(), handshakeTamper)
                : HandshakeHandler.responder(Handshake.responder(key, crypto,
                        org.lnconform.noise.EphemeralKeys.secureRandom()), config.actTimeout(), handshakeTamper);
        Consumer<String> trace = wireTrace;
        if (trace != null && traceVerbosity >= 2) {
            ch.pipeline().addLast("ciphertext-trace", new CiphertextTraceHandler(trace));
        }
        ch.pipeline().addLast("write-timeout", new WriteTimeoutHandler(config.writeTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("bolt8-handshake", hs);
        ch.pipeline().addLast(MessageEncoder.NAME, new MessageEncoder());
        ch.pipeline().addLast(MessageDecoder.NAME, new MessageDecoder());
        if (trace != null) {
            ch.pipeline().addLast("wire-trace", new WireTraceHandler(trace, traceVerbosity));
        }
        ch.pipeline().addLast("bolt1-peer", new PeerHandler(peer, config, table, hooks, tamper, gossipTamper, fundeeTamper));
        peer.ready().thenAccept(p -> readyListeners.forEach(l -> l.accept(p)));
        peer.closeFuture().thenAccept(r -> closeListeners.forEach(l -> l.accept(peer)));
    }

    private final PeerHandler.Hooks hooks = new PeerHandler.Hooks() {
        @Override
        public boolean authenticated(Peer peer) {
            if (tamper.keepsDuplicateConnections()) {
                peers.put(peer.remoteKeyHex() + "#" + System.identityHashCode(peer), peer);
                return true;
            }
            String id = peer.remoteKeyHex();
            synchronized (peers) {
                Peer existing = peers.get(id);
                if (existing != null && existing.isOpen() && simultaneous(existing, peer)) {
                    // BOLT 1 (B1-CONN-01): one connection per peer. Two dials crossing each other:
                    // both sides keep the connection initiated by the node with the lower key.
                    boolean keepNew = (peer.initiator() ? compare(key.publicKey(), peer.remoteKey().get())
                            : compare(peer.remoteKey().get(), key.publicKey())) < 0;
                    if (!keepNew) {
                        return false;
                    }
                }
                peers.put(id, peer);
                if (existing != null && existing != peer) {
                    existing.handler.disconnect(DisconnectReason.of(DisconnectReason.Kind.DUPLICATE_CONNECTION,
                            "replaced by a newer connection from the same peer"));
                }
                return true;
            }
        }

        @Override
        public void closed(Peer peer) {
            peers.entrySet().removeIf(e -> e.getValue() == peer);
        }
    };

    private static boolean simultaneous(Peer a, Peer b) {
        return a.initiator() != b.initiator() && a.ageNanos() < TimeUnit.SECONDS.toNanos(2) && !a.ready().isDone();
    }

    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** Runs {@code l} for every connection that ends, handshake failures included (its close future says why). */
    public void onPeerClosed(Consumer<Peer> l) {
        closeListeners.add(l);
    }

    /** Runs {@code l} for every peer whose init exchange completed. */
    public void onPeerReady(Consumer<Peer> l) {
        readyListeners.add(l);
    }

    /**
     * Dials {@code uri}, retrying with exponential backoff (100 ms doubling) up to {@code attempts}
     * times; completes when both inits were exchanged.
     */
    public CompletableFuture<Peer> connect(NodeUri uri, int attempts) {
        CompletableFuture<Peer> result = new CompletableFuture<>();
        dial(uri, attempts, 1, Duration.ofMillis(100), result);
        return result;
    }

    /** Dials once. */
    public CompletableFuture<Peer> connect(NodeUri uri) {
        return connect(uri, 1);
    }

    private void dial(NodeUri uri, int attempts, int attempt, Duration backoff, CompletableFuture<Peer> result) {
        Bootstrap b = new Bootstrap()
                .group(workers)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.actTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        setUp(ch, true, uri.publicKey());
                    }
                });
        b.connect(uri.address()).addListener(f -> {
            if (!f.isSuccess()) {
                retry(uri, attempts, attempt, backoff, result, f.cause());
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            Peer peer = ch.pipeline().get(PeerHandler.class).peer();
            peer.ready().whenComplete((p, err) -> {
                if (err == null) {
                    result.complete(p);
                } else {
                    retry(uri, attempts, attempt, backoff, result, err);
                }
            });
        });
    }

    private void retry(NodeUri uri, int attempts, int attempt, Duration backoff, CompletableFuture<Peer> result,
            Throwable cause) {
        if (attempt >= attempts) {
            result.completeExceptionally(cause);
            return;
        }
        scheduler.schedule(() -> dial(uri, attempts, attempt + 1, backoff.multipliedBy(2), result),
                backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The node's id and listening address, {@code <pubkey>@host:port}. */
    public NodeUri uri() {
        if (listenAddress == null) {
            throw new IllegalStateException("not listening");
        }
        return new NodeUri(key.publicKey(), listenAddress.getAddress().getHostAddress(), listenAddress.getPort());
    }

    public NodeKey key() {
        return key;
    }

    public PeerConfig config() {
        return config;
    }

    /** Connections that completed the handshake and are still open, one per peer key. */
    public List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    public String publicKeyHex() {
        return Hex.encode(key.publicKey());
    }

    /** Closes every connection and the listener, waiting at most a few seconds. */
    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        for (Peer p : peers()) {
            p.close();
        }
        scheduler.shutdownNow();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
