package io.github.npmreg.publish;

import io.github.npmreg.NpmregException;
import java.util.Objects;

/**
 * Something that stops this release before anything is sent, found while planning it. The planner collects these
 * instead of throwing, so {@code verify} can report each as a finding while the goals stop on the first one.
 */
public record ReleaseProblem(Kind kind, NpmregException detail) {
    public enum Kind {
        /** {@code "private"} is truthy in package.json: npm refuses with EPRIVATE, so nothing is ever sent. */
        PACKAGE_PRIVATE,
        /** strict is on and npm warns about package.json ({@link NpmWarnings}). */
        NPM_WARNING_STRICT,
        /** The configured Maven version maps to no SemVer version. */
        VERSION_INVALID,
        /** A prerelease without a dist-tag: npm refuses to move latest to it. */
        PRERELEASE_WITHOUT_TAG,
        /** The dist-tag reads as a version or range. */
        TAG_INVALID,
        /** access is neither public nor restricted, or restricted on an unscoped name. */
        ACCESS_INVALID,
        /** The registry URL cannot be used at all. */
        REGISTRY_URL_INVALID,
        /** The registry URL holds user-info ({@code user:password@}): npm refuses it with ENEEDAUTH. */
        REGISTRY_URL_CREDENTIALS,
        /** A GitLab group-level URL as publish registry (no PUT route there). */
        GITLAB_GROUP_ENDPOINT,
        /** GitLab's instance-level URL as publish registry (no PUT route there). */
        GITLAB_INSTANCE_ENDPOINT,
        /** The {@code <gitlab>} shorthand is incomplete. */
        GITLAB_SHORTHAND_INVALID,
        /** The credentials are configured but cannot be used (empty settings.xml password, unset ${VAR}). */
        CREDENTIALS_UNUSABLE,
        /** The requireTag pattern is not a usable pattern. */
        TAG_PATTERN_INVALID
    }

    public ReleaseProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
