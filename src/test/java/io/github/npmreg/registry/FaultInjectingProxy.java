package io.github.npmreg.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reverse proxy in front of a real registry that misbehaves on PUT requests as scripted: resets the connection
 * mid-upload, answers an error itself, or forwards the PUT and then drops the answer. One request per connection
 * (it answers with {@code Connection: close}), raw sockets so a reset is a real TCP RST.
 */
final class FaultInjectingProxy implements AutoCloseable {
    enum Fault {
        /** Forward the request and relay the answer. */
        FORWARD,
        /** Read half of the body, then reset the connection. */
        RESET_MID_UPLOAD,
        /** Read the body and answer 500 without forwarding. */
        ANSWER_500,
        /** Read the body and answer 429 with {@code Retry-After: 7} without forwarding. */
        ANSWER_429,
        /** Forward the request (the registry stores it), then reset the connection instead of answering. */
        LOSE_ANSWER
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final URI upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<Fault> putFaults = new ConcurrentLinkedQueue<>();
    /** Status of every PUT the upstream registry answered. */
    final List<Integer> upstreamPutStatuses = Collections.synchronizedList(new ArrayList<>());
    /** The request target of every forwarded request, as the client sent it. */
    final List<String> requestTargets = Collections.synchronizedList(new ArrayList<>());
    /** Every PUT that reached the proxy, as "fault" names. */
    final List<Fault> putsSeen = Collections.synchronizedList(new ArrayList<>());

    FaultInjectingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** The faults the next PUTs meet, in order; once used up, PUTs are forwarded. */
    void script(Fault... faults) {
        putFaults.clear();
        putFaults.addAll(List.of(faults));
        upstreamPutStatuses.clear();
        putsSeen.clear();
        requestTargets.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.submit(() -> handle(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0];
            String target = requestLine[1];
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            Fault fault = Fault.FORWARD;
            if (method.equals("PUT")) {
                Fault next = putFaults.poll();
                fault = next == null ? Fault.FORWARD : next;
                putsSeen.add(fault);
            }
            if (fault == Fault.RESET_MID_UPLOAD) {
                in.readNBytes((int) Math.min(length / 2, Integer.MAX_VALUE));
                reset(socket);
                return;
            }
            byte[] body = in.readNBytes((int) length);
            switch (fault) {
                case ANSWER_500 -> respond(socket, 500, Map.of("content-type", "application/json"),
                        "{\"error\":\"internal server error (injected)\"}".getBytes(StandardCharsets.UTF_8));
                case ANSWER_429 -> respond(socket, 429, Map.of("content-type", "application/json", "retry-after", "7"),
                        "{\"error\":\"too many requests (injected)\"}".getBytes(StandardCharsets.UTF_8));
                default -> {
                    HttpResponse<byte[]> answer = forward(method, target, headers, body);
                    if (method.equals("PUT")) {
                        upstreamPutStatuses.add(answer.statusCode());
                    }
                    if (fault == Fault.LOSE_ANSWER) {
                        reset(socket);
                        return;
                    }
                    Map<String, String> out = new LinkedHashMap<>();
                    answer.headers().map().forEach((k, v) -> {
                        if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                            out.put(k, String.join(", ", v));
                        }
                    });
                    respond(socket, answer.statusCode(), out, answer.body());
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to do
        }
    }

    private HttpResponse<byte[]> forward(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        // Absolute-form targets ("PUT http://host/path") arrive when a client uses this as its forward proxy.
        URI to = target.startsWith("http://") ? URI.create(target)
                : URI.create(upstream.toString().replaceAll("/$", "") + target);
        requestTargets.add(target);
        HttpRequest.Builder b = HttpRequest.newBuilder(to)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((k, v) -> {
            if (!NOT_FORWARDED.contains(k)) {
                b.header(k, v);
            }
        });
        return forwarder.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(Socket socket, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("content-length: ").append(body.length).append("\r\nconnection: close\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** SO_LINGER 0 makes close() send a TCP RST: the client sees "connection reset", as on a network failure. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String s = head.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }
}
