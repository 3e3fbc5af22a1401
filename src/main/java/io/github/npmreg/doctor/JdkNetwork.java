package io.github.npmreg.doctor;

import io.github.npmreg.registry.ProxyConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * {@link Network} on the JDK's own sockets and HTTP client: the TLS handshake happens inside {@link #get}, so a
 * certificate problem surfaces as the {@code SSLHandshakeException} the checks classify.
 */
public final class JdkNetwork implements Network {
    private final Duration timeout;
    private final ProxyConfig proxy;
    private final HttpClient client;

    /**
     * @param sslContext the trust the build uses ({@code SSLContext.getDefault()} for the JVM's trust store)
     * @param proxy      the build's proxy (settings.xml), honouring its non-proxy hosts; {@code null} for none
     */
    public JdkNetwork(SSLContext sslContext, ProxyConfig proxy, Duration timeout) {
        this.timeout = timeout;
        this.proxy = proxy;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(sslContext)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            builder.proxy(new ProxySelector() {
                @Override
                public List<java.net.Proxy> select(URI uri) {
                    return proxyFor(uri) == null ? List.of(java.net.Proxy.NO_PROXY) : List.of(new java.net.Proxy(
                            java.net.Proxy.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port())));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                    // Reported by the request itself.
                }
            });
        }
        this.client = builder.build();
    }

    @Override
    public InetAddress[] resolve(String host) throws IOException {
        return InetAddress.getAllByName(host);
    }

    @Override
    public void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        }
    }

    @Override
    public Answer get(URI uri, String authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json")
                .header("User-Agent", "npmreg-maven-plugin verify");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + uri, e);
        }
    }

    @Override
    public ProxyConfig proxyFor(URI uri) {
        return proxy == null || uri.getHost() == null || proxy.bypasses(uri.getHost()) ? null : proxy;
    }
}
