package org.lnconform.containers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Bitcoin Core in regtest, the chain backend Core Lightning and Eclair insist on (lnd and the LDK
 * peer need none for the peer protocol). Host networking, RPC and ZMQ on 127.0.0.1 ports chosen
 * here, no P2P listener. Once up it has a wallet and one block, which ends regtest's "initial
 * block download" (both nodes wait for that before they open their P2P port).
 *
 * <p>Default image {@code bitcoin/bitcoin:28.1} (willcl-ark/bitcoin-core-docker): arguments that
 * start with {@code -} are passed to {@code bitcoind}.
 */
public class BitcoindContainer extends GenericContainer<BitcoindContainer> {

    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("bitcoin/bitcoin");
    public static final String DEFAULT_TAG = "28.1";
    public static final String RPC_USER = "lnconform";

    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

    /** Kept apart: GenericContainer.getDockerImageName() resolves (pulls) the image. */
    private final DockerImageName imageName;
    private final int rpcPort = FreePorts.pick();
    private final int zmqBlockPort = FreePorts.pick();
    private final int zmqTxPort = FreePorts.pick();
    private final String rpcPassword = UUID.randomUUID().toString().replace("-", "");
    private final HttpJson rpc = HttpJson.basicAuth("http://127.0.0.1:" + rpcPort, RPC_USER, rpcPassword);
    private int rpcIds;

    public BitcoindContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
    }

    public BitcoindContainer(DockerImageName image) {
        super(image);
        this.imageName = image;
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        setWaitStrategy(Wait.forLogMessage(".*init message: Done loading.*\\n", 1));
        withStartupTimeout(Duration.ofSeconds(60));
    }

    @Override
    protected void configure() {
        withNetworkMode("host");
        withCommand(bitcoindArgs().toArray(String[]::new));
    }

    List<String> bitcoindArgs() {
        return new ArrayList<>(List.of(
                "-regtest",
                "-printtoconsole",
                "-server",
                "-listen=0",
                "-rpcbind=127.0.0.1",
                "-rpcallowip=127.0.0.1",
                "-rpcport=" + rpcPort,
                "-rpcuser=" + RPC_USER,
                "-rpcpassword=" + rpcPassword,
                "-fallbackfee=0.00001",
                "-zmqpubhashblock=" + getZmqBlockEndpoint(),
                "-zmqpubrawblock=" + getZmqBlockEndpoint(),
                "-zmqpubrawtx=" + getZmqTxEndpoint()));
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        try {
            call("createwallet", "lnconform");
            String address = call("getnewaddress").asText();
            call("generatetoaddress", 1, address);
        } catch (IOException e) {
            throw new ContainerLaunchException("bitcoind set-up failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("interrupted while setting up bitcoind", e);
        }
    }

    /** A JSON-RPC call; returns {@code result}. */
    public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        ObjectNode request = HttpJson.JSON.createObjectNode();
        request.put("jsonrpc", "1.0").put("id", ++rpcIds).put("method", method);
        ArrayNode p = request.putArray("params");
        for (Object o : params) {
            p.addPOJO(o);
        }
        JsonNode reply = rpc.postJson("/", request.toString(), RPC_TIMEOUT);
        if (reply.hasNonNull("error")) {
            throw new IOException(method + ": " + HttpJson.errorText(reply));
        }
        return reply.path("result");
    }

    public String getImageName() {
        return imageName.asCanonicalNameString();
    }

    public int getRpcPort() {
        return rpcPort;
    }

    public String getRpcUser() {
        return RPC_USER;
    }

    public String getRpcPassword() {
        return rpcPassword;
    }

    public String getZmqBlockEndpoint() {
        return "tcp://127.0.0.1:" + zmqBlockPort;
    }

    public String getZmqTxEndpoint() {
        return "tcp://127.0.0.1:" + zmqTxPort;
    }
}
