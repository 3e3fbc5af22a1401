package io.github.npmreg.doctor;

import java.util.Map;

/**
 * What a token is, told by its prefix (GitLab and npm prefix every new token) or by being this job's
 * {@code CI_JOB_TOKEN}, and what it can do on a registry (gitlab-npm-registry.md §2).
 */
enum TokenKind {
    GITLAB_JOB_TOKEN("GitLab CI job token", true,
            "acts as the pipeline user: publishes to this project (Developer role), to other projects only if "
                    + "their job-token allowlist includes this one"),
    GITLAB_ACCESS_TOKEN("GitLab personal/project/group access token (glpat-)", true,
            "publishes with the api scope and the Developer role; read_api only reads"),
    GITLAB_DEPLOY_TOKEN("GitLab deploy token (gldt-)", true,
            "publishes with write_package_registry, reads with read_package_registry"),
    GITLAB_FEED_TOKEN("GitLab feed token (glft-)", true, "reads RSS/calendar feeds only; cannot publish"),
    NPM_TOKEN("npm access token (npm_)", false,
            "publishes to npmjs.org when it is an automation or granular token with write access to the package"),
    UNRECOGNIZED("token of no recognizable kind", false,
            "a legacy or registry-specific token (e.g. Verdaccio, Nexus); the registry decides what it may do");

    private final String description;
    private final boolean gitlab;
    private final String abilities;

    TokenKind(String description, boolean gitlab, String abilities) {
        this.description = description;
        this.gitlab = gitlab;
        this.abilities = abilities;
    }

    static TokenKind of(String token, Map<String, String> environment) {
        String jobToken = environment.get("CI_JOB_TOKEN");
        if (token.startsWith("glcbt-") || (jobToken != null && !jobToken.isEmpty() && jobToken.equals(token))) {
            return GITLAB_JOB_TOKEN;
        }
        if (token.startsWith("glpat-")) {
            return GITLAB_ACCESS_TOKEN;
        }
        if (token.startsWith("gldt-")) {
            return GITLAB_DEPLOY_TOKEN;
        }
        if (token.startsWith("glft-")) {
            return GITLAB_FEED_TOKEN;
        }
        if (token.startsWith("npm_")) {
            return NPM_TOKEN;
        }
        return UNRECOGNIZED;
    }

    String description() {
        return description;
    }

    /** Issued by GitLab (so useless against npmjs.org). */
    boolean gitlab() {
        return gitlab;
    }

    String abilities() {
        return abilities;
    }
}
