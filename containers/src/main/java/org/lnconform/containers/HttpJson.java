package org.lnconform.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Bounded JSON calls to a node's admin API on loopback (lnd REST, Eclair API, bitcoind JSON-RPC). */
final class HttpJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String baseUrl;
    private final String authorization;

    private HttpJson(String baseUrl, String authorization) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static HttpJson plain(String baseUrl) {
        return new HttpJson(baseUrl, null);
    }

    /** HTTP basic authentication (Eclair: empty user and the API password; bitcoind: rpcuser/rpcpassword). */
    static HttpJson basicAuth(String baseUrl, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpJson(baseUrl, "Basic " + token);
    }

    JsonNode get(String path, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).GET().build());
    }

    JsonNode postJson(String path, String json, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode postForm(String path, String form, Duration timeout) throws IOException, InterruptedException {
        return send(request(path, timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            body = JSON.getNodeFactory().textNode(r.body());
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + ": HTTP " + r.statusCode() + " "
                    + errorText(body));
        }
        return body;
    }

    /** The error text of an lnd ({@code message}), Eclair ({@code error}) or JSON-RPC ({@code error.message}) reply. */
    static String errorText(JsonNode body) {
        if (body.hasNonNull("message")) {
            return body.get("message").asText();
        }
        JsonNode error = body.get("error");
        if (error != null && error.hasNonNull("message")) {
            return error.get("message").asText();
        }
        if (error != null && !error.isNull()) {
            return error.asText();
        }
        return body.toString();
    }
}
