package io.github.npmreg.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An in-test registry that answers with scripted status, headers and bodies (the exact bodies GitLab, npmjs and
 * Verdaccio send), and records what it received.
 */
final class ScriptedRegistry implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    /** What one request looked like. */
    record Received(String method, String rawPath, Map<String, List<String>> headers, long bodyBytes, byte[] body) {}

    /** Bodies up to this size are kept for comparison; larger ones are only counted. */
    private static final int KEEP_BODY = 1 << 20;

    private static final Reply NOT_FOUND = Reply.json(404, "{\"error\":\"not_found\",\"reason\":\"document not found\"}");

    private final HttpServer server;
    private final Queue<Reply> gets = new ConcurrentLinkedQueue<>();
    private final Queue<Reply> puts = new ConcurrentLinkedQueue<>();
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            long n = 0;
            try (java.io.InputStream in = exchange.getRequestBody()) {
                for (int r; (r = in.read(buffer)) > 0; n += r) {
                    if (n + r <= KEEP_BODY) {
                        kept.write(buffer, 0, r);
                    }
                }
            }
            String method = exchange.getRequestMethod();
            received.add(new Received(method, exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), n, n <= KEEP_BODY ? kept.toByteArray() : null));
            Reply r = method.equals("PUT") ? puts.poll() : gets.poll();
            if (r == null) {
                r = method.equals("PUT") ? Reply.json(201, "{\"ok\":\"created\"}") : NOT_FOUND;
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    ScriptedRegistry onGet(Reply... replies) {
        gets.addAll(List.of(replies));
        return this;
    }

    ScriptedRegistry onPut(Reply... replies) {
        puts.addAll(List.of(replies));
        return this;
    }

    long count(String method) {
        return received.stream().filter(r -> r.method().equals(method)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
