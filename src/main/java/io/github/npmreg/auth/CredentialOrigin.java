package io.github.npmreg.auth;

/**
 * Where the publish credentials came from, first found wins (docs/configuration.md "Which credentials"). Decisions
 * (which variable an .npmrc may reference, whether a job token is in play) read this value, never
 * {@link Credentials#source()}, which is for people.
 */
public enum CredentialOrigin {
    /** The settings.xml {@code <server>} named by serverId. */
    SETTINGS_SERVER(null),
    /** The .npmrc auth line of the registry (npm's exact publish key). */
    NPMRC(null),
    /** An .npmrc auth line found only by walking up from the registry path (npm publish would not find it). */
    NPMRC_WALKED_UP(null),
    /** The environment variable NPM_TOKEN. */
    NPM_TOKEN("NPM_TOKEN"),
    /** The environment variable NODE_AUTH_TOKEN (actions/setup-node's name). */
    NODE_AUTH_TOKEN("NODE_AUTH_TOKEN"),
    /** GitLab CI's CI_JOB_TOKEN, for a registry on the job's own GitLab. */
    GITLAB_JOB_TOKEN("CI_JOB_TOKEN"),
    /** No stored credentials: an OIDC ID token is exchanged for a publish token right before the upload. */
    TRUSTED_PUBLISHING(null),
    /** Nothing found. */
    NONE(null);

    private final String variable;

    CredentialOrigin(String variable) {
        this.variable = variable;
    }

    /**
     * The environment variable that holds the secret, so a generated .npmrc can say {@code ${VAR}} instead of the
     * secret; {@code NPM_TOKEN} for origins that are no variable (settings.xml, .npmrc), which is the name npm's
     * and GitLab's recipes use.
     */
    public String environmentVariable() {
        return variable == null ? "NPM_TOKEN" : variable;
    }
}
