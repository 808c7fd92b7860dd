package org.lnconform.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lnconform.harness.target.Target;
import org.lnconform.noise.Hex;
import org.lnconform.peer.NodeUri;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Core Lightning in regtest. Host networking, P2P on 127.0.0.1. Ready when {@code lightningd} logs
 * "Server started with public key …", which also carries the node id, alias and version. Dial-back
 * runs {@code lightning-cli connect} inside the container.
 *
 * <p>Two chain set-ups:
 * <ul>
 *   <li><b>stand-in</b> ({@link #ClnContainer(DockerImageName)}, for lnconform's local image
 *       {@link #LOCAL_IMAGE}, built by {@code .ci/images.sh cln}): no bitcoind. The image's
 *       entrypoint runs {@code lightningd --network=regtest --lightning-dir=/tmp/lightning
 *       --disable-plugin=bcli --plugin=…/lnconform-chain}, our backend plugin that serves regtest
 *       with the genesis block and block 1 (containers/images/cln/backend). Enough for the peer protocol;
 *       anything that needs a transaction makes the backend answer with an error, which stops
 *       lightningd.</li>
 *   <li><b>bitcoind</b> ({@link #ClnContainer(DockerImageName, BitcoindContainer)}, default image
 *       {@code elementsproject/lightningd:v25.12.1}, whose entrypoint runs
 *       {@code lightningd --network=$LIGHTNINGD_NETWORK "$@"}): a real regtest bitcoind next to it.
 *       Not run on lnconform's build machine (no image can be pulled there).</li>
 * </ul>
 */
public class ClnContainer extends GenericContainer<ClnContainer> implements LightningNodeContainer {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("elementsproject/lightningd");
    public static final String DEFAULT_TAG = "v25.12.1";
    /** lnconform's own build of Core Lightning v26.06.6 with the stand-in chain backend (.ci/images.sh cln). */
    public static final DockerImageName LOCAL_IMAGE = DockerImageName.parse("lnconform/cln:26.06.6-local");
    /** Where the local image's entrypoint puts lightningd's directory (the RPC socket lives in its regtest/). */
    static final String LOCAL_LIGHTNING_DIR = "/tmp/lightning";

    private static final DockerImageName LOCAL_REPOSITORY = DockerImageName.parse("lnconform/cln");

    /** lightningd's log line once the node runs (lightningd/lightningd.c). */
    private static final Pattern STARTED = Pattern.compile(
            "Server started with public key ([0-9a-f]{66}), alias (.*?) \\(color #([0-9a-f]{6})\\) and lightningd (\\S+)");
    private static final long CONNECT_TIMEOUT_SECONDS = 20;

    /** What the "Server started" line says. */
    public record StartedLine(String nodeId, String alias, String color, String version) {}

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    /** Null in stand-in mode. */
    private final BitcoindContainer bitcoind;
    private final int p2pPort = FreePorts.pick();
    private final List<String> extraArgs = new ArrayList<>();
    private Consumer<String> dialBackFailures = s -> { };
    private StartedLine started;

    public ClnContainer(BitcoindContainer bitcoind) {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG), bitcoind);
    }

    /** The bitcoind set-up: {@code image} must follow the official image's conventions. */
    public ClnContainer(DockerImageName image, BitcoindContainer bitcoind) {
        this(Objects.requireNonNull(bitcoind, "bitcoind"), image);
    }

    /** The stand-in set-up: {@code image} must follow the local image's conventions (see the class comment). */
    public ClnContainer(DockerImageName image) {
        this(null, image);
    }

    /** The local image with the stand-in chain backend. */
    public static ClnContainer local() {
        return new ClnContainer(LOCAL_IMAGE);
    }

    private ClnContainer(BitcoindContainer bitcoind, DockerImageName image) {
        super(image);
        this.imageName = image;
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME, LOCAL_REPOSITORY);
        this.bitcoind = bitcoind;
        if (bitcoind != null) {
            dependsOn(bitcoind);
            withEnv("LIGHTNINGD_NETWORK", "regtest");
        }
        setWaitStrategy(Wait.forLogMessage(".*Server started with public key.*\\n", 1));
        withStartupTimeout(Duration.ofSeconds(90));
    }

    /** Whether an image name is lnconform's local build (stand-in chain) rather than a bitcoind-backed one. */
    public static boolean isLocalImage(DockerImageName image) {
        return image.getRepository().equals(LOCAL_REPOSITORY.getRepository());
    }

    /** True without bitcoind (the local image's stand-in chain backend). */
    public boolean usesStandInChain() {
        return bitcoind == null;
    }

    /** Any further lightningd option, e.g. {@code --log-level=io}. */
    public ClnContainer withLightningdArgs(String... args) {
        extraArgs.addAll(List.of(args));
        return self();
    }

    public ClnContainer withDialBackFailures(Consumer<String> sink) {
        this.dialBackFailures = sink;
        return self();
    }

    @Override
    protected void configure() {
        withNetworkMode("host");
        withCommand(lightningdArgs().toArray(String[]::new));
    }

    /**
     * The options after the entrypoint's: bitcoind RPC (bitcoind set-up only; lightningd refuses
     * them once bcli is disabled), the P2P address, debug logging.
     */
    List<String> lightningdArgs() {
        List<String> args = new ArrayList<>();
        if (bitcoind != null) {
            args.addAll(List.of(
                    "--bitcoin-rpcconnect=127.0.0.1",
                    "--bitcoin-rpcport=" + bitcoind.getRpcPort(),
                    "--bitcoin-rpcuser=" + bitcoind.getRpcUser(),
                    "--bitcoin-rpcpassword=" + bitcoind.getRpcPassword()));
        }
        args.add("--bind-addr=127.0.0.1:" + p2pPort);
        args.add("--log-level=debug");
        args.addAll(extraArgs);
        return args;
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        started = parseStartedLine(getLogs()).orElseThrow(() -> new ContainerLaunchException(
                "lightningd logged no parsable 'Server started' line; last log lines:\n" + LogTail.of(this, 25)));
    }

    /** The node id, alias and version from lightningd's "Server started with public key" line. */
    static Optional<StartedLine> parseStartedLine(String logs) {
        Matcher m = STARTED.matcher(logs);
        return m.find() ? Optional.of(new StartedLine(m.group(1), m.group(2), m.group(3), m.group(4)))
                : Optional.empty();
    }

    /**
     * The {@code lightning-cli connect} command that makes the node dial {@code peer}; the local
     * image keeps its lightning directory under /tmp, the official one in lightning-cli's default.
     */
    List<String> connectCommand(NodeUri peer) {
        List<String> cmd = new ArrayList<>(List.of("lightning-cli", "--network=regtest"));
        if (bitcoind == null) {
            cmd.add("--lightning-dir=" + LOCAL_LIGHTNING_DIR);
        }
        cmd.addAll(List.of("connect", peer.toString()));
        return cmd;
    }

    /** Runs {@code lightning-cli connect} in the container and waits for it (bounded). */
    public void connectPeer(NodeUri peer) throws Exception {
        String[] cmd = connectCommand(peer).toArray(String[]::new);
        ExecResult r = execInContainerWithTimeout(cmd);
        if (r.getExitCode() != 0) {
            throw new IllegalStateException("lightning-cli connect exited " + r.getExitCode() + ": " + r.getStderr()
                    + r.getStdout());
        }
    }

    private ExecResult execInContainerWithTimeout(String[] cmd) throws Exception {
        // execInContainer has no timeout of its own
        FutureTask<ExecResult> task = new FutureTask<>(() -> execInContainer(cmd));
        Thread t = new Thread(task, "lnconform-cln-exec");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            task.cancel(true);
        }
    }

    @Override
    public Optional<Target.DialBack> dialBack() {
        return Optional.of(new AsyncDialBack(this::connectPeer, dialBackFailures));
    }

    @Override
    public NodeUri getNodeUri() {
        if (started == null) {
            throw new IllegalStateException("lightningd is not started");
        }
        return new NodeUri(Hex.decode(started.nodeId()), "127.0.0.1", p2pPort);
    }

    @Override
    public String getImplementation() {
        return "cln";
    }

    @Override
    public String getNodeVersion() {
        return started == null ? null : started.version();
    }

    @Override
    public String getImageName() {
        return imageName.asCanonicalNameString();
    }

    public int getP2pPort() {
        return p2pPort;
    }

    /** Stops lightningd, then its bitcoind if it has one. */
    @Override
    public void stop() {
        try {
            super.stop();
        } finally {
            if (bitcoind != null) {
                bitcoind.stop();
            }
        }
    }
}
