package org.lnconform.containers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for containers on the host network, where ports cannot be mapped
 * and each node must be told its own. Ports are taken below the kernel's ephemeral range so that
 * outgoing connections (the harness opens hundreds) never take a port a node is about to bind.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    /** Ports handed out by this JVM: never handed out twice, so one node's listeners never share a port. */
    private static final Set<Integer> HANDED = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port that is free on 127.0.0.1 now (another process may still take it before the node binds it). */
    public static int pick() {
        int ephemeralLow = ephemeralRangeStart();
        if (ephemeralLow - LOWEST >= 1000) {
            for (int attempt = 0; attempt < 50; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralLow);
                if (isFree(port) && HANDED.add(port)) {
                    return port;
                }
            }
        }
        // the kernel may give the same ephemeral port to two sockets in a row once the first is closed
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 that this process has not handed out yet");
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768; // Linux default
        }
    }
}
