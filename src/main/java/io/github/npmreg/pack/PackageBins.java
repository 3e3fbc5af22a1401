package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.npm.packagejson.PackageJsonNormalizer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * pacote's {@code is-package-bin} test, quirk included: it drops the <em>first segment</em> of the
 * package-relative path before comparing it with the bin targets, because it was written for paths that start with
 * {@code package/}. So a bin at the root ({@code cli.js}) matches, {@code bin/cli.js} does not (it tests
 * {@code cli.js}), and {@code lib/sub.js} matches a bin {@code sub.js} (npm-tar-format.md §3).
 *
 * <p>The bin targets are those of the package as pacote's {@code DirFetcher} reads it,
 * {@link PackageJsonNormalizer#forPack} (the same normalizer publish uses), so a bin that normalization renames or
 * overwrites ({@code bin: ["x.js", "sub/x.js"]} keeps only {@code sub/x.js}) is not made executable.
 */
public final class PackageBins {
    private final Set<String> targets;

    private PackageBins(Set<String> targets) {
        this.targets = targets;
    }

    /**
     * The bin targets of the package in {@code packageDirectory} ({@code directories.bin} is listed there).
     *
     * @param manifest its package.json as parsed (not modified)
     * @param npmMajor the npm whose normalization is reproduced
     */
    public static PackageBins of(ObjectNode manifest, Path packageDirectory, int npmMajor) {
        JsonNode bin = PackageJsonNormalizer.forPack(manifest, packageDirectory, npmMajor).get("bin");
        Set<String> targets = new HashSet<>();
        if (bin != null && bin.isObject()) {
            // normalized: an object whose values are clean relative paths
            bin.elements().forEachRemaining(target -> targets.add(target.textValue()));
        }
        return new PackageBins(Set.copyOf(targets));
    }

    /** Whether pacote ORs {@code 0o111} into the mode of this package-relative path ({@code /}-separated). */
    public boolean isPackageBin(String relativePath) {
        if (targets.isEmpty()) {
            return false;
        }
        // p = path.replace(/^[^\\/]*\//, '')
        String p = relativePath;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '/') {
                p = p.substring(i + 1);
                break;
            }
            if (c == '\\') {
                break;
            }
        }
        return targets.contains(p);
    }
}
