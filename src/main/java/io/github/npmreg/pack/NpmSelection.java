package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PacklistRules;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * Which npm's pack rules to reproduce for a package, and why: the project's own npm, as far as the plugin can know
 * it without running npm. First the {@code npmVersion} parameter ({@code 11}, {@code 12} or a full version), then
 * package.json's {@code devEngines.packageManager} (an entry named {@code npm} with a version range), then
 * {@code packageManager} ({@code npm@12.2.2}, corepack's hash suffix allowed), else the newest npm the plugin
 * follows. A range picks the newest npm major it allows; npm 10 and older pack as npm 11, 13 and newer as npm 12.
 *
 * @param rules the rules used
 * @param origin where the choice came from
 * @param declared the text that decided it (the parameter, the range, the packageManager value), or null
 * @param note why an earlier source was passed over (an unreadable range, another package manager), or null
 */
public record NpmSelection(PacklistRules rules, Origin origin, String declared, String note) {
    /** Where the npm version came from, in the order they are consulted. */
    public enum Origin { PARAMETER, DEV_ENGINES, PACKAGE_MANAGER, DEFAULT }

    private static final Pattern PARAMETER = Pattern.compile("^v?(\\d+)(?:\\.(\\d+)\\.(\\d+)(?:-[0-9A-Za-z.-]+)?)?$");
    private static final Pattern PACKAGE_MANAGER = Pattern.compile("^npm@([^+]+)(?:\\+.*)?$");

    /** Packs by {@code rules} for the reason {@code origin}, with nothing declared (tests, the bench). */
    public static NpmSelection of(PacklistRules rules) {
        return new NpmSelection(rules, Origin.PARAMETER, String.valueOf(rules.major()), null);
    }

    /**
     * Chooses for a package.
     *
     * @param parameter the {@code npmVersion} parameter, null or blank when not set
     * @param manifest the package's package.json
     * @param manifestFile where the manifest was read, for messages
     * @throws NpmregException when the parameter names no npm the plugin can reproduce
     */
    public static NpmSelection choose(String parameter, JsonNode manifest, Object manifestFile) {
        if (parameter != null && !parameter.isBlank()) {
            Matcher m = PARAMETER.matcher(parameter.strip());
            int major = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (major != 11 && major != 12) {
                throw new NpmregException("npmVersion is \"" + parameter + "\", but the plugin packs as npm 11 or "
                        + "npm 12 only.", "Set npmVersion (-Dnpmreg.npmVersion) to 11, 12 or a full version such as "
                        + "12.2.2, or remove it to follow package.json's devEngines/packageManager.");
            }
            return new NpmSelection(PacklistRules.forMajor(major), Origin.PARAMETER, parameter.strip(), null);
        }
        String note = null;
        JsonNode pm = manifest == null ? null : manifest.path("devEngines").get("packageManager");
        JsonNode npmEntry = null;
        if (pm != null && pm.isArray()) {
            for (JsonNode e : pm) {
                if ("npm".equals(e.path("name").asText(null))) {
                    npmEntry = e;
                    break;
                }
            }
        } else if (pm != null && pm.isObject() && "npm".equals(pm.path("name").asText(null))) {
            npmEntry = pm;
        }
        if (npmEntry != null) {
            JsonNode version = npmEntry.get("version");
            String range = version != null && version.isTextual() ? version.asText() : "*";
            Integer major = newestMajor(range);
            if (major != null) {
                return new NpmSelection(PacklistRules.forMajor(major), Origin.DEV_ENGINES, range, null);
            }
            note = "devEngines.packageManager in " + manifestFile + " names npm with the version range \"" + range
                    + "\", which allows no npm version";
        } else if (pm != null && !pm.isNull()) {
            note = "devEngines.packageManager in " + manifestFile + " names no npm";
        }
        JsonNode packageManager = manifest == null ? null : manifest.get("packageManager");
        if (packageManager != null && packageManager.isTextual()) {
            Matcher m = PACKAGE_MANAGER.matcher(packageManager.asText().strip());
            Semver version = m.matches() ? Semver.parse(m.group(1)) : null;
            if (version != null) {
                return new NpmSelection(PacklistRules.forMajor(version.getMajor()), Origin.PACKAGE_MANAGER,
                        packageManager.asText(), note);
            }
            String why = "packageManager in " + manifestFile + " is \"" + packageManager.asText()
                    + "\", not npm@<version>";
            note = note == null ? why : note + "; " + why;
        }
        return new NpmSelection(PacklistRules.newest(), Origin.DEFAULT, null, note);
    }

    private static final Pattern VERSION_LITERAL = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /**
     * The newest npm major (0 to 99) that {@code range} allows, or null when it allows none or is unreadable. Each
     * major is probed at its ends and around every version written in the range (so {@code ~10.9.2} or
     * {@code >10.9.2 <10.9.5} find their major too).
     */
    static Integer newestMajor(String range) {
        java.util.TreeMap<Integer, java.util.List<String>> candidates = new java.util.TreeMap<>();
        for (int major = 0; major <= 99; major++) {
            candidates.computeIfAbsent(major, k -> new java.util.ArrayList<>())
                    .addAll(java.util.List.of(major + ".0.0", major + ".99999.99999"));
        }
        Matcher m = VERSION_LITERAL.matcher(range);
        while (m.find()) {
            int major = Integer.parseInt(m.group(1));
            int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (major > 99) {
                continue;
            }
            candidates.get(major).addAll(java.util.List.of(major + "." + minor + "." + patch,
                    major + "." + minor + "." + (patch + 1), major + "." + minor + ".99999",
                    major + "." + (minor + 1) + ".0"));
        }
        for (Integer major : candidates.descendingKeySet()) {
            for (String candidate : candidates.get(major)) {
                try {
                    if (new Semver(candidate).satisfies(range)) {
                        return major;
                    }
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** This choice, or {@code enclosing} (a workspaces root's) when this package names no npm itself. */
    public NpmSelection orElse(NpmSelection enclosing) {
        return origin == Origin.DEFAULT && enclosing.origin != Origin.DEFAULT ? enclosing : this;
    }

    /** One log line: which npm's rules, and why. */
    public String describe() {
        String because = switch (origin) {
            case PARAMETER -> "the npmVersion parameter is " + declared;
            case DEV_ENGINES -> "package.json's devEngines.packageManager asks for npm " + declared;
            case PACKAGE_MANAGER -> "package.json's packageManager is " + declared;
            case DEFAULT -> "package.json names no npm version (devEngines.packageManager or packageManager), so the "
                    + "newest npm the plugin follows";
        };
        String text = "Packing with the rules of " + rules.upstream() + ": " + because;
        return note == null ? text : text + " (" + note + ")";
    }
}
