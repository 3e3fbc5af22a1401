package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.manifest.GitHead;
import io.github.npmreg.manifest.NpmVersion;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npm.packagejson.PackageJsonNormalizer;
import io.github.npmreg.pack.NpmSelection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.github.npmreg.publish.Release;
import io.github.npmreg.publish.ReleaseProblem;
import org.semver4j.Semver;

/**
 * package.json itself: present and valid, a name npm (and GitLab, when publishing there) accepts, a SemVer version,
 * a dist-tag for prereleases, and the sizes GitLab and the registry limit (gitlab-npm-registry.md §3).
 */
final class PackageCheck implements Check {
    /** Packages::Npm::Metadatum::MAX_PACKAGE_JSON_SIZE. */
    static final int GITLAB_MAX_PACKAGE_JSON_CHARS = 20_000;
    /** The fields GitLab drops before it measures and stores package.json. */
    private static final List<String> GITLAB_STRIPPED =
            List.of("readme", "readmeFilename", "licenseText", "contributors", "exports");

    @Override
    public String id() {
        return "package";
    }

    @Override
    public String title() {
        return "package.json";
    }

    @Override
    public Category category() {
        return Category.LOCAL;
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        String file = context.packageDirectory() == null ? "package.json"
                : context.packageDirectory().resolve("package.json").toString();
        if (context.manifest() == null) {
            boolean missing = context.packageDirectory() != null
                    && !Files.exists(context.packageDirectory().resolve("package.json"));
            return List.of(missing
                    ? Finding.of(FindingKind.PACKAGE_JSON_MISSING, id(), "no " + file,
                            "create " + file + " (npm init), or set <packageDirectory> to the folder that has it")
                    : Finding.of(FindingKind.PACKAGE_JSON_INVALID, id(),
                            context.manifestError() == null ? file + " could not be read" : context.manifestError(),
                            "fix the JSON in " + file + " at the position named above"));
        }
        List<Finding> findings = new ArrayList<>();
        String name = context.packageName();
        boolean gitlab = isGitLab(context);
        List<String> violations = PackageName.violations(name);
        if (!violations.isEmpty()) {
            findings.add(Finding.of(FindingKind.PACKAGE_NAME_INVALID, id(),
                    "\"name\": " + quoted(name) + " in " + file + ": " + String.join("; ", violations),
                    "\"name\": \"" + suggestName(name) + "\" in " + file));
        } else if (gitlab && !new PackageName(name).gitlabValid()) {
            findings.add(Finding.of(FindingKind.PACKAGE_NAME_INVALID_FOR_GITLAB, id(),
                    "\"name\": \"" + name + "\" does not match GitLab's npm_package_name_regex",
                    "\"name\": \"" + suggestName(name) + "\" in " + file));
        }
        String version = context.packageVersion();
        Release release = context.release();
        Optional<ReleaseProblem> badVersion = release == null ? Optional.empty()
                : release.problem(ReleaseProblem.Kind.VERSION_INVALID);
        if (badVersion.isPresent()) {
            findings.add(Finding.of(FindingKind.PACKAGE_VERSION_INVALID, id(), badVersion.get().detail().problem(),
                    badVersion.get().detail().fix()));
        } else if (!NpmVersion.isValid(version)) {
            findings.add(Finding.of(FindingKind.PACKAGE_VERSION_INVALID, id(),
                    "\"version\": " + quoted(version) + " in " + file,
                    "\"version\": \"1.0.0\" (MAJOR.MINOR.PATCH) in " + file));
        } else if (release != null ? release.problem(ReleaseProblem.Kind.PRERELEASE_WITHOUT_TAG).isPresent()
                : !NpmVersion.clean(version).map(v -> Semver.parse(v).getPreRelease().isEmpty()).orElse(true)
                        && tagSetting(context) == null) {
            findings.add(Finding.of(FindingKind.PRERELEASE_WITHOUT_TAG, id(),
                    "version " + version + (release == null ? " in " + file
                            : " (from " + release.version().origin().description() + ")")
                            + " is a prerelease and no dist-tag is set, so it would go to 'latest'",
                    "<tag>next</tag> in the plugin configuration (or -Dnpmreg.tag=next)"));
        }
        if (release == null && io.github.npmreg.manifest.JsValues.truthy(context.manifest().get("private"))) {
            findings.add(Finding.of(FindingKind.PACKAGE_PRIVATE, id(), "\"private\": "
                    + context.manifest().get("private") + " in " + file + ": npm refuses to publish it (EPRIVATE)",
                    "remove the 'private' field from " + file + " to publish it"));
        }
        if (release != null) {
            boolean strict = release.problem(ReleaseProblem.Kind.NPM_WARNING_STRICT).isPresent();
            release.problems().stream().filter(p -> p.kind() == ReleaseProblem.Kind.NPM_WARNING_STRICT)
                    .forEach(p -> findings.add(Finding.of(FindingKind.PACKAGE_NPM_WARNING_STRICT, id(),
                            p.detail().problem(), p.detail().fix())));
            if (!strict) {
                io.github.npmreg.publish.NpmWarnings.of(context.manifest(), java.nio.file.Path.of(file),
                        release.version()).forEach(w -> findings.add(Finding.of(FindingKind.PACKAGE_NPM_WARNING,
                                id(), w, "fix package.json as said, or leave it: npm publishes it")));
            }
        } else if (!violations.isEmpty() || name == null) {
            // reported above
        } else {
            io.github.npmreg.publish.NpmWarnings.of(context.manifest(), java.nio.file.Path.of(file), null)
                    .forEach(w -> findings.add(Finding.of(FindingKind.PACKAGE_NPM_WARNING, id(), w,
                            "fix package.json as said, or leave it: npm publishes it")));
        }
        if (release != null) {
            release.problem(ReleaseProblem.Kind.PACKAGE_PRIVATE).ifPresent(p -> findings.add(Finding.of(
                    FindingKind.PACKAGE_PRIVATE, id(), p.detail().problem(), p.detail().fix())));
            release.problem(ReleaseProblem.Kind.TAG_INVALID).ifPresent(p -> findings.add(Finding.of(
                    FindingKind.DIST_TAG_INVALID, id(), p.detail().problem(), p.detail().fix())));
            release.problems().stream().filter(p -> p.kind() == ReleaseProblem.Kind.ACCESS_INVALID)
                    .forEach(p -> findings.add(Finding.of(FindingKind.ACCESS_INVALID, id(), p.detail().problem(),
                            p.detail().fix())));
        }
        if (gitlab) {
            JsonNode published = publishedManifest(context, file);
            int chars = gitlabMetadataSize(published);
            if (chars > GITLAB_MAX_PACKAGE_JSON_CHARS) {
                findings.add(Finding.of(FindingKind.MANIFEST_TOO_LARGE_FOR_GITLAB, id(),
                        "the manifest published from " + file + " is " + chars + " characters without "
                                + GITLAB_STRIPPED + "; GitLab's limit is " + GITLAB_MAX_PACKAGE_JSON_CHARS,
                        "remove " + (chars - GITLAB_MAX_PACKAGE_JSON_CHARS) + " characters from " + file
                                + " (largest fields: " + largestFields(published) + ")"));
            }
        }
        tarballSize(context, gitlab).ifPresent(findings::add);
        if (findings.isEmpty()) {
            findings.add(Finding.pass(this, name + "@" + version + " (" + file
                    + (release != null && release.version().origin() != io.github.npmreg.publish.VersionOrigin.PACKAGE_JSON
                            ? "; version from " + release.version().origin().description() : "") + ")"));
        }
        return findings;
    }

    private java.util.Optional<Finding> tarballSize(DoctorContext context, boolean gitlab) {
        Long limit = context.tarballSizeLimit() != null ? context.tarballSizeLimit()
                : gitlab ? DoctorContext.GITLAB_DEFAULT_MAX_FILE_SIZE : null;
        if (context.tarball() == null || limit == null || !Files.isRegularFile(context.tarball())) {
            return java.util.Optional.empty();
        }
        long size;
        try {
            size = Files.size(context.tarball());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        if (size <= limit) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Finding.of(FindingKind.TARBALL_TOO_LARGE, id(),
                context.tarball() + " is " + size + " bytes; the registry accepts at most " + limit + " bytes"
                        + (context.tarballSizeLimit() == null ? " (GitLab's default npm_max_file_size)" : ""),
                "list only what users need in \"files\" of package.json (npm pack --dry-run shows the list), or "
                        + "have the administrator raise npm_max_file_size"));
    }

    /** The dist-tag the user chose anywhere npm reads one; {@code null} means npm's default, {@code latest}. */
    private static String tagSetting(DoctorContext context) {
        if (context.tag() != null && !context.tag().isBlank()) {
            return context.tag();
        }
        String fromPublishConfig = DoctorContext.text(context.manifest().get("publishConfig"), "tag");
        return fromPublishConfig != null ? fromPublishConfig : DoctorContext.text(context.manifest(), "tag");
    }

    /**
     * The version manifest publish would send (GitLab measures that one), made by the normalizer publish uses: it
     * adds what npm derives, e.g. a description from the README or bins from {@code directories.bin}. When npm would
     * refuse to normalize it, other findings say why and package.json itself is measured.
     */
    private static JsonNode publishedManifest(DoctorContext context, String file) {
        if (!(context.manifest() instanceof ObjectNode manifest) || context.packageDirectory() == null) {
            return context.manifest();
        }
        try {
            int npmMajor = NpmSelection.choose(null, manifest, file).rules().major();
            return PackageJsonNormalizer.forPublish(manifest, context.packageDirectory(),
                    GitHead.of(context.packageDirectory()).orElse(null), npmMajor);
        } catch (NpmregException e) {
            return manifest;
        }
    }

    static int gitlabMetadataSize(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove(GITLAB_STRIPPED);
        return io.github.npmreg.json.JsonTree.write(copy).length();
    }

    private static String largestFields(JsonNode manifest) {
        List<String> sizes = new ArrayList<>();
        manifest.properties().stream()
                .filter(e -> !GITLAB_STRIPPED.contains(e.getKey()))
                .sorted((a, b) -> Integer.compare(b.getValue().toString().length(), a.getValue().toString().length()))
                .limit(3)
                .forEach(e -> sizes.add(e.getKey() + " " + e.getValue().toString().length()));
        return String.join(", ", sizes);
    }

    private static boolean isGitLab(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        return registry != null && GitLabEndpoints.classify(registry).level() != GitLabEndpoints.Level.NOT_GITLAB;
    }

    private static String suggestName(String name) {
        if (name == null || name.isBlank()) {
            return "my-package";
        }
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@/._-]", "-");
        s = s.replaceFirst("^[._-]+", "");
        return s.isEmpty() ? "my-package" : s;
    }

    private static String quoted(String s) {
        return s == null ? "(missing)" : "\"" + s + "\"";
    }
}
