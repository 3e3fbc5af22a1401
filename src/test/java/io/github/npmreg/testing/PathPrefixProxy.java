package io.github.npmreg.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny reverse proxy that puts a registry behind a GitLab-style path: requests under {@code prefix} (e.g.
 * {@code /api/v4/projects/42/packages/npm}) go to the backend with the prefix stripped; anything else gets 404. The
 * Host header is forwarded unchanged, so a backend that builds URLs from Host and a configured prefix (Verdaccio's
 * {@code url_prefix}) writes tarball URLs that point back through this proxy, as GitLab's do.
 *
 * <p>It works on raw sockets, one request per connection ({@code Connection: close} towards the backend), and
 * pipes bodies both ways untouched, so request and response bytes are exactly what client and backend sent.
 */
public final class PathPrefixProxy implements AutoCloseable {
    /** One request as seen: the path the client asked for and the one the backend got ({@code null}: refused). */
    public record Forwarded(String method, String requestedPath, String forwardedPath, String host) {}

    private final String prefix;
    private final URI backend;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "path-prefix-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Forwarded> seen = new CopyOnWriteArrayList<>();

    private PathPrefixProxy(String prefix, URI backend) throws IOException {
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.backend = backend;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Starts a proxy on a free loopback port for {@code backend} ({@code http://host:port}). */
    public static PathPrefixProxy start(String prefix, URI backend) {
        try {
            PathPrefixProxy proxy = new PathPrefixProxy(prefix, backend);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** The proxied registry URL: {@code http://127.0.0.1:<port><prefix>/}. */
    public URI prefixedUrl() {
        return url().resolve(prefix + "/");
    }

    public List<Forwarded> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing a listener only fails when it is already closed
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ", 3);
            String method = requestLine[0];
            String target = requestLine.length > 1 ? requestLine[1] : "";
            String host = null;
            StringBuilder headers = new StringBuilder();
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].contains(":") ? lines[i].substring(0, lines[i].indexOf(':')).strip()
                        .toLowerCase(Locale.ROOT) : "";
                if (name.equals("host")) {
                    host = lines[i].substring(lines[i].indexOf(':') + 1).strip();
                }
                if (!name.equals("connection") && !name.equals("keep-alive") && !name.equals("proxy-connection")) {
                    headers.append(lines[i]).append("\r\n");
                }
            }
            String forwarded = strip(target);
            seen.add(new Forwarded(method, target, forwarded, host));
            OutputStream out = client.getOutputStream();
            if (forwarded == null) {
                byte[] body = ("{\"error\":\"404 Not Found\",\"path\":\"" + target.replace("\"", "") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return;
            }
            try (Socket upstream = new Socket(backend.getHost(), backend.getPort())) {
                OutputStream up = upstream.getOutputStream();
                up.write((method + " " + forwarded + " " + (requestLine.length > 2 ? requestLine[2] : "HTTP/1.1")
                        + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                up.flush();
                // The request body (if any) streams on in the background; the answer streams back here.
                threads.execute(() -> pipe(in, up));
                upstream.getInputStream().transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            // a client or backend that hangs up mid-request ends this exchange only
        }
    }

    /** The target with the prefix removed, or {@code null} when it is not under the prefix. */
    private String strip(String target) {
        if (!target.startsWith(prefix)) {
            return null;
        }
        String rest = target.substring(prefix.length());
        if (rest.isEmpty()) {
            return "/";
        }
        if (rest.startsWith("?")) {
            return "/" + rest;
        }
        return rest.startsWith("/") ? rest : null;
    }

    private static void pipe(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            // the other side closed: the exchange is over
        }
    }

    /** Bytes up to and including the blank line that ends the request head; {@code null} on an empty connection. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toByteArray();
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too large");
            }
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }
}
