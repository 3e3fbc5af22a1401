package io.github.npmreg.doctor;

import io.github.npmreg.BuildLog;
import io.github.npmreg.registry.ProxyConfig;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import java.nio.file.Path;
import java.time.Duration;

/** The doctor's network as the verify goal builds it: over a {@link RegistryClient}. */
final class Networks {
    private static final Network DIRECT = with(config(Duration.ofSeconds(5)));

    private Networks() {}

    static RegistryClientConfig config(Duration timeout) {
        return RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT).withTimeouts(timeout, timeout);
    }

    /** No proxy, the JVM's trust store; one client for all tests, as one build has one. */
    static Network direct() {
        return DIRECT;
    }

    static Network with(RegistryClientConfig config) {
        return new RegistryClientNetwork(new RegistryClient(config), config);
    }

    static Network trusting(Path caPem) {
        return with(config(Duration.ofSeconds(5)).withExtraCaPem(caPem));
    }

    /** The GETs a test answers itself. */
    @FunctionalInterface
    interface Get {
        Network.Answer answer(java.net.URI uri, String authorization) throws java.io.IOException;
    }

    /** A network where every host resolves to loopback and connects, and {@code get} answers each GET. */
    static Network answering(Get get) {
        return new Network() {
            @Override
            public java.net.InetAddress[] resolve(String host) {
                return new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()};
            }

            @Override
            public void connect(String host, int port) {}

            @Override
            public Network.Answer get(java.net.URI uri, String authorization) throws java.io.IOException {
                return get.answer(uri, authorization);
            }

            @Override
            public ProxyConfig proxyFor(java.net.URI uri) {
                return null;
            }
        };
    }

    static Network via(ProxyConfig proxy) {
        return with(config(Duration.ofSeconds(5)).withProxy(proxy));
    }
}
