package io.github.npmreg.maven;

/**
 * One {@code <registry>} of the {@code npmrc} goal's {@code <registries>}: a scope, its registry URL and the
 * settings.xml server holding the credentials for it.
 */
public class Registry {
    /** {@code @acme}; empty for the default registry line ({@code registry=...}). */
    private String scope;
    /** The registry URL, e.g. {@code https://gitlab.example.com/api/v4/groups/12/-/packages/npm/}. */
    private String url;
    /** The settings.xml server with the token (password) or username + password for this registry. */
    private String serverId;
    /** With tokensFromEnvironment: the variable written as {@code ${VAR}} instead of the secret. */
    private String tokenVariable;

    public String getScope() {
        return scope;
    }

    public String getUrl() {
        return url;
    }

    public String getServerId() {
        return serverId;
    }

    public String getTokenVariable() {
        return tokenVariable;
    }
}
