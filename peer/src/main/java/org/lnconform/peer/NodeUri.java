package org.lnconform.peer;

import java.net.InetSocketAddress;
import org.lnconform.noise.Hex;

/** A node's address as {@code <33-byte pubkey hex>@host:port}. */
public record NodeUri(byte[] publicKey, String host, int port) {

    public NodeUri {
        if (publicKey.length != 33) {
            throw new IllegalArgumentException("a node id is a 33-byte compressed public key");
        }
        publicKey = publicKey.clone();
    }

    /** Parses {@code pubkey@host:port}; IPv6 hosts are written in brackets. */
    public static NodeUri parse(String s) {
        int at = s.indexOf('@');
        if (at != 66) {
            throw new IllegalArgumentException("expected <66 hex digits>@host:port, got '" + s + "'");
        }
        byte[] key = Hex.decode(s.substring(0, at));
        String hostPort = s.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("missing :port in '" + s + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + s + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + s + "'");
        }
        return new NodeUri(key, host, port);
    }

    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return publicKeyHex() + "@" + h + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeUri u && java.util.Arrays.equals(publicKey, u.publicKey)
                && host.equals(u.host) && port == u.port;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(publicKey) * 31 + host.hashCode() * 17 + port;
    }
}
