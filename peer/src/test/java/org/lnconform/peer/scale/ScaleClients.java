package org.lnconform.peer.scale;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.peer.NodeUri;

/**
 * The client side of {@link IdleConnectionsScale}, run in its own JVM so the node's heap holds only
 * the node's side: opens N connections with distinct keys (handshake and init), prints READY and
 * the set-up rate, then holds them idle until its standard input closes.
 */
public final class ScaleClients {

    private ScaleClients() {}

    public static void main(String[] args) throws Exception {
        NodeUri uri = NodeUri.parse(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>(n));
        int threads = 4;
        // warm-up: JIT and class loading on both sides, not counted
        for (int i = 0; i < 300; i++) {
            open(uri).close();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int count = n / threads + (t < n % threads ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < count; i++) {
                    sockets.add(open(uri));
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("READY %d connections in %.2f s (%d client threads): %.0f handshakes+init per second%n",
                n, secs, threads, n / secs);
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the connections until the parent closes our stdin
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static Socket open(NodeUri uri) throws Exception {
        byte[] init = {0, 16, 0, 0, 0, 0}; // init: no globalfeatures, no features, no TLVs
        {
            Socket s = new Socket(uri.host(), uri.port());
            s.setSoTimeout(20_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            var one = Handshake.initiator(NodeKey.generate(), uri.publicKey()).actOne();
            out.write(one.bytes());
            byte[] act2 = new byte[50];
            in.readFully(act2);
            var three = one.next().readActTwo(act2);
            out.write(three.bytes());
            Session session = three.session();
            out.write(session.encryptor().encrypt(init));
            byte[] header = new byte[18];
            in.readFully(header); // the node's init: read it so the connection is fully up
            int len = session.decryptor().decryptLength(header);
            byte[] body = new byte[len + 16];
            in.readFully(body);
            session.decryptor().decryptBody(body);
            return s;
        }
    }
}
