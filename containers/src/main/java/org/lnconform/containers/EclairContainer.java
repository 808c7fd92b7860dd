package org.lnconform.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Eclair in regtest against a {@link BitcoindContainer} (RPC and ZMQ). Host networking, P2P and
 * the HTTP API on 127.0.0.1. Ready when the API's {@code getinfo} answers; it carries the node id
 * and version. Dial-back is the API's {@code connect}. Configured through {@code JAVA_OPTS}
 * ({@code -Declair.*}), which the image's entrypoint passes to the JVM.
 *
 * <p>Default image {@code acinq/eclair:release-0.12.0}. Not run on lnconform's build machine (no
 * image can be pulled there); what does not need Docker is unit-tested.
 */
public class EclairContainer extends GenericContainer<EclairContainer> implements LightningNodeContainer {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("acinq/eclair");
    /** ACINQ tags releases {@code release-<version>}. */
    public static final String DEFAULT_TAG = "release-0.12.0";

    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    private final BitcoindContainer bitcoind;
    private final int p2pPort = FreePorts.pick();
    private final int apiPort = FreePorts.pick();
    private final String apiPassword = UUID.randomUUID().toString().replace("-", "");
    private final HttpJson api = HttpJson.basicAuth("http://127.0.0.1:" + apiPort, "", apiPassword);
    private final List<String> extraOptions = new ArrayList<>();
    private Consumer<String> dialBackFailures = s -> { };
    private String nodeId;
    private String version;

    public EclairContainer(BitcoindContainer bitcoind) {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG), bitcoind);
    }

    public EclairContainer(DockerImageName image, BitcoindContainer bitcoind) {
        super(image);
        this.imageName = image;
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        this.bitcoind = bitcoind;
        dependsOn(bitcoind);
        setWaitStrategy(new PollingWaitStrategy("eclair", "answering getinfo", this::notReady));
        withStartupTimeout(Duration.ofSeconds(120));
    }

    /** Any further JVM option, e.g. {@code -Declair.features.option_...=optional}. */
    public EclairContainer withJavaOptions(String... options) {
        extraOptions.addAll(List.of(options));
        return self();
    }

    public EclairContainer withDialBackFailures(Consumer<String> sink) {
        this.dialBackFailures = sink;
        return self();
    }

    @Override
    protected void configure() {
        withNetworkMode("host");
        withEnv("JAVA_OPTS", String.join(" ", javaOptions()));
    }

    /** The {@code JAVA_OPTS} the container gets: regtest, loopback listeners, the API, bitcoind RPC and ZMQ. */
    List<String> javaOptions() {
        List<String> o = new ArrayList<>(List.of(
                "-Xmx512m",
                "-Declair.printToConsole",
                "-Declair.chain=regtest",
                "-Declair.server.binding-ip=127.0.0.1",
                "-Declair.server.port=" + p2pPort,
                "-Declair.api.enabled=true",
                "-Declair.api.binding-ip=127.0.0.1",
                "-Declair.api.port=" + apiPort,
                "-Declair.api.password=" + apiPassword,
                "-Declair.bitcoind.host=127.0.0.1",
                "-Declair.bitcoind.rpcport=" + bitcoind.getRpcPort(),
                "-Declair.bitcoind.rpcuser=" + bitcoind.getRpcUser(),
                "-Declair.bitcoind.rpcpassword=" + bitcoind.getRpcPassword(),
                "-Declair.bitcoind.wallet=lnconform",
                "-Declair.bitcoind.zmqblock=" + bitcoind.getZmqBlockEndpoint(),
                "-Declair.bitcoind.zmqtx=" + bitcoind.getZmqTxEndpoint()));
        o.addAll(extraOptions);
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
    record Info(String nodeId, String version) {}

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        try {
            Info i = parseGetInfo(getInfo()).orElseThrow(
                    () -> new ContainerLaunchException("eclair getinfo has no nodeId"));
            nodeId = i.nodeId();
            version = i.version();
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

    public String getApiPassword() {
        return apiPassword;
    }

    /** Stops Eclair, then its bitcoind. */
    @Override
    public void stop() {
        try {
            super.stop();
        } finally {
            bitcoind.stop();
        }
    }
}
