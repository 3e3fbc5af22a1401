package io.github.npmreg.pack;

import java.nio.file.Path;
import java.util.ArrayList;
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
     * It also warns when files of {@code buildDirectory} (Maven's {@code target/})
     * still go in while package.json has no {@code files}: npm packs that directory like any other unless
     * {@code files} or an ignore file leaves it out, so an earlier build's tarball or compiled classes would be
     * published without a word. A {@code files} list is the user's choice (a build's {@code target/dist} listed on
     * purpose), so it gets no warning. A null {@code buildDirectory} (no POM) warns of nothing.
     */
    public static Packer.FileLister excluding(Collection<Path> outputs, Path buildDirectory) {
        return (dir, manifest, rules) -> {
            Path root = dir.toAbsolutePath().normalize();
            List<String> prefixes = outputs.stream()
                    .map(p -> relativeInside(root, p))
                    .filter(p -> p != null)
                    .collect(Collectors.toList());
            PackList.Result listed = PackList.collect(dir, manifest, rules);
            List<String> files = listed.files().stream()
                    .filter(file -> prefixes.stream().noneMatch(prefix -> isAtOrUnder(file, prefix)))
                    .filter(file -> !isTemporaryTarball(file))
                    .collect(Collectors.toList());
            String build = buildDirectory == null || manifest.has("files") ? null
                    : relativeInside(root, buildDirectory);
            List<String> warnings = listed.warnings();
            if (build != null) {
                List<String> built = files.stream().filter(file -> isAtOrUnder(file, build)).toList();
                if (!built.isEmpty()) {
                    warnings = new ArrayList<>(warnings);
                    warnings.add(buildDirectoryWarning(build, built));
                }
            }
            return new PackList.Result(files, listed.bundled(), warnings);
        };
    }

    static String buildDirectoryWarning(String build, List<String> built) {
        String shown = built.stream().limit(3).collect(Collectors.joining(", "));
        return built.size() + (built.size() == 1 ? " file" : " files") + " of the Maven build directory " + build
                + (built.size() == 1 ? "/ goes" : "/ go") + " into the tarball (" + shown + (built.size() > 3 ? ", ..." : "") + "): npm packs it like any"
                + " other directory when neither \"files\" in package.json nor an .npmignore (or .gitignore) leaves it"
                + " out, and the plugin packs what npm packs. List what to publish in \"files\", or add the line /" + build
                + "/ to .npmignore (npm reads"
                + " .gitignore only when there is no .npmignore, so a new .npmignore needs .gitignore's lines too).";
    }

    /** {@code path} relative to {@code root} with forward slashes, or null when it is not strictly inside. */
    private static String relativeInside(Path root, Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(root) && !p.equals(root) ? root.relativize(p).toString().replace('\\', '/') : null;
    }

    private static boolean isAtOrUnder(String file, String prefix) {
        return file.equals(prefix) || file.startsWith(prefix + "/");
    }

    // Packer writes "<dir>/.<filename>.tgz<random>.tmp" before the atomic move.
    private static boolean isTemporaryTarball(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return base.startsWith(".") && base.endsWith(".tmp") && base.contains(".tgz");
    }
}
