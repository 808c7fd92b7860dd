package org.lnconform.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lnconform.harness.target.Target;
import org.lnconform.peer.NodeUri;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A minimal LDK node ({@code lightning} 0.2.7's {@code PeerManager} and {@code ChannelManager} behind
 * {@code lightning-net-tokio}; containers/images/ldk): BOLT 8, BOLT 1 and v1 channel establishment
 * exactly as LDK does them. It accepts every inbound channel as fundee and answers
 * {@code funding_created} with {@code funding_signed}; it has no funds, no chain (regtest at the
 * genesis block) and broadcasts nothing.
 *
 * <p>There is no official LDK node image: LDK is a library, so the default image is lnconform's
 * local build ({@code .ci/images.sh}); users outside this repository pass their own image, which
 * must follow the same contract: {@code --port N} on the command line, then one stdout line
 * {@code URI <pubkey>@127.0.0.1:<port>} once it listens. That line is both the readiness signal
 * and the identity. {@code --control N} opens the program's line-based control interface on
 * 127.0.0.1:N, through which the node is told to dial out ({@code connect <pubkey>@host:port},
 * answered {@code ok …} or {@code error …}): that is the dial-back for the initiator-side cases.
 */
public class LdkContainer extends GenericContainer<LdkContainer> implements LightningNodeContainer {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("lnconform/ldk-node");
    public static final String DEFAULT_TAG = "0.2.7-local";
    /** The {@code lightning} crate version the default image is built from. */
    public static final String LDK_VERSION = "0.2.7";

    private static final Pattern URI_LINE = Pattern.compile("(?m)^URI ([0-9a-f]{66}@[0-9.]+:[0-9]+)\\s*$");
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /** The program's own TCP connect limit is 10 s; its reply comes once the connect is done. */
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(15);

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    private int port = FreePorts.pick();
    private int controlPort = FreePorts.pick();
    private final List<String> extraArgs = new ArrayList<>();
    private Consumer<String> dialBackFailures = s -> { };
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

    /**
     * The control interface's port on 127.0.0.1 (default: a free one chosen here); 0 turns the
     * interface off, for images that lack it: then the node cannot dial back.
     */
    public LdkContainer withControlPort(int port) {
        this.controlPort = port;
        return self();
    }

    /** Where failed dial-back calls are reported (they are expected when a case tampers with Act Two). */
    public LdkContainer withDialBackFailures(Consumer<String> sink) {
        this.dialBackFailures = sink;
        return self();
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
        if (controlPort > 0) {
            args.addAll(List.of("--control", String.valueOf(controlPort)));
        }
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

    /**
     * Tells the node to dial {@code peer} through the control interface; returns once the TCP
     * connection is open and LDK has sent Act One (the handshake goes on without us).
     *
     * @throws IOException if the node answers {@code error …}, or the control interface does not answer
     */
    public void connectPeer(NodeUri peer) throws IOException {
        command("connect " + peer.publicKeyHex() + "@" + peer.host() + ":" + peer.port());
    }

    /** The node ids of the peers whose handshake is complete ({@code peers}). */
    public List<String> connectedPeers() throws IOException {
        String rest = command("peers");
        return rest.isEmpty() ? List.of() : List.of(rest.split(" "));
    }

    /** One control command; returns the text after {@code ok}. */
    String command(String line) throws IOException {
        if (uri == null || controlPort <= 0) {
            throw new IllegalStateException("the LDK peer is not started, or started without its control interface");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 5_000);
            s.setSoTimeout((int) CONTROL_TIMEOUT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return parseReply(line, reply);
        }
    }

    /** {@code ok[ text]} gives the text; {@code error …}, nothing, or anything else is an IOException. */
    static String parseReply(String command, String reply) throws IOException {
        if (reply == null) {
            throw new IOException("the LDK control interface closed without answering " + command);
        }
        if (reply.equals("ok") || reply.startsWith("ok ")) {
            return reply.substring(2).trim();
        }
        throw new IOException("the LDK control interface answered " + command + " with: " + reply);
    }

    @Override
    public Optional<Target.DialBack> dialBack() {
        return controlPort > 0 ? Optional.of(new AsyncDialBack(this::connectPeer, dialBackFailures)) : Optional.empty();
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

    /** The control interface's port on 127.0.0.1; 0 when it is off. */
    public int getControlPort() {
        return controlPort;
    }

    /** The P2P port (the real one once started, also when 0 was asked for). */
    public int getP2pPort() {
        return uri != null ? uri.port() : port;
    }
}
