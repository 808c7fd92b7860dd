package org.lnconform.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.lnconform.harness.target.Target;
import org.lnconform.noise.Hex;
import org.lnconform.peer.NodeUri;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Eclair in regtest, P2P and the HTTP API on 127.0.0.1 (host networking). Ready when the API's
 * {@code getinfo} answers; it carries the node id and version. Dial-back is the API's
 * {@code connect}. Two ways to give it the bitcoind it insists on:
 *
 * <ul>
 *   <li><b>stand-in</b> ({@link #EclairContainer(DockerImageName)}, lnconform's local image
 *       {@link #LOCAL_IMAGE} from .ci/images.sh): the image's own stand-in bitcoind answers
 *       Eclair's start-up and block-watcher calls (regtest at height 0) and nothing else; no
 *       second container. Eclair's settings are {@code -D} arguments, JVM flags
 *       {@code JDK_JAVA_OPTIONS} (the image has no shell).
 *   <li><b>real bitcoind</b> ({@link #EclairContainer(DockerImageName, BitcoindContainer)},
 *       default {@code acinq/eclair:release-0.12.0}): a {@link BitcoindContainer}, settings in
 *       {@code JAVA_OPTS}, which that image's entrypoint passes to the JVM. Not run on
 *       lnconform's build machine (no image can be pulled there).
 * </ul>
 *
 * Eclair pings a peer only after {@code eclair.peer-connection.ping-interval} of silence from
 * it (30 s by default); here {@link #DEFAULT_PING_INTERVAL}, so that the case that checks the
 * node's own ping sees one within its 5 s bound.
 */
public class EclairContainer extends GenericContainer<EclairContainer> implements LightningNodeContainer {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("acinq/eclair");
    /** ACINQ tags releases {@code release-<version>}. */
    public static final String DEFAULT_TAG = "release-0.12.0";
    /** lnconform's build of Eclair v0.13.0 with its stand-in bitcoind (containers/images/eclair). */
    public static final DockerImageName LOCAL_IMAGE = DockerImageName.parse("lnconform/eclair:0.13.0-local");
    /** Seconds of silence from a peer after which Eclair pings it. */
    public static final int DEFAULT_PING_INTERVAL = 3;

    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final String WALLET = "lnconform";

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    /** Null in stand-in mode. */
    private final BitcoindContainer bitcoind;
    private final int p2pPort = FreePorts.pick();
    private final int apiPort = FreePorts.pick();
    private final String apiPassword = UUID.randomUUID().toString().replace("-", "");
    private final StandIn standIn;
    private final HttpJson api = HttpJson.basicAuth("http://127.0.0.1:" + apiPort, "", apiPassword);
    private final List<String> extraOptions = new ArrayList<>();
    private int pingIntervalSeconds = DEFAULT_PING_INTERVAL;
    private Consumer<String> dialBackFailures = s -> { };
    private String nodeId;
    private String version;

    /** Where the image's stand-in bitcoind listens: chosen here, told to Eclair and the stand-in alike. */
    record StandIn(int rpcPort, String rpcPassword, int zmqBlockPort, int zmqTxPort) {
        static StandIn pick() {
            return new StandIn(FreePorts.pick(), UUID.randomUUID().toString().replace("-", ""), FreePorts.pick(),
                    FreePorts.pick());
        }
    }

    /** Stand-in mode with {@link #LOCAL_IMAGE}. */
    public EclairContainer() {
        this(LOCAL_IMAGE);
    }

    /** Stand-in mode: {@code image} is lnconform's Eclair image (or one with the same contract). */
    public EclairContainer(DockerImageName image) {
        this(image, null, StandIn.pick());
    }

    /** The official image against a real bitcoind. */
    public EclairContainer(BitcoindContainer bitcoind) {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG), bitcoind);
    }

    /** {@code image} (the official one or a substitute) against a real bitcoind. */
    public EclairContainer(DockerImageName image, BitcoindContainer bitcoind) {
        this(image, Objects.requireNonNull(bitcoind, "bitcoind"), null);
        dependsOn(bitcoind);
    }

    private EclairContainer(DockerImageName image, BitcoindContainer bitcoind, StandIn standIn) {
        super(image);
        this.imageName = image;
        this.bitcoind = bitcoind;
        this.standIn = standIn;
        image.assertCompatibleWith(bitcoind == null ? LOCAL_IMAGE : DEFAULT_IMAGE_NAME);
        setWaitStrategy(new PollingWaitStrategy("eclair", "answering getinfo", this::notReady));
        withStartupTimeout(Duration.ofSeconds(120));
    }

    /** Any further option: {@code -Declair.…} settings, or JVM flags such as {@code -Xmx1g}. */
    public EclairContainer withJavaOptions(String... options) {
        extraOptions.addAll(List.of(options));
        return self();
    }

    /** {@code eclair.peer-connection.ping-interval}: Eclair pings a peer after this many seconds of silence. */
    public EclairContainer withPingIntervalSeconds(int seconds) {
        this.pingIntervalSeconds = seconds;
        return self();
    }

    public EclairContainer withDialBackFailures(Consumer<String> sink) {
        this.dialBackFailures = sink;
        return self();
    }

    /** Whether the image's stand-in bitcoind serves Eclair (no bitcoind container). */
    public boolean usesStandIn() {
        return standIn != null;
    }

    /** The stand-in's endpoints and password, in stand-in mode. */
    Optional<StandIn> standIn() {
        return Optional.ofNullable(standIn);
    }

    @Override
    protected void configure() {
        withNetworkMode("host");
        if (usesStandIn()) {
            withCommand(eclairSettings().toArray(String[]::new));
            withEnv("JDK_JAVA_OPTIONS", String.join(" ", jvmFlags()));
        } else {
            withEnv("JAVA_OPTS", String.join(" ", javaOptions()));
        }
    }

    /** Everything Eclair gets: JVM flags and {@code -D} settings (real-bitcoind mode: the {@code JAVA_OPTS}). */
    List<String> javaOptions() {
        List<String> o = new ArrayList<>(jvmFlags());
        o.addAll(eclairSettings());
        return o;
    }

    /** JVM flags: a heap bound, and the non-{@code -D} options added by the caller. */
    List<String> jvmFlags() {
        List<String> o = new ArrayList<>(List.of("-Xmx512m"));
        extraOptions.stream().filter(s -> !s.startsWith("-D")).forEach(o::add);
        return o;
    }

    /** Eclair's settings: regtest, loopback listeners, the API, the ping interval, bitcoind RPC and ZMQ. */
    List<String> eclairSettings() {
        List<String> o = new ArrayList<>(List.of(
                "-Declair.printToConsole",
                "-Declair.chain=regtest",
                "-Declair.server.binding-ip=127.0.0.1",
                "-Declair.server.port=" + p2pPort,
                "-Declair.api.enabled=true",
                "-Declair.api.binding-ip=127.0.0.1",
                "-Declair.api.port=" + apiPort,
                "-Declair.api.password=" + apiPassword,
                "-Declair.peer-connection.ping-interval=" + pingIntervalSeconds + "s",
                "-Declair.bitcoind.host=127.0.0.1",
                "-Declair.bitcoind.wallet=" + WALLET));
        if (usesStandIn()) {
            o.addAll(List.of(
                    "-Declair.bitcoind.rpcport=" + standIn.rpcPort(),
                    "-Declair.bitcoind.rpcuser=lnconform",
                    "-Declair.bitcoind.rpcpassword=" + standIn.rpcPassword(),
                    "-Declair.bitcoind.zmqblock=tcp://127.0.0.1:" + standIn.zmqBlockPort(),
                    "-Declair.bitcoind.zmqtx=tcp://127.0.0.1:" + standIn.zmqTxPort()));
        } else {
            o.addAll(List.of(
                    "-Declair.bitcoind.rpcport=" + bitcoind.getRpcPort(),
                    "-Declair.bitcoind.rpcuser=" + bitcoind.getRpcUser(),
                    "-Declair.bitcoind.rpcpassword=" + bitcoind.getRpcPassword(),
                    "-Declair.bitcoind.zmqblock=" + bitcoind.getZmqBlockEndpoint(),
                    "-Declair.bitcoind.zmqtx=" + bitcoind.getZmqTxEndpoint()));
        }
        extraOptions.stream().filter(s -> s.startsWith("-D")).forEach(o::add);
        return o;
    }

    private String notReady() throws IOException, InterruptedException {
        JsonNode info = api.postForm("/getinfo", "", Duration.ofSeconds(2));
        return parseGetInfo(info).isPresent() ? null : "getinfo without nodeId: " + info;
    }

    /** Node id and version from Eclair's {@code getinfo} ({@code nodeId}, {@code version}). */
    static Optional<Info> parseGetInfo(JsonNode info) {
        String id = info.path("nodeId").asText("");
        if (!id.matches("[0-9a-f]{66}")) {
            return Optional.empty();
        }
        return Optional.of(new Info(id, info.path("version").asText("")));
    }

    /** What lnconform reads from {@code getinfo}. */
    record Info(String nodeId, String version) {

        /** {@code 0.13.0-992ec8c} (release, then the commit) as {@code 0.13.0 commit=992ec8c}, lnd's form. */
        String displayVersion() {
            int dash = version.lastIndexOf('-');
            return dash > 0 && version.substring(dash + 1).matches("[0-9a-f]{7,40}")
                    ? version.substring(0, dash) + " commit=" + version.substring(dash + 1) : version;
        }
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        try {
            Info i = parseGetInfo(getInfo()).orElseThrow(
                    () -> new ContainerLaunchException("eclair getinfo has no nodeId"));
            nodeId = i.nodeId();
            version = i.displayVersion();
        } catch (IOException e) {
            throw new ContainerLaunchException("eclair getinfo failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("interrupted while reading eclair getinfo", e);
        }
    }

    public JsonNode getInfo() throws IOException, InterruptedException {
        return api.postForm("/getinfo", "", API_TIMEOUT);
    }

    /** The form body of the API's {@code connect} for {@code peer}. */
    static String connectForm(NodeUri peer) {
        return "uri=" + URLEncoder.encode(peer.toString(), StandardCharsets.UTF_8);
    }

    /** Asks Eclair to connect to {@code peer} ({@code POST /connect}); returns once it has connected or failed. */
    public void connectPeer(NodeUri peer) throws IOException, InterruptedException {
        api.postForm("/connect", connectForm(peer), CONNECT_TIMEOUT);
    }

    @Override
    public Optional<Target.DialBack> dialBack() {
        return Optional.of(new AsyncDialBack(this::connectPeer, dialBackFailures));
    }

    @Override
    public NodeUri getNodeUri() {
        if (nodeId == null) {
            throw new IllegalStateException("eclair is not started");
        }
        return new NodeUri(Hex.decode(nodeId), "127.0.0.1", p2pPort);
    }

    @Override
    public String getImplementation() {
        return "eclair";
    }

    /** {@code 0.13.0 commit=992ec8c}: getinfo's version, release and commit apart. */
    @Override
    public String getNodeVersion() {
        return version;
    }

    @Override
    public String getImageName() {
        return imageName.asCanonicalNameString();
    }

    public int getP2pPort() {
        return p2pPort;
    }

    public int getApiPort() {
        return apiPort;
    }

    /** The HTTP API's base address (basic authentication: empty user, {@link #getApiPassword()}). */
    public URI getApiUri() {
        return URI.create("http://127.0.0.1:" + apiPort);
    }

    public String getApiPassword() {
        return apiPassword;
    }

    public int getPingIntervalSeconds() {
        return pingIntervalSeconds;
    }

    /** Stops Eclair, then its bitcoind (if it has one). */
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
