package io.github.npmreg.maven;

import io.github.npmreg.gitlab.GitLabShorthand;

/**
 * The {@code <gitlab>} shorthand: an instance URL plus a project (to publish to) and optionally a group (to install
 * from), from which the plugin builds GitLab's npm endpoint URLs.
 */
public class GitLab {
    /** The GitLab instance, e.g. {@code https://gitlab.example.com}. */
    private String url;
    /** The project to publish to: its numeric id or its URL-encoded path ({@code group%2Fproject}). */
    private String projectId;
    /** A group whose packages the npmrc goal makes installable (group-level endpoint), optional. */
    private String groupId;
    /** Make the package's scope installable from the instance-level endpoint instead of the project. */
    private boolean instanceLevel;

    public String getUrl() {
        return url;
    }

    public String getProjectId() {
        return projectId;
    }

    public String getGroupId() {
        return groupId;
    }

    public boolean isInstanceLevel() {
        return instanceLevel;
    }

    GitLabShorthand toShorthand() {
        return new GitLabShorthand(url, projectId, groupId, instanceLevel);
    }
}
