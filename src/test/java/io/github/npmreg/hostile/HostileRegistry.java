package io.github.npmreg.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A registry that misbehaves on purpose, on a raw socket so it can do what no HTTP server library lets it: trickle
 * bytes, never answer, reset, echo the request (headers included) into its answer, send HTML or cut-off JSON. Each
 * request is recorded with its method, path, headers and body.
 */
final class HostileRegistry implements AutoCloseable {
    /** One request as received. */
    record Request(String method, String path, String head, byte[] body) {
        String text() {
            return head + "\r\n" + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** What to do with a request: write any bytes (or none) to the socket. */
    @FunctionalInterface
    interface Behaviour {
        void answer(Request request, Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    final List<Request> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    HostileRegistry(Function<Request, Behaviour> script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s, script));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket s, Function<Request, Behaviour> script) {
        try (s) {
            InputStream in = s.getInputStream();
            while (true) {
                Request r = read(in);
                if (r == null) {
                    return;
                }
                received.add(r);
                script.apply(r).answer(r, s);
                if (s.isClosed()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away
        }
    }

    private static Request read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (c < 0) {
            return null;
        }
        String[] lines = head.toString().split("\r\n");
        String[] first = lines[0].split(" ");
        long length = 0;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                StringBuilder size = new StringBuilder();
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
                if (n == 0) {
                    in.read();
                    in.read();
                    break;
                }
                body.write(in.readNBytes(n));
                in.read();
                in.read();
            }
        } else {
            body.write(in.readNBytes((int) length));
        }
        return new Request(first[0], first.length > 1 ? first[1] : "", head.toString(), body.toByteArray());
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    long count(String method) {
        return received.stream().filter(r -> r.method().equals(method)).count();
    }

    /** Every byte received, for secret searches. */
    String allReceived() {
        StringBuilder b = new StringBuilder();
        synchronized (received) {
            received.forEach(r -> b.append(r.text()));
        }
        return b.toString();
    }

    // --- behaviours --------------------------------------------------------------------------------------------

    static Behaviour answer(int status, String contentType, String body) {
        return (r, s) -> write(s, status, contentType == null ? List.of() : List.of("Content-Type: " + contentType), body);
    }

    static Behaviour json(int status, String body) {
        return answer(status, "application/json", body);
    }

    static Behaviour notFound() {
        return json(404, "{\"error\":\"not_found\"}");
    }

    /** Answers with the whole request (Authorization included) in the body and in a header. */
    static Behaviour echo(int status) {
        return (r, s) -> {
            String auth = r.head().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("authorization:"))
                    .findFirst().orElse("none");
            write(s, status, List.of("Content-Type: application/json", "X-Echo: " + auth,
                    "Location: http://127.0.0.1/echo?" + auth.replace(' ', '+')),
                    "{\"error\":\"bad request\",\"reason\":\"you sent " + r.head().replace("\r\n", " | ")
                            .replace("\"", "'") + "\"}");
        };
    }

    /** Sends the status line and headers, then one byte of the body every {@code millis}. */
    static Behaviour trickle(long millis) {
        return (r, s) -> {
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < 100000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(millis);
            }
        };
    }

    /** Reads the request and never answers. */
    static Behaviour silent() {
        return (r, s) -> Thread.sleep(60_000);
    }

    /** Closes the connection without a word. */
    static Behaviour hangUp() {
        return (r, s) -> s.close();
    }

    static void write(Socket s, int status, List<String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        OutputStream out = s.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
