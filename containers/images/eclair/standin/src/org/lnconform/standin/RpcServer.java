package org.lnconform.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * bitcoind's JSON-RPC over HTTP on 127.0.0.1: HTTP basic authentication with the configured user
 * and password, {@code POST /} or {@code POST /wallet/<name>}, a single request object or a batch
 * (Eclair always sends a batch, even of one). Every call is logged with its outcome. Errors are
 * JSON-RPC errors in an HTTP 200 batch reply, as bitcoind answers batches.
 */
final class RpcServer {

    /** Eclair's requests are a few hundred bytes; anything larger is refused unread. */
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Methods methods;
    private final byte[] expectedAuth;

    private RpcServer(StandInConfig config, Methods methods) {
        this.methods = methods;
        String token = config.rpcUser() + ":" + config.rpcPassword();
        this.expectedAuth = ("Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    static void start(StandInConfig config, Methods methods) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.rpcPort()), 16);
        RpcServer server = new RpcServer(config, methods);
        http.createContext("/", server::handle);
        http.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "standin-bitcoind-rpc");
            t.setDaemon(true);
            return t;
        }));
        http.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(expectedAuth, auth.getBytes(StandardCharsets.UTF_8))) {
                Log.info("rpc refused: bad or missing basic authentication from " + ex.getRemoteAddress());
                reply(ex, 401, new byte[0]);
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                reply(ex, 405, error(null, RpcError.METHOD_NOT_FOUND, "JSON-RPC needs POST").toString()
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            String walletError = walletError(path);
            byte[] body = readBounded(ex.getRequestBody());
            JsonNode request;
            try {
                request = body == null ? null : JSON.readTree(body);
            } catch (IOException e) {
                request = null;
            }
            JsonNode response;
            if (request == null || !(request.isObject() || request.isArray())) {
                Log.info("rpc refused: body is not a JSON-RPC request or batch (" + (body == null ? "over "
                        + MAX_BODY + " bytes" : body.length + " bytes") + ")");
                response = error(null, -32700, "Parse error: the lnconform stand-in bitcoind expects a JSON-RPC "
                        + "request object or batch");
            } else if (request.isArray()) {
                ArrayNode replies = JSON.createArrayNode();
                request.forEach(r -> replies.add(one(r, path, walletError)));
                response = replies;
            } else {
                response = one(request, path, walletError);
            }
            reply(ex, 200, JSON.writeValueAsBytes(response));
        }
    }

    /** Null when the path is the root or the configured wallet's. */
    private String walletError(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return null;
        }
        String wallet = methods.wallet();
        if (path.startsWith("/wallet/") && path.substring("/wallet/".length()).equals(wallet)) {
            return null;
        }
        return "Requested wallet does not exist or is not loaded (path " + path + "; the lnconform stand-in "
                + "bitcoind has only wallet '" + wallet + "')";
    }

    private ObjectNode one(JsonNode request, String path, String walletError) {
        JsonNode id = request.path("id");
        String method = request.path("method").asText("");
        JsonNode params = request.path("params");
        if (!params.isArray()) {
            params = JSON.createArrayNode();
        }
        String call = path + " " + method + " " + params;
        if (walletError != null) {
            Log.info("rpc " + call + " -> error " + RpcError.WALLET_NOT_FOUND + " (wrong wallet)");
            return error(id, RpcError.WALLET_NOT_FOUND, walletError);
        }
        try {
            JsonNode result = methods.call(method, params);
            Log.info("rpc " + call + " -> " + abbreviate(result.toString()));
            ObjectNode o = JSON.createObjectNode();
            o.set("result", result);
            o.putNull("error");
            o.set("id", id.isMissingNode() ? JSON.nullNode() : id);
            return o;
        } catch (RpcError e) {
            Log.info("rpc " + call + " -> error " + e.code + " " + e.getMessage());
            return error(id, e.code, e.getMessage());
        }
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.putNull("result");
        o.putObject("error").put("code", code).put("message", message);
        o.set("id", id == null || id.isMissingNode() ? JSON.nullNode() : id);
        return o;
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "... (" + s.length() + " chars)";
    }

    /** The body, or null if it is longer than {@link #MAX_BODY}. */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? null : b;
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
