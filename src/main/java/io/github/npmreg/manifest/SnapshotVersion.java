package io.github.npmreg.manifest;

import io.github.npmreg.NpmregException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Maven project version to the npm version to publish.
 * <ul>
 *   <li>{@code X-SNAPSHOT} gets the build start as a last prerelease identifier:
 *       {@code 1.2.0-SNAPSHOT} at 2026-11-22T01:33:20Z becomes {@code 1.2.0-SNAPSHOT.20261122013320} (UTC). Every
 *       snapshot build gets a new version (a registry never accepts the same version twice), later builds sort
 *       higher (the identifier is numeric) and all sort below the release {@code 1.2.0}.</li>
 *   <li>Maven's short forms are padded, because Maven users write them and npm rejects them: {@code 1.2} becomes
 *       {@code 1.2.0} and {@code 1} becomes {@code 1.0.0} (also before {@code -SNAPSHOT} or a qualifier).</li>
 *   <li>Anything else must already be strict SemVer ({@code 1.2.3}, {@code 1.2.3-rc.1}); Maven-only forms such as
 *       {@code 1.2.3.4} or {@code 1.2.3.Final} are rejected with a fix.</li>
 * </ul>
 */
public final class SnapshotVersion {
    private static final String SNAPSHOT = "-SNAPSHOT";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /** A numeric core of one to three parts, then an optional qualifier starting with {@code -} or {@code +}. */
    private static final Pattern SHORT_CORE = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?([-+].*)?$");

    private SnapshotVersion() {}

    /** The npm version for {@code mavenVersion} built at {@code buildStart}. */
    public static String toNpm(String mavenVersion, Instant buildStart) {
        String version = mavenVersion.strip();
        boolean snapshot = version.endsWith(SNAPSHOT);
        String padded = pad(version, mavenVersion);
        String npm = snapshot ? padded + "." + STAMP.format(buildStart) : padded;
        if (!NpmVersion.clean(npm).map(npm::equals).orElse(false)) {
            throw new NpmregException("The Maven version '" + mavenVersion + "' does not map to a semantic version ('"
                    + npm + "' is not valid SemVer)", "Use MAJOR.MINOR.PATCH with an optional -qualifier in the POM, "
                    + "e.g. <version>1.2.0-SNAPSHOT</version> or <version>1.2.0-rc.1</version>, or set the npm version "
                    + "explicitly in the plugin configuration.");
        }
        return npm;
    }

    private static String pad(String version, String original) {
        Matcher m = SHORT_CORE.matcher(version);
        if (!m.matches()) {
            return version;
        }
        String qualifier = m.group(4) == null ? "" : m.group(4);
        return m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)) + "." + (m.group(3) == null ? "0" : m.group(3))
                + qualifier;
    }
}
