package org.lnconform.harness.target;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;

/** Any node the user points at with {@code <pubkey>@host:port}; it cannot be asked to dial out. */
public final class UriTarget implements Target {

    private final NodeUri uri;
    private final String name;

    /**
     * Parses {@code <pubkey>@host:port} and checks that the public key is a point on secp256k1
     * in compressed form: anything else is a usage error, not something to test a node with.
     */
    public static NodeUri parseUri(String s) {
        NodeUri uri = NodeUri.parse(s);
        if (!Secp256k1Points.isValidCompressed(Bytes.of(uri.publicKey()))) {
            throw new IllegalArgumentException("the public key " + uri.publicKeyHex() + " is not a valid compressed"
                    + " secp256k1 point (33 bytes, 02 or 03 then an x on the curve)");
        }
        return uri;
    }

    public UriTarget(NodeUri uri, String name) {
        this.uri = uri;
        this.name = name;
    }

    @Override
    public NodeUri uri() {
        return uri;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("implementation", "unknown");
        m.put("uri", uri.toString());
        return m;
    }

    @Override
    public void close() {}
}
