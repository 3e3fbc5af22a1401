package io.github.npmreg.registry;

import java.net.URI;

/** What a packument request found. */
public sealed interface PackumentLookup {
    /** The registry knows the package. */
    record Found(Packument packument) implements PackumentLookup {}

    /** 404: the registry does not know the package (or hides it from these credentials). */
    record NotFound(URI url, String registryMessage) implements PackumentLookup {}

    /**
     * The registry redirected to another host, which we do not follow with the user's credentials. GitLab does this
     * for a package it does not hold when npm package request forwarding is on (gitlab-npm-registry.md section 4):
     * the answer would come from npmjs, not from GitLab.
     */
    record Redirected(URI url, int status, URI location) implements PackumentLookup {}

    default boolean hasVersion(String version) {
        return this instanceof Found f && f.packument().hasVersion(version);
    }
}
