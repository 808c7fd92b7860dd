package org.lnconform.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lnconform.peer.Deviation;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.PeerConfig;
import org.lnconform.wire.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lnconform node}: runs the reference node until stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run the lnconform reference node: prints its URI and serves peers until stopped.")
final class NodeCommand implements Callable<Integer> {

    @Option(names = "--listen", defaultValue = "127.0.0.1:9735", paramLabel = "HOST:PORT",
            description = "Listening address (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--features", split = ",", paramLabel = "BIT", description = "Feature bits to advertise in init (default: 5,27,61).")
    List<Integer> features;

    @Option(names = "--network", paramLabel = "CHAIN", description = "regtest (default), mainnet, or a 32-byte chain hash in hex (repeatable).")
    List<String> networks = new ArrayList<>();

    @Option(names = "--ping-interval", defaultValue = "30", description = "Keep-alive ping period in seconds, 0 for none (default: ${DEFAULT-VALUE}).")
    long pingInterval;

    @Option(names = "--deviation", paramLabel = "NAME", description = "Break one rule on purpose (repeatable); see --list-deviations.")
    List<String> deviations = new ArrayList<>();

    @Option(names = "--key", paramLabel = "FILE|HEX", description = "The node's static private key (64 hex digits,"
            + " or a file holding them), so its URI stays the same across starts (default: a fresh key).")
    String key;

    @Spec
    CommandSpec spec;

    @Option(names = "--list-deviations", description = "List the deviation switches and exit.")
    boolean listDeviations;

    @Option(names = "-v", description = "Wire trace: -v a line per message, -vv with plaintext and ciphertext hex.")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() throws Exception {
        if (listDeviations) {
            for (Deviation d : Deviation.values()) {
                System.out.printf("%-36s %s%n", d.cliName(), d.description());
            }
            return Main.OK;
        }
        PeerConfig config = PeerConfig.defaults().withPingInterval(Duration.ofSeconds(pingInterval))
                .withPingAfterInit(pingInterval > 0);
        if (features != null) {
            config = config.withFeatureBits(new TreeSet<>(features));
        }
        if (!networks.isEmpty()) {
            List<Bytes> chains = new ArrayList<>();
            for (String n : networks) {
                chains.add(switch (n) {
                    case "regtest" -> PeerConfig.BITCOIN_REGTEST;
                    case "mainnet" -> PeerConfig.BITCOIN_MAINNET;
                    default -> Bytes.fromHex(n);
                });
            }
            config = config.withNetworks(chains);
        }
        Set<Deviation> d = EnumSet.noneOf(Deviation.class);
        for (String s : deviations) {
            try {
                d.add(Deviation.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "unknown deviation '" + s + "' (see --list-deviations)");
            }
        }
        config = config.withDeviations(d);
        InetSocketAddress address = HostPort.parse(spec.commandLine(), "--listen", listen);
        LightningNode node = LightningNode.create(KeyOption.parse(spec.commandLine(), key), config);
        if (verbose.length > 0) {
            node.withWireTrace(System.out::println, verbose.length);
        }
        node.listen(address);
        System.out.println(node.uri());
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stop.countDown();
        }));
        stop.await();
        return Main.OK;
    }
}
