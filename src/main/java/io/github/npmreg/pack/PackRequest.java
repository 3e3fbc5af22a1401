package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * What to pack, and as which npm.
 *
 * @param packageDirectory the package root, where the files are read from
 * @param manifestFile the package.json whose bytes go into the tarball as {@code package/package.json}: the
 *     source one, or a staged copy with a rewritten version
 * @param manifest the parsed content of {@code manifestFile} (name, version, bin, files…)
 * @param outputDirectory where {@code <name>-<version>.tgz} is written
 * @param reportFile where the pack report JSON is written
 * @param npm whose rules select the files and shape the packed package.json
 */
public record PackRequest(Path packageDirectory, Path manifestFile, ObjectNode manifest, Path outputDirectory,
        Path reportFile, NpmSelection npm) {
    /** Packs as the npm package.json asks for ({@link NpmSelection#choose} without a parameter). */
    public PackRequest(Path packageDirectory, Path manifestFile, ObjectNode manifest, Path outputDirectory,
            Path reportFile) {
        this(packageDirectory, manifestFile, manifest, outputDirectory, reportFile,
                NpmSelection.choose(null, manifest, manifestFile));
    }
}
