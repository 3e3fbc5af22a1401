package io.github.npmreg.publish;

import io.github.npmreg.auth.CredentialOrigin;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.manifest.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One package's release, decided before anything is sent and computed once per build from the POM parameters,
 * package.json, the .npmrc files, settings.xml and the environment: the name, the version as published, the dist-tag,
 * access, the publish registry and the credentials, each with where it came from as a value. {@code npmrc},
 * {@code publish-config}, {@code publish}, the preflight and {@code verify} all read this one value, so they cannot
 * disagree; log lines render it, no rule reads a rendered string.
 *
 * @param name             the package name
 * @param manifestFile     the source package.json, for messages
 * @param version          the version as published, with its origin
 * @param tag              the dist-tag, with its origin
 * @param access           {@code public}, {@code restricted}, or {@code null} for the registry's default
 * @param registry         the publish registry with its origin; {@code null} when none is usable (see problems)
 * @param credentials      what publish sends (none for trusted publishing, which exchanges a token at upload time)
 * @param credentialOrigin where the credentials came from
 * @param requiredTag      the requireTag rule, or {@code null} when any commit may be published
 * @param skipExisting     an existing version is skipped rather than a failure
 * @param problems         what stops this release before anything is sent, in the order found
 */
public record Release(
        PackageName name,
        Path manifestFile,
        ReleaseVersion version,
        DistTag tag,
        String access,
        SelectedRegistry registry,
        Credentials credentials,
        CredentialOrigin credentialOrigin,
        ReleaseTag requiredTag,
        boolean skipExisting,
        List<ReleaseProblem> problems) {

    public Release {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(credentialOrigin, "credentialOrigin");
        problems = List.copyOf(problems);
    }

    /** No stored credentials: an OIDC ID token is exchanged for a publish token right before the upload. */
    public boolean trustedPublishing() {
        return credentialOrigin == CredentialOrigin.TRUSTED_PUBLISHING;
    }

    /** {@code @acme/hello@1.2.0}. */
    public String id() {
        return name + "@" + version.published();
    }

    /** The first problem of {@code kind}, if any. */
    public java.util.Optional<ReleaseProblem> problem(ReleaseProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** This release, or the first problem as the error a goal stops with (it names the setting and the fix). */
    public Release requireValid() {
        if (!problems.isEmpty()) {
            throw problems.get(0).detail();
        }
        return this;
    }

    /** What the requireTag rule says about this build; empty when requireTag is off. */
    public java.util.Optional<ReleaseTag.Verdict> tagVerdict(Path packageDirectory, java.util.Map<String, String> env) {
        if (requiredTag == null) {
            return java.util.Optional.empty();
        }
        String source = version.origin() == VersionOrigin.PACKAGE_JSON
                ? "\"version\" in " + manifestFile : version.origin().description();
        return java.util.Optional.of(requiredTag.judge(version.published(), source,
                v -> version.origin().changeTo(v, manifestFile), packageDirectory, env));
    }

    /** How the log introduces the release: one line naming each part's source once. */
    public String describe() {
        return id() + " (version from " + version.origin().description() + ")"
                + (registry == null ? "" : " to " + registry.display() + " (" + registry.reason() + ")");
    }
}
