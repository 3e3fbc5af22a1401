package io.github.npmreg.gitlab;

import io.github.npmreg.NpmregException;
import java.net.URI;

/**
 * The plugin's {@code <gitlab>} shorthand as plain data: an instance URL, the project to publish to and, for the
 * {@code npmrc} goal, where installs should come from (a group, the instance, or the project itself).
 *
 * @param url           the instance, e.g. {@code https://gitlab.example.com}
 * @param projectId     the project's numeric id or URL-encoded path; required
 * @param groupId       a group whose endpoint installs use, or {@code null}
 * @param instanceLevel install through the instance-level endpoint
 */
public record GitLabShorthand(String url, String projectId, String groupId, boolean instanceLevel) {

    /** Whether the shorthand is configured at all (it needs its url). */
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    /** The project's npm endpoint: the only GitLab level that accepts a publish. */
    public URI publishRegistry() {
        if (projectId == null || projectId.isBlank()) {
            throw new NpmregException("<gitlab> has a <url> but no <projectId>: GitLab accepts publishes only at the"
                    + " project level.", "add <projectId>NUMERIC_ID_OR_URL_ENCODED_PATH</projectId> inside <gitlab>.");
        }
        return GitLabEndpoints.fromBaseUrl(url).project(projectId);
    }

    /** The group- or instance-level URL installs should use, or {@code null} to install from the project. */
    public URI installRegistry() {
        GitLabEndpoints endpoints = GitLabEndpoints.fromBaseUrl(url);
        if (groupId != null && !groupId.isBlank()) {
            return endpoints.group(groupId);
        }
        return instanceLevel ? endpoints.instance() : null;
    }
}
