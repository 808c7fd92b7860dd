package org.lnconform.peer.scale;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.Peer;
import org.lnconform.peer.PeerConfig;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.UnknownMessage;

/**
 * Single-connection throughput through two Netty nodes over loopback, beside the raw transport
 * (encrypt + decrypt of the same messages in one thread) measured in the same JVM: the ratio says
 * what Netty, framing on a socket and the message codec cost. A measurement, not a test.
 *
 * <pre>
 * bash peer/scale.sh throughput [java home]
 * </pre>
 */
public final class ThroughputScale {

    private ThroughputScale() {}

    public static void main(String[] args) throws Exception {
        for (int size : new int[] {32, 1024, 65535}) {
            int count = size >= 65535 ? 20_000 : 200_000;
            double raw = raw(size, count);
            double raw2 = raw(size, count);
            double net = throughNodes(size, count);
            double net2 = throughNodes(size, count);
            double r = Math.max(raw, raw2);
            double n = Math.max(net, net2);
            System.out.printf("%6d B messages: raw transport %8.1f MB/s (%,.0f msg/s); node to node %8.1f MB/s "
                    + "(%,.0f msg/s): %.0f %% of raw%n", size, r / 1e6, r / size, n / 1e6, n / size, 100 * n / r);
        }
        System.out.printf("JVM %s, %d cores, %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                org.lnconform.noise.crypto.CryptoProvider.defaults().describe());
    }

    /** Bytes of message body per second: encrypt and decrypt in one thread. */
    static double raw(int size, int count) throws Exception {
        NodeKey a = NodeKey.generate();
        NodeKey b = NodeKey.generate();
        var one = Handshake.initiator(a, b.publicKey()).actOne();
        var two = Handshake.responder(b).readActOne(one.bytes());
        var three = one.next().readActTwo(two.bytes());
        Session rx = two.next().readActThree(three.bytes());
        Session tx = three.session();
        byte[] msg = new byte[size];
        msg[0] = (byte) 0xfe;
        msg[1] = 0x55;
        byte[] frame = new byte[size + 34];
        byte[] plain = new byte[size];
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            tx.encryptor().encrypt(msg, 0, size, frame, 0);
            rx.decryptor().decryptLength(frame, 0, 18);
            rx.decryptor().decryptBody(frame, 18, size + 16, plain, 0);
        }
        return (double) size * count / ((System.nanoTime() - t0) / 1e9);
    }

    /** Bytes of message per second from one node to another over one loopback connection. */
    static double throughNodes(int size, int count) throws Exception {
        PeerConfig config = PeerConfig.defaults().withPingInterval(Duration.ZERO).withPingAfterInit(false);
        AtomicLong received = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        try (LightningNode server = LightningNode.create(config).listen(new InetSocketAddress("127.0.0.1", 0));
                LightningNode client = LightningNode.create(config)) {
            server.onPeerReady(p -> p.onMessage(m -> {
                if (received.incrementAndGet() == count) {
                    all.countDown();
                }
            }));
            Peer peer = client.connect(server.uri()).get(10, TimeUnit.SECONDS);
            UnknownMessage m = new UnknownMessage(0xfe55, Bytes.zeros(size - 2));
            long t0 = System.nanoTime();
            int sent = 0;
            while (sent < count) {
                // a full outbound buffer refuses the message at once: wait until it drains, then retry
                if (peer.send(m).isCompletedExceptionally()) {
                    if (!peer.isOpen()) {
                        throw new IllegalStateException("connection closed: " + peer.closeFuture().getNow(null));
                    }
                    while (!peer.writable() && peer.isOpen()) {
                        Thread.sleep(0, 200_000);
                    }
                    continue;
                }
                sent++;
            }
            if (!all.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + received.get() + " of " + count + " arrived");
            }
            return (double) size * count / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
