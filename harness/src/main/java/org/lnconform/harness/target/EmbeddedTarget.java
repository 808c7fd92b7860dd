package org.lnconform.harness.target;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lnconform.peer.Deviation;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.NodeUri;
import org.lnconform.peer.PeerConfig;

/** The built-in reference node, started in this JVM on a free loopback port; the default target. */
public final class EmbeddedTarget implements Target {

    private final LightningNode node;
    private final Set<Deviation> deviations;

    private EmbeddedTarget(LightningNode node, Set<Deviation> deviations) {
        this.node = node;
        this.deviations = deviations;
    }

    /** Starts a reference node, with deviations if any are given (self-testing only). */
    public static EmbeddedTarget start(Set<Deviation> deviations) {
        return start(PeerConfig.defaults(), deviations);
    }

    /** Starts a reference node configured as {@code base}, with deviations if any are given (self-testing only). */
    public static EmbeddedTarget start(PeerConfig base, Set<Deviation> deviations) {
        PeerConfig config = base.withDeviations(deviations);
        LightningNode n = LightningNode.create(config);
        try {
            n.listen(new InetSocketAddress("127.0.0.1", 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            n.close();
            throw new IllegalStateException("interrupted while starting the reference node", e);
        }
        return new EmbeddedTarget(n, deviations);
    }

    public static EmbeddedTarget start() {
        return start(Set.of());
    }

    public LightningNode node() {
        return node;
    }

    @Override
    public NodeUri uri() {
        return node.uri();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", deviations.isEmpty() ? "reference" : "reference+" + deviations.stream()
                .map(Deviation::cliName).sorted().collect(Collectors.joining(",")));
        m.put("implementation", "lnconform reference node");
        m.put("version", Optional.ofNullable(EmbeddedTarget.class.getPackage().getImplementationVersion())
                .orElse("dev"));
        m.put("uri", node.uri().toString());
        return m;
    }

    @Override
    public Optional<DialBack> dialBack() {
        return Optional.of(harness -> node.connect(harness));
    }

    @Override
    public void close() {
        node.close();
    }
}
