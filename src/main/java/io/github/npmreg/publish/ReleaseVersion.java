package io.github.npmreg.publish;

import io.github.npmreg.manifest.NpmVersion;
import java.util.Objects;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * The version a release publishes and where it came from.
 *
 * @param published  the version as it goes to the registry: a Maven {@code X-SNAPSHOT} mapped to
 *                   {@code X-SNAPSHOT.<UTC timestamp>}, short Maven forms padded ({@link
 *                   io.github.npmreg.manifest.SnapshotVersion}); from package.json as written
 * @param configured the value as the user wrote it (the POM parameter or package.json)
 * @param origin     where it came from
 * @param snapshot   a Maven SNAPSHOT: published under the dist-tag {@code snapshot} unless a tag is set
 */
public record ReleaseVersion(String published, String configured, VersionOrigin origin, boolean snapshot) {
    public ReleaseVersion {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether npm counts this as a prerelease (semver prerelease identifiers), the one rule for tags and checks. */
    public boolean prerelease() {
        return NpmVersion.clean(published).map(v -> !Semver.parse(v).getPreRelease().isEmpty()).orElse(false);
    }

    /** The next patch version, for fixes ("1.0.1" after "1.0.0"); empty when the version is not SemVer. */
    public Optional<String> nextPatch() {
        return NpmVersion.clean(published).map(v -> Semver.parse(v).withIncPatch().getVersion());
    }

    @Override
    public String toString() {
        return published + " (from " + origin.description() + ")";
    }
}
