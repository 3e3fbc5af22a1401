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

    static Network via(ProxyConfig proxy) {
        return with(config(Duration.ofSeconds(5)).withProxy(proxy));
    }
}
