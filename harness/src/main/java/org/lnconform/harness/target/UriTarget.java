package org.lnconform.harness.target;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lnconform.peer.NodeUri;

/** Any node the user points at with {@code <pubkey>@host:port}; it cannot be asked to dial out. */
public final class UriTarget implements Target {

    private final NodeUri uri;
    private final String name;

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
