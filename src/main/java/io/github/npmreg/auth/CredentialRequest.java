package io.github.npmreg.auth;

import io.github.npmreg.npmrc.NpmConfig;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link CredentialSource} may look at: the registry to publish to, the settings.xml server (if the
 * user named one), the layered {@code .npmrc} configuration and the environment.
 */
public record CredentialRequest(URI registry, Optional<ServerCredentials> server, NpmConfig npmrc,
        Map<String, String> env) {
    public CredentialRequest {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(npmrc, "npmrc");
        env = Map.copyOf(env);
    }

    /** Names only: the environment and the config hold secrets. */
    @Override
    public String toString() {
        return "credential request for " + registry + (server.map(s -> " with " + s).orElse(""))
                + ", " + npmrc.layers().size() + " npm config layer(s), " + env.size() + " environment variable(s)";
    }
}
