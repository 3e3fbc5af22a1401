package io.github.npmreg.doctor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering fixed responses per path, for registry behaviours no other fixture has (a
 * whoami without a user, a read_api token, a redirect to npmjs). Records each request as
 * {@code METHOD path auth}, so tests can assert that only reads were sent.
 */
final class StubRegistry implements AutoCloseable {
    record Response(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    StubRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            Response r = routes.getOrDefault(path, new Response(404, "{\"error\":\"not found\"}", Map.of()));
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    StubRegistry on(String path, int status, String body) {
        routes.put(path, new Response(status, body, Map.of()));
        return this;
    }

    StubRegistry redirect(String path, String location) {
        routes.put(path, new Response(302, "", Map.of("Location", location)));
        return this;
    }

    /** {@code http://127.0.0.1:<port>} without a trailing slash. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
