package io.github.npmreg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A front for a real registry (Verdaccio) that answers the two npmjs.org endpoints no local registry has: the OIDC
 * token exchange of trusted publishing ({@code POST /-/npm/v1/oidc/token/exchange/package/<name>}: an ID token with
 * audience {@code npm:127.0.0.1} gets the registry token it was made with) and the package visibility
 * ({@code GET /-/package/<name>/visibility}: {@code {"public": …}} as set). Everything else is forwarded, and each
 * PUT body is kept as received. Like npmjs.org, which keeps a provenance bundle apart from the package (as an
 * attestation), the front takes {@code .sigstore} attachments out of a PUT before forwarding it: Verdaccio 6 refuses
 * a publish with more than one attachment (400 "unsupported registry call"). Reads need no login, as on npmjs.org.
 */
public final class NpmjsFront implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final URI upstream;
    private final String publishToken;
    private final HttpServer server;
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<byte[]> puts = new CopyOnWriteArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile boolean packagePublic = true;

    private NpmjsFront(URI upstream, String publishToken, int port) throws IOException {
        this.upstream = upstream;
        this.publishToken = publishToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param publishToken what a successful exchange hands out: a token the upstream registry accepts */
    public static NpmjsFront start(URI upstream, String publishToken) {
        return start(upstream, publishToken, 0);
    }

    /** On {@code port} (0: any free one). */
    public static NpmjsFront start(URI upstream, String publishToken, int port) {
        try {
            return new NpmjsFront(upstream, publishToken, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void packagePublic(boolean value) {
        packagePublic = value;
    }

    /** Every PUT body as received. */
    public List<JsonNode> puts() {
        return puts.stream().map(b -> {
            try {
                return JSON.readTree(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** "METHOD path" of every request. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        seen.add(ex.getRequestMethod() + " " + path);
        if (ex.getRequestMethod().equals("POST") && path.startsWith("/-/npm/v1/oidc/token/exchange/package/")) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            JsonNode claims = auth == null ? null : claims(auth.replaceFirst("^Bearer ", ""));
            if (claims == null || !claims.path("aud").asText().equals("npm:127.0.0.1")) {
                send(ex, 401, "{\"message\":\"OIDC token exchange error - invalid audience\"}");
            } else {
                send(ex, 201, "{\"token\":" + JSON.writeValueAsString(publishToken) + "}");
            }
            return;
        }
        if (ex.getRequestMethod().equals("GET") && path.startsWith("/-/package/") && path.endsWith("/visibility")) {
            send(ex, 200, "{\"public\":" + packagePublic + "}");
            return;
        }
        if (ex.getRequestMethod().equals("PUT")) {
            puts.add(body);
            JsonNode doc = JSON.readTree(body);
            if (doc != null && doc.path("_attachments").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("_attachments")).remove(
                        java.util.stream.StreamSupport.stream(((Iterable<String>) () -> doc.get("_attachments")
                                .fieldNames()).spliterator(), false).filter(n -> n.endsWith(".sigstore")).toList());
                body = JSON.writeValueAsBytes(doc);
            }
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, values) -> {
            if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> forward.header(k, v));
            }
        });
        if (ex.getRequestMethod().equals("GET") && ex.getRequestHeaders().getFirst("Authorization") == null) {
            // npmjs.org serves public packages to anyone; the Verdaccio behind wants a login even for reads.
            forward.header("Authorization", "Bearer " + publishToken);
        }
        try {
            HttpResponse<byte[]> r = forwarder.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().map().forEach((k, values) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                    values.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
            });
            ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            ex.getResponseBody().write(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.sendResponseHeaders(502, -1);
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        JsonAnswers.send(ex, status, body);
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return parts.length < 2 ? null : JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
