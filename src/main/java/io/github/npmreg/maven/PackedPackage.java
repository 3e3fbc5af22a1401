package io.github.npmreg.maven;

import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.pack.NpmSelection;
import io.github.npmreg.pack.OwnOutputs;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.PackSummary;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.pack.TarballName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;

/**
 * What the goals hand on to each other within one build, kept in the project's context: the staged manifest
 * written by {@code publish-config} and the tarball written by {@code pack}. A goal run alone computes what the
 * earlier goal would have left.
 */
final class PackedPackage {
    private static final String STAGED_MANIFEST = "npmreg.stagedManifest";
    private static final String PACK_RESULT = "npmreg.packResult";

    private PackedPackage() {}

    static void rememberStagedManifest(MavenProject project, Path stagedManifest) {
        project.setContextValue(STAGED_MANIFEST, stagedManifest);
    }

    /** The package.json that goes into the tarball: the staged one when publish-config ran in this build. */
    static Path manifestFile(MavenProject project, Path packageDir) {
        Object staged = project.getContextValue(STAGED_MANIFEST);
        if (staged instanceof Path && Files.isRegularFile((Path) staged)) {
            return (Path) staged;
        }
        return packageDir.resolve("package.json");
    }

    static PackResult packedInThisBuild(MavenProject project) {
        Object result = project.getContextValue(PACK_RESULT);
        return result instanceof PackResult && Files.isRegularFile(((PackResult) result).tarball())
                ? (PackResult) result
                : null;
    }

    /** Packs the package and logs npm's summary; remembers the result for {@code publish}. */
    static PackResult pack(MavenProject project, Path packageDir, Path workDir, Path tarballDir, String npmVersion,
            MavenBuildLog log) {
        Path manifestFile = manifestFile(project, packageDir);
        if (!manifestFile.startsWith(packageDir)) {
            log.info("Using the staged manifest " + manifestFile);
        }
        ObjectNode manifest = ManifestReader.read(manifestFile);
        // The tarball itself and our work directory stay out of the tarball (see OwnOutputs).
        Path tarball = tarballDir.resolve(TarballName.of(manifest.path("name").asText(), manifest.path("version").asText()));
        Packer packer = new Packer(OwnOutputs.excluding(List.of(workDir, tarball), buildDirectory(project)),
                Runtime.getRuntime().availableProcessors());
        NpmSelection npm = NpmSelection.choose(npmVersion, manifest, manifestFile);
        PackResult result = packer.pack(new PackRequest(packageDir, manifestFile, manifest, tarballDir,
                workDir.resolve("pack.json"), npm));
        logPack(result, log);
        project.setContextValue(PACK_RESULT, result);
        return result;
    }

    /** Maven's build directory ({@code target/}), or null when the project has none (a project without a POM). */
    static Path buildDirectory(MavenProject project) {
        String directory = project.getBuild() == null ? null : project.getBuild().getDirectory();
        return directory == null ? null : Path.of(directory);
    }

    /** Which npm's rules were used and why, npm's warnings, then npm's summary. */
    static void logPack(PackResult result, MavenBuildLog log) {
        log.info(result.npmReason());
        for (String warning : result.warnings()) {
            log.warn(warning);
        }
        for (String line : PackSummary.lines(result, false)) {
            log.info(line);
        }
    }
}
