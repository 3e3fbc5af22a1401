package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathPrefixProxyTest {
    private static final String PREFIX = "/api/v4/projects/42/packages/npm";

    private HttpServer backend;
    private PathPrefixProxy proxy;
    private final List<String> backendSaw = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            backendSaw.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())
                    + " host=" + ex.getRequestHeaders().getFirst("Host"));
            byte[] out = ("echo:" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        backend.start();
        proxy = PathPrefixProxy.start(PREFIX, URI.create("http://127.0.0.1:" + backend.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        backend.stop(0);
    }

    @Test
    void stripsThePrefixAndKeepsHostQueryAndBody() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(proxy.prefixedUrl() + "@acme%2fapp?write=true"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode());
        assertEquals("echo:{\"x\":1}", r.body());
        String proxyHost = "127.0.0.1:" + proxy.url().getPort();
        assertEquals(List.of("PUT /@acme%2fapp?write=true host=" + proxyHost), backendSaw);
        assertEquals("/@acme%2fapp?write=true", proxy.seen().get(0).forwardedPath());
    }

    @Test
    void thePrefixItselfIsTheRoot() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(proxy.url() + PREFIX.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(List.of("GET / host=127.0.0.1:" + proxy.url().getPort()), backendSaw);
    }

    @Test
    void outsideThePrefixIs404WithoutReachingTheBackend() throws Exception {
        for (String path : List.of("api/v4/projects/43/packages/npm/@acme%2fapp", "api/v4/projects/42/packages/npmx",
                "-/ping")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(proxy.url().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
        }
        assertEquals(List.of(), backendSaw);
        assertNull(proxy.seen().get(0).forwardedPath());
    }
}
