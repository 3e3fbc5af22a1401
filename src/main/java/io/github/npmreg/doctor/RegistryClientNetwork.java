package io.github.npmreg.doctor;

import io.github.npmreg.registry.ProxyConfig;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * {@link Network} over the build's one {@link RegistryClient}: the same proxy, trust store ({@code npmreg.caFile})
 * and no-redirect policy as {@code publish}, so a certificate or proxy problem shows here exactly as it would
 * there. DNS and TCP are probed with plain sockets, toward the proxy when one applies.
 */
public final class RegistryClientNetwork implements Network {
    private final RegistryClient client;
    private final ProxyConfig proxy;
    private final int connectTimeoutMillis;

    /** @param config the configuration {@code client} was built from (for its proxy and connect timeout) */
    public RegistryClientNetwork(RegistryClient client, RegistryClientConfig config) {
        this.client = client;
        this.proxy = config.proxy();
        this.connectTimeoutMillis = (int) config.connectTimeout().toMillis();
    }

    @Override
    public InetAddress[] resolve(String host) throws IOException {
        return InetAddress.getAllByName(host);
    }

    @Override
    public void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        }
    }

    @Override
    public Answer get(URI uri, String authorization) throws IOException {
        HttpGet get = new HttpGet(uri);
        get.addHeader("Accept", "application/json");
        if (authorization != null) {
            get.addHeader("Authorization", authorization);
        }
        // The doctor only shows and judges what comes back: redacted of the request's secrets before any check reads it.
        List<String> secrets = new ArrayList<>(io.github.npmreg.auth.Redaction.secretsOf(authorization));
        if (proxy != null && proxy.password() != null) {
            secrets.add(proxy.password());
        }
        return client.http().execute(get, response -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
                headers.computeIfAbsent(h.getName(), k -> new ArrayList<>())
                        .add(io.github.npmreg.auth.Redaction.redact(h.getValue(), secrets));
            }
            String body = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            // The publish after the preflight reads the same packument: offered to it instead of a second GET.
            client.offerAnswer(uri, authorization, response.getCode(), body);
            return new Answer(response.getCode(), headers, io.github.npmreg.auth.Redaction.redact(body, secrets));
        });
    }

    @Override
    public ProxyConfig proxyFor(URI uri) {
        return proxy == null || uri.getHost() == null || proxy.bypasses(uri.getHost()) ? null : proxy;
    }
}
