package org.lnconform.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lnconform.peer.NodeUri;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A bare LDK peer ({@code lightning} 0.2.7's {@code PeerManager} behind {@code lightning-net-tokio};
 * containers/images/ldk): BOLT 8 and BOLT 1 exactly as LDK does them, no channels, no chain.
 *
 * <p>There is no official LDK node image: LDK is a library, so the default image is lnconform's
 * local build ({@code .ci/images.sh}); users outside this repository pass their own image, which
 * must follow the same contract: {@code --port N} on the command line, then one stdout line
 * {@code URI <pubkey>@127.0.0.1:<port>} once it listens. That line is both the readiness signal
 * and the identity. The program has no admin interface, so the node cannot be asked to dial out.
 */
public class LdkContainer extends GenericContainer<LdkContainer> implements LightningNodeContainer {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("lnconform/ldk-node");
    public static final String DEFAULT_TAG = "0.2.7-local";
    /** The {@code lightning} crate version the default image is built from. */
    public static final String LDK_VERSION = "0.2.7";

    private static final Pattern URI_LINE = Pattern.compile("(?m)^URI ([0-9a-f]{66}@[0-9.]+:[0-9]+)\\s*$");
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    private int port = FreePorts.pick();
    private final List<String> extraArgs = new ArrayList<>();
    private NodeUri uri;

    public LdkContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
    }

    public LdkContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public LdkContainer(DockerImageName image) {
        super(image);
        this.imageName = image;
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        setWaitStrategy(Wait.forLogMessage("URI [0-9a-f]{66}@.*\\n", 1));
        withStartupTimeout(DEFAULT_STARTUP_TIMEOUT);
    }

    /** The P2P port on 127.0.0.1 (default: a free one chosen here; 0 lets the node choose, the URI line tells). */
    public LdkContainer withPort(int port) {
        this.port = port;
        return self();
    }

    /** A fixed 32-byte seed (hex), so the node id is the same on every start. */
    public LdkContainer withSeed(String seedHex) {
        return withLdkArgs("--seed", seedHex);
    }

    /** {@code timer_tick_occurred()} period: LDK drops unanswered pings and stalled handshakes on ticks. */
    public LdkContainer withTickSeconds(int seconds) {
        return withLdkArgs("--tick-secs", String.valueOf(seconds));
    }

    /** LDK's log level on stderr: gossip, trace, debug, info, warn, error, off. */
    public LdkContainer withLogLevel(String level) {
        return withLdkArgs("--log", level);
    }

    public LdkContainer withLdkArgs(String... args) {
        extraArgs.addAll(List.of(args));
        return self();
    }

    @Override
    protected void configure() {
        withNetworkMode("host");
        withCommand(ldkArgs().toArray(String[]::new));
    }

    List<String> ldkArgs() {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port)));
        args.addAll(extraArgs);
        return args;
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        uri = parseUriLine(getLogs(OutputFrame.OutputType.STDOUT)).orElseThrow(() -> new ContainerLaunchException(
                "the LDK peer printed no URI line; last log lines:\n" + LogTail.of(this, 25)));
    }

    /** The node URI from the program's {@code URI <pubkey>@<host>:<port>} line, if the output has one. */
    static Optional<NodeUri> parseUriLine(String stdout) {
        Matcher m = URI_LINE.matcher(stdout);
        return m.find() ? Optional.of(NodeUri.parse(m.group(1))) : Optional.empty();
    }

    @Override
    public NodeUri getNodeUri() {
        if (uri == null) {
            throw new IllegalStateException("the LDK peer is not started");
        }
        return uri;
    }

    @Override
    public String getImplementation() {
        return "ldk";
    }

    /** The LDK version of the default image; for other images, their tag without a {@code -local} suffix. */
    @Override
    public String getNodeVersion() {
        String tag = imageName.getVersionPart();
        return tag.endsWith("-local") ? tag.substring(0, tag.length() - "-local".length()) : tag;
    }

    @Override
    public String getImageName() {
        return imageName.asCanonicalNameString();
    }

    /** The P2P port (the real one once started, also when 0 was asked for). */
    public int getP2pPort() {
        return uri != null ? uri.port() : port;
    }
}
