package io.github.npmreg.manifest;

import java.util.Optional;
import org.semver4j.Semver;

/**
 * The version string npm publishes. npm's {@code semver.clean} trims, drops leading {@code v} and {@code =}
 * characters and prints {@code major.minor.patch[-prerelease]}: build metadata ({@code +build.1}) is dropped
 * [verified with npm 11's semver]. Unlike npm we do not accept semver's loose forms ({@code 1.0.0beta},
 * {@code 01.0.0}): GitLab requires strict SemVer, and a version that silently changes shape surprises users.
 */
public final class NpmVersion {
    private NpmVersion() {}

    /** The cleaned version, or empty when {@code raw} is not strict SemVer after the prefix is removed. */
    public static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = raw.strip().replaceFirst("^[=v\\s]+", "");
        Semver semver = Semver.parse(candidate);
        if (semver == null || !candidate.equals(semver.getVersion())) {
            return Optional.empty();
        }
        String out = semver.getMajor() + "." + semver.getMinor() + "." + semver.getPatch();
        if (!semver.getPreRelease().isEmpty()) {
            out += "-" + String.join(".", semver.getPreRelease());
        }
        return Optional.of(out);
    }

    /** Whether {@code raw} is acceptable as a package version (see {@link #clean(String)}). */
    public static boolean isValid(String raw) {
        return clean(raw).isPresent();
    }
}
