package org.lnconform.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lnconform.harness.target.Target;
import org.lnconform.noise.Hex;
import org.lnconform.peer.NodeUri;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * lnd in regtest with no chain backend: enough for the peer protocol (BOLT 1/8/9), which is all
 * lnconform tests. Host networking, every listener on 127.0.0.1 on ports chosen here; REST over
 * plain HTTP ({@code --no-rest-tls}) and without macaroons, so readiness, identity and dial-back
 * need no credentials.
 *
 * <p>Runs the official {@code lightninglabs/lnd} image (entrypoint {@code lnd}: the regtest and
 * wallet flags are passed as arguments) or lnconform's local build {@code lnconform/lnd:*-local}
 * (whose entrypoint already fixes them); which conventions apply is read from the image name
 * unless {@link #withLocalImageConventions(boolean)} says otherwise.
 */
public class LndContainer extends GenericContainer<LndContainer> implements LightningNodeContainer {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("lightninglabs/lnd");
    /** The pinned release; the official tags are {@code v<major>.<minor>.<patch>-beta}. */
    public static final String DEFAULT_TAG = "v0.19.3-beta";
    /** lnconform's own build of the same release (.ci/images.sh), usable where nothing can be pulled. */
    public static final DockerImageName LOCAL_IMAGE = DockerImageName.parse("lnconform/lnd:v0.19.3-beta-local");

    /** lnd's {@code GET /v1/state} once the P2P server runs; {@code UNLOCKED} before, connection refused earlier. */
    static final String SERVER_ACTIVE = "SERVER_ACTIVE";

    private static final DockerImageName LOCAL_REPOSITORY = DockerImageName.parse("lnconform/lnd");
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(10);

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    private final int p2pPort = FreePorts.pick();
    private final int rpcPort = FreePorts.pick();
    private final int restPort = FreePorts.pick();
    private final List<String> extraArgs = new ArrayList<>();
    private Boolean localConventions;
    private int connectTimeoutSeconds = 5;
    private Consumer<String> dialBackFailures = s -> { };
    private final HttpJson rest = HttpJson.plain(getRestUrl());
    private String identityPubkey;
    private String version;

    public LndContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
    }

    public LndContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public LndContainer(DockerImageName image) {
        super(image);
        this.imageName = image;
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME, LOCAL_REPOSITORY);
        setWaitStrategy(new PollingWaitStrategy("lnd", SERVER_ACTIVE, this::notActive));
        withStartupTimeout(DEFAULT_STARTUP_TIMEOUT);
    }

    /** The image follows lnconform's local conventions (its entrypoint fixes regtest, wallet and macaroon flags). */
    public LndContainer withLocalImageConventions() {
        return withLocalImageConventions(true);
    }

    /** Forces (true) or rules out (false) the local image's entrypoint conventions; by default read from the image name. */
    public LndContainer withLocalImageConventions(boolean local) {
        this.localConventions = local;
        return self();
    }

    /** Any further lnd flag, e.g. {@code --debuglevel=debug}. */
    public LndContainer withLndArgs(String... args) {
        extraArgs.addAll(List.of(args));
        return self();
    }

    /** The TCP connect timeout lnd gets for each dial-back ({@code ConnectPeerRequest.timeout}, seconds). */
    public LndContainer withConnectTimeoutSeconds(int seconds) {
        this.connectTimeoutSeconds = seconds;
        return self();
    }

    /** Where failed dial-back calls are reported (they are expected when a case tampers with Act Two). */
    public LndContainer withDialBackFailures(Consumer<String> sink) {
        this.dialBackFailures = sink;
        return self();
    }

    @Override
    protected void configure() {
        withNetworkMode("host");
        withCommand(lndArgs().toArray(String[]::new));
    }

    /** The command-line arguments given to the image: all listeners, REST without TLS, and for the official image regtest without a chain. */
    List<String> lndArgs() {
        List<String> args = new ArrayList<>();
        if (!usesLocalConventions()) {
            args.addAll(List.of("--bitcoin.regtest", "--bitcoin.node=nochainbackend", "--noseedbackup",
                    "--no-macaroons"));
        }
        args.add("--listen=127.0.0.1:" + p2pPort);
        args.add("--rpclisten=127.0.0.1:" + rpcPort);
        args.add("--restlisten=127.0.0.1:" + restPort);
        args.add("--no-rest-tls");
        args.add("--externalip=127.0.0.1:" + p2pPort);
        args.addAll(extraArgs);
        return args;
    }

    boolean usesLocalConventions() {
        return localConventions != null ? localConventions
                : imageName.getRepository().equals(LOCAL_REPOSITORY.getRepository());
    }

    private String notActive() throws IOException, InterruptedException {
        String state = rest.get("/v1/state", Duration.ofSeconds(2)).path("state").asText("?");
        return SERVER_ACTIVE.equals(state) ? null : "state " + state;
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        try {
            JsonNode getinfo = rest.get("/v1/getinfo", REST_TIMEOUT);
            identityPubkey = getinfo.path("identity_pubkey").asText();
            version = getinfo.path("version").asText();
            if (identityPubkey.length() != 66) {
                throw new ContainerLaunchException("lnd getinfo has no identity_pubkey: " + getinfo);
            }
        } catch (IOException e) {
            throw new ContainerLaunchException("lnd getinfo failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("interrupted while reading lnd getinfo", e);
        }
    }

    /**
     * Asks lnd to connect to {@code peer} ({@code POST /v1/peers}, not persistent) and waits for the
     * answer, which comes once the handshake has finished or failed.
     */
    public void connectPeer(NodeUri peer) throws IOException, InterruptedException {
        requireStarted().postJson("/v1/peers", connectPeerBody(peer, connectTimeoutSeconds),
                REST_TIMEOUT.plusSeconds(connectTimeoutSeconds));
    }

    /** lnrpc.ConnectPeerRequest as REST JSON: {@code addr} (pubkey, host:port), {@code perm}, {@code timeout} in seconds. */
    static String connectPeerBody(NodeUri peer, int timeoutSeconds) {
        ObjectNode body = HttpJson.JSON.createObjectNode();
        body.putObject("addr").put("pubkey", peer.publicKeyHex()).put("host", peer.host() + ":" + peer.port());
        body.put("perm", false);
        body.put("timeout", String.valueOf(timeoutSeconds)); // uint64: a string in proto3 JSON
        return body.toString();
    }

    /** lnd's {@code GET /v1/getinfo}. */
    public JsonNode getInfo() throws IOException, InterruptedException {
        return requireStarted().get("/v1/getinfo", REST_TIMEOUT);
    }

    @Override
    public Optional<Target.DialBack> dialBack() {
        return Optional.of(new AsyncDialBack(this::connectPeer, dialBackFailures));
    }

    @Override
    public NodeUri getNodeUri() {
        if (identityPubkey == null) {
            throw new IllegalStateException("lnd is not started");
        }
        return new NodeUri(Hex.decode(identityPubkey), "127.0.0.1", p2pPort);
    }

    @Override
    public String getImplementation() {
        return "lnd";
    }

    /** What getinfo says, e.g. {@code 0.19.3-beta commit=v0.19.3-beta}. */
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

    public int getRpcPort() {
        return rpcPort;
    }

    public int getRestPort() {
        return restPort;
    }

    /** {@code http://127.0.0.1:<rest port>} (TLS is off). */
    public String getRestUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    private HttpJson requireStarted() {
        if (identityPubkey == null) {
            throw new IllegalStateException("lnd is not started");
        }
        return rest;
    }
}
