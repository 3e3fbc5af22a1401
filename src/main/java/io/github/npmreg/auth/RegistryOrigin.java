package io.github.npmreg.auth;

/**
 * Where the publish registry came from, in npm's precedence (plus the plugin's own sources). Decisions read this
 * value (is it npm's default? did GitLab CI choose it?); only log lines and fixes render it as text.
 */
public enum RegistryOrigin {
    /** The plugin's {@code registry} parameter ({@code <registry>} or {@code -Dnpmreg.registry}). */
    PLUGIN_PARAMETER("the plugin's registry parameter"),
    /** The {@code <gitlab>} shorthand: the project endpoint built from its url and projectId. */
    GITLAB_SHORTHAND("<gitlab> in the plugin configuration"),
    /** {@code publishConfig["@scope:registry"]} in package.json. */
    PUBLISH_CONFIG_SCOPE("publishConfig[\"@scope:registry\"] in package.json"),
    /** An {@code @scope:registry} line of an .npmrc (or npm_config_ variable). */
    NPMRC_SCOPE("an @scope:registry line of .npmrc"),
    /** {@code publishConfig.registry} in package.json. */
    PUBLISH_CONFIG_REGISTRY("publishConfig.registry in package.json"),
    /** A {@code registry=} line of an .npmrc (or npm_config_registry). */
    NPMRC_REGISTRY("a registry line of .npmrc"),
    /** GitLab CI with nothing else configured: {@code CI_API_V4_URL} + {@code CI_PROJECT_ID}. */
    GITLAB_CI_PROJECT("GitLab CI project registry (CI_API_V4_URL + CI_PROJECT_ID; nothing else configured)"),
    /** Nothing chose one: npm's public default. */
    NPM_DEFAULT("npm's default registry");

    private final String description;

    RegistryOrigin(String description) {
        this.description = description;
    }

    /** What this origin is, for log lines: e.g. {@code <gitlab> in the plugin configuration}. */
    public String description() {
        return description;
    }

    /** Whether the value lives in the POM (so the fix is "change the POM"). */
    public boolean inPom() {
        return this == PLUGIN_PARAMETER || this == GITLAB_SHORTHAND;
    }
}
