package io.github.npmreg.auth;

import io.github.npmreg.gitlab.GitLabEndpoints;
import java.net.URI;
import java.util.Objects;

/**
 * The registry to publish to and where it came from.
 *
 * @param url                the registry, always ending in {@code /}
 * @param origin             which setting chose it
 * @param where              the exact place, e.g. {@code /x/.npmrc} or {@code /x/package.json}; {@code null} when the
 *                           origin says it all (the plugin parameter, npm's default)
 * @param trailingSlashAdded whether the configured URL lacked its trailing {@code /}: npm would then look up
 *                           credentials one path segment too high and fail with ENEEDAUTH ({@code verify} warns)
 */
public record SelectedRegistry(URI url, RegistryOrigin origin, String where, boolean trailingSlashAdded) {
    public SelectedRegistry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
    }

    /** Why this registry, for log lines and evidence: the origin, and the file when there is one. */
    public String reason() {
        return switch (origin) {
            case PUBLISH_CONFIG_SCOPE, PUBLISH_CONFIG_REGISTRY, NPMRC_SCOPE, NPMRC_REGISTRY ->
                    where == null ? origin.description() : where;
            default -> origin.description();
        };
    }

    /** True when nothing chose a registry and npm's public default applies. */
    public boolean isNpmDefault() {
        return origin == RegistryOrigin.NPM_DEFAULT;
    }

    /** Which GitLab npm endpoint this is, if any. */
    public GitLabEndpoints.Classification gitlab() {
        return GitLabEndpoints.classify(url);
    }

    /**
     * The URL as it may be shown: without user-info ({@code https://user:secret@host/} shows as {@code https://host/}),
     * so a credential embedded in a URL never reaches a log line through this value.
     */
    public String display() {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return display() + " (" + reason() + ")";
    }
}
