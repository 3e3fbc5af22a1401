package io.github.npmreg.publish;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.GitLabEndpoints;
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
}
