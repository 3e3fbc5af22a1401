package io.github.npmreg.pack;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plugin's own outputs, left out of the tarball. In a Maven project {@code target/} usually lies inside the
 * package directory, and {@code npm pack} there would pack whatever it finds, including an earlier tarball, the
 * staged manifest and the half-written temporary file of this very run. That is never what a user wants, so these
 * paths (and only these) are the one intended difference from npm's file list.
 */
public final class OwnOutputs {
    private OwnOutputs() {}

    /**
     * A file lister that selects what {@link PackList} selects, minus every file at or under one of {@code outputs}
     * (directories such as {@code target/npmreg}, or files such as the tarball), and minus temporary tarballs.
     */
    public static Packer.FileLister excluding(Collection<Path> outputs) {
        return (dir, manifest, rules) -> {
            Path root = dir.toAbsolutePath().normalize();
            List<String> prefixes = outputs.stream()
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> p.startsWith(root) && !p.equals(root))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toList());
            PackList.Result listed = PackList.collect(dir, manifest, rules);
            List<String> files = listed.files().stream()
                    .filter(file -> prefixes.stream().noneMatch(prefix -> file.equals(prefix) || file.startsWith(prefix + "/")))
                    .filter(file -> !isTemporaryTarball(file))
                    .collect(Collectors.toList());
            return new PackList.Result(files, listed.bundled(), listed.warnings());
        };
    }

    // Packer writes "<dir>/.<filename>.tgz<random>.tmp" before the atomic move.
    private static boolean isTemporaryTarball(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return base.startsWith(".") && base.endsWith(".tmp") && base.contains(".tgz");
    }
}
