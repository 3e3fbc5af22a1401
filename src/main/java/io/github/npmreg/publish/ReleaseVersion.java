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
 *                   io.github.npmreg.manifest.SnapshotVersion}); from package.json cleaned as npm's
 *                   {@code semver.clean} does when it publishes ({@code v1.0.0}, {@code =1.0.0} and surrounding
 *                   spaces become {@code 1.0.0}; build metadata dropped)
 * @param configured the value as the user wrote it (the POM parameter or package.json)
 * @param origin     where it came from
 * @param snapshot   a Maven SNAPSHOT: published under the dist-tag {@code snapshot} unless a tag is set
 */
public record ReleaseVersion(String published, String configured, VersionOrigin origin, boolean snapshot) {
    public ReleaseVersion {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * The version package.json holds, as npm publishes it: cleaned ({@code " v1.0.0 "} -> {@code 1.0.0}); a value
     * that does not clean to SemVer is kept as written (the release then carries VERSION_INVALID, nothing is sent).
     */
    public static ReleaseVersion fromPackageJson(String raw) {
        String written = raw == null ? "" : raw;
        return new ReleaseVersion(NpmVersion.clean(written).orElse(written), written, VersionOrigin.PACKAGE_JSON,
                false);
    }

    /** Whether the version was cleaned on the way to the registry (npm warns: "version" was cleaned and set to …). */
    public boolean cleaned() {
        return origin == VersionOrigin.PACKAGE_JSON && configured != null && !configured.equals(published);
    }

    /** Whether {@code published} is SemVer a registry accepts. */
    public boolean valid() {
        return NpmVersion.clean(published).map(published::equals).orElse(false);
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
