package io.github.npmreg.auth;

import java.net.URI;
import java.util.Objects;

/**
 * The registry to publish to and why it was chosen.
 *
 * @param url                the registry, always ending in {@code /}
 * @param reason             where it came from, e.g. {@code publishConfig.registry in /x/package.json}
 * @param trailingSlashAdded whether the configured URL lacked its trailing {@code /}: npm would then look up
 *                           credentials one path segment too high and fail with ENEEDAUTH ({@code verify} warns)
 */
public record SelectedRegistry(URI url, String reason, boolean trailingSlashAdded) {
    public SelectedRegistry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reason, "reason");
    }
}
