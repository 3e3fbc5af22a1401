package io.github.npmreg.publish;

import java.nio.file.Path;

/**
 * Where the version to publish came from, so a fix names the place to change: the POM for a Maven-driven version,
 * package.json otherwise.
 */
public enum VersionOrigin {
    /** The plugin's {@code version} parameter holding the project's own version ({@code ${project.version}}). */
    PROJECT_VERSION("the POM's <version> (the plugin's version parameter is ${project.version})"),
    /** A literal {@code <version>} in the npmreg plugin configuration. */
    VERSION_PARAMETER("<version> in the npmreg plugin configuration"),
    /** {@code -Dnpmreg.version} on the command line. */
    VERSION_PROPERTY("-Dnpmreg.version"),
    /** {@code "version"} in package.json (no version parameter set). */
    PACKAGE_JSON("\"version\" in package.json");

    private final String description;

    VersionOrigin(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Where to make the version {@code next}: the fix for "this version already exists" and tag mismatches. */
    public String changeTo(String next, Path packageJson) {
        return switch (this) {
            case PROJECT_VERSION -> "bump the project <version> in pom.xml to " + next
                    + " (mvn versions:set -DnewVersion=" + next + ")";
            case VERSION_PARAMETER -> "set <version>" + next + "</version> in the npmreg plugin configuration of pom.xml";
            case VERSION_PROPERTY -> "pass -Dnpmreg.version=" + next;
            case PACKAGE_JSON -> "set \"version\": \"" + next + "\" in " + packageJson;
        };
    }
}
