package io.github.npmreg.publish;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.gitlab.GitLabShorthand;
import io.github.npmreg.npmrc.NpmrcWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lines of the .npmrc the {@code npmrc} goal writes: a scope line and a matching nerf-dart auth line per
 * registry. For a GitLab group- or instance-level URL it adds an auth line for {@code /api/v4/projects/}: GitLab
 * answers metadata there with project-level tarball URLs, which the group/instance auth line does not cover, so
 * without it {@code npm install} gets the metadata and then a 401/404 on the tarball.
 */
public final class NpmrcContent {
    private static final List<String> SECRET_KEYS = List.of(":_authToken", ":_password", ":_auth");

    /**
     * One registry to configure.
     *
     * @param scope          {@code @acme}, or null for none
     * @param url            the registry URL
     * @param credentials    what to authenticate with (none: no auth line)
     * @param secretVariable write {@code ${secretVariable}} instead of the secret, or null to write the secret
     */
    public record Registry(String scope, URI url, Credentials credentials, String secretVariable) {}

    private NpmrcContent() {}

    /**
     * The release's registry with its credentials, so later npm calls in the build find the package's scope: the
     * project endpoint, or (with {@code <gitlab><groupId>} or {@code <instanceLevel>}) the install URL for the scope
     * plus an auth line for the project endpoint. Nothing for npm's default registry. With
     * {@code tokensFromEnvironment} the secret is written as the variable its origin names ({@code ${CI_JOB_TOKEN}}
     * for the job token, {@code ${NODE_AUTH_TOKEN}}, else {@code ${NPM_TOKEN}}).
     */
    public static List<Registry> forRelease(Release release, GitLabShorthand gitlab, boolean tokensFromEnvironment) {
        if (release.registry() == null || release.registry().isNpmDefault()) {
            return List.of();
        }
        String variable = tokensFromEnvironment ? release.credentialOrigin().environmentVariable() : null;
        String scope = release.name().scope().orElse(null);
        URI publish = release.registry().url();
        URI install = gitlab == null ? null : gitlab.installRegistry();
        if (install == null) {
            return List.of(new Registry(scope, publish, release.credentials(), variable));
        }
        return List.of(new Registry(scope, install, release.credentials(), variable),
                new Registry(null, publish, release.credentials(), variable));
    }

    public static List<String> lines(List<Registry> registries) {
        Set<String> out = new LinkedHashSet<>();
        for (Registry r : registries) {
            out.addAll(NpmrcWriter.lines(r.scope(), r.url(), r.credentials(), r.secretVariable()));
            GitLabEndpoints.Classification gitlab = GitLabEndpoints.classify(r.url());
            if (gitlab.level() == GitLabEndpoints.Level.GROUP || gitlab.level() == GitLabEndpoints.Level.INSTANCE) {
                URI projects = URI.create(gitlab.api().apiV4() + "projects/");
                out.addAll(NpmrcWriter.lines(null, projects, r.credentials(), r.secretVariable()));
            }
        }
        return new ArrayList<>(out);
    }

    /** A line as the log may show it: the value of an auth line holding a secret becomes {@code (secret)}. */
    public static String forLog(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return line;
        }
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1);
        boolean secret = SECRET_KEYS.stream().anyMatch(key::endsWith) && !(value.startsWith("${") && value.endsWith("}"));
        return secret ? key + "=(secret)" : line;
    }
}
