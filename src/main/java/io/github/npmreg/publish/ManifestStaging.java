package io.github.npmreg.publish;

import io.github.npmreg.NpmregException;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.manifest.ManifestRewriter;
import io.github.npmreg.manifest.PackageName;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The effective package.json: the source file with the version set (a Maven SNAPSHOT becoming a unique, sortable
 * prerelease) and {@code publishConfig} pointing at the publish registry, staged under the build directory so the
 * source stays untouched, unless the user asks for the source to be updated too (what GitLab's recipe does with
 * {@code npm version}). Only the changed values differ from the source text: indentation, key order and the final
 * newline are kept.
 */
public final class ManifestStaging {
    /**
     * @param sourceManifest  the package.json in the package directory
     * @param stagedManifest  where the effective package.json goes
     * @param version         the version to set, as published (a SNAPSHOT already mapped)
     * @param publishRegistry the publish registry to record in publishConfig, or null to leave it alone
     * @param tag             the dist-tag to record, or null
     * @param access          the access to record, or null
     * @param updateSource    write the same change into the source package.json
     */
    public record Request(Path sourceManifest, Path stagedManifest, String version, URI publishRegistry, String tag,
            String access, boolean updateSource) {

        /** What staging {@code release} means: its version, and its registry, tag and access where chosen. */
        public static Request of(Release release, Path stagedManifest, boolean updateSource) {
            return new Request(release.manifestFile(), stagedManifest, release.version().published(),
                    release.registry() == null || release.registry().isNpmDefault() ? null : release.registry().url(),
                    release.tag().chosen() ? release.tag().name() : null, release.access(), updateSource);
        }
    }

    /** What was staged: the file, the version it holds and the publishConfig entries that were set. */
    public record Result(Path stagedManifest, String version, Map<String, String> publishConfig) {}

    private ManifestStaging() {}

    public static Result stage(Request r) {
        var source = ManifestReader.read(r.sourceManifest());
        PackageName name = PackageName.parse(source.path("name").asText());
        String version = r.version() == null || r.version().isBlank() ? source.path("version").asText() : r.version();

        Map<String, String> publishConfig = new LinkedHashMap<>();
        if (r.publishRegistry() != null) {
            // npm's pickRegistry: "@scope:registry" beats "registry" (and any .npmrc scope line) for a scoped name.
            publishConfig.put(name.scope().map(s -> s + ":registry").orElse("registry"), r.publishRegistry().toString());
        }
        if (r.tag() != null && !r.tag().isBlank()) {
            publishConfig.put("tag", r.tag().strip());
        }
        if (r.access() != null && !r.access().isBlank()) {
            publishConfig.put("access", r.access().strip());
        }
        UnaryOperator<String> edit = json -> ManifestRewriter.setPublishConfig(
                ManifestRewriter.setVersion(json, version), publishConfig);

        String text;
        try {
            // As npm reads it (malformed UTF-8 as U+FFFD, the BOM dropped), so no byte of it can stop the staging.
            text = ManifestReader.text(Files.readAllBytes(r.sourceManifest()));
        } catch (IOException e) {
            throw new NpmregException("Cannot read " + r.sourceManifest() + ": " + e.getMessage(),
                    "make the file readable.", e);
        }
        write(r.stagedManifest(), edit.apply(text));
        if (r.updateSource()) {
            ManifestRewriter.rewrite(r.sourceManifest(), edit);
        }
        return new Result(r.stagedManifest(), version, publishConfig);
    }

    private static void write(Path target, String content) {
        Path temp = null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            temp = io.github.npmreg.TempFiles.create(target.toAbsolutePath().getParent(), ".package", ".json.tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new NpmregException("Cannot write the staged manifest " + target + ": " + e.getMessage(),
                    "check that " + target.getParent() + " is writable.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write failure is the one to report.
                }
            }
        }
    }
}
