package org.lnconform.peer.scale;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.PeerConfig;

/**
 * Scale measurement (a benchmark, not a test): one node holding N authenticated, idle
 * connections opened by a client in another JVM. Reports the node's heap per idle connection
 * (heap after full GCs, with and without the connections) and the connection set-up rate.
 *
 * <pre>
 * bash peer/scale.sh 1000 /usr/lib/jvm/temurin-25-jdk-amd64
 * </pre>
 */
public final class IdleConnectionsScale {

    private IdleConnectionsScale() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        PeerConfig config = PeerConfig.defaults().withPingInterval(Duration.ZERO).withPingAfterInit(false);
        try (LightningNode node = LightningNode.create(config).listen(new InetSocketAddress("127.0.0.1", 0))) {
            long before = settledHeap();
            String cp = System.getProperty("java.class.path");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process clients = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", cp, ScaleClients.class.getName(),
                    node.uri().toString(), String.valueOf(n))).redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String ready = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("READY")) {
                    ready = line;
                    break;
                }
                System.out.println("client: " + line);
            }
            if (ready == null) {
                throw new IllegalStateException("the client process ended before READY");
            }
            for (int i = 0; i < 200 && node.peers().size() != n; i++) {
                Thread.sleep(50);
            }
            long with = settledHeap();
            int held = node.peers().size();
            System.out.println(ready.substring(6));
            System.out.printf("node holds %d authenticated idle connections%n", held);
            System.out.printf("node heap: %,d bytes before, %,d with them: %,d bytes per idle connection%n",
                    before, with, (with - before) / Math.max(1, held));
            System.out.printf("JVM %s, %d cores, %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    org.lnconform.noise.crypto.CryptoProvider.defaults().describe());
            clients.getOutputStream().close();
            clients.waitFor();
        }
    }

    private static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
