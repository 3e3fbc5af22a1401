package io.github.npmreg.npm.glob;

import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.minimatch.IgnorePattern;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * node-glob 13.0.6's {@code globSync(pattern, {cwd, withFileTypes: true, dot: true})} on Linux, as npm-packlist 11
 * calls it for each {@code files} entry: the entries below {@code cwd} whose relative path matches the pattern
 * (minimatch semantics, case-sensitive, {@code *} and {@code **} match dot names, a leading {@code #} is literal),
 * each with its type from {@code lstat}. Directories are read only where the pattern can still match below them
 * (minimatch's partial match), and symbolic links are never followed, like glob's {@code follow: false}.
 *
 * <p>Not reproduced, because npm-packlist's walk cannot use them: matches reached through a symlinked directory
 * ({@code linkdir/*}; glob follows a link for a non-globstar part) or outside {@code cwd} ({@code ../x}). The
 * rules they would add name paths the walker never visits, as it enters neither. A symlink matched only by a
 * trailing slash ({@code *}{@code /}) is left out too: glob reports it as neither file nor directory, which adds
 * no rule.
 */
public final class NodeGlob {
    /** What a match is, as {@code Path.isFile()} / {@code isDirectory()} of path-scurry tell from {@code lstat}. */
    public enum Type { FILE, DIRECTORY, OTHER }

    /** One match: {@code relativePosix()} and its type. */
    public record Match(String path, Type type) {}

    private NodeGlob() {}

    /** The matches of {@code pattern} below {@code cwd}, in walk order; empty for an empty pattern. */
    public static List<Match> globSync(String pattern, Path cwd) {
        List<Match> out = new ArrayList<>();
        String normalized = withoutDotSegments(pattern);
        if (normalized.isEmpty()) {
            return out;
        }
        IgnorePattern glob = IgnorePattern.ofGlob(normalized);
        walk(glob, cwd, "", out);
        return out;
    }

    // minimatch splits on runs of slashes, and glob's optimizationLevel 2 drops "." path parts ("a/./b" is "a/b",
    // ".//a" is "a"); "." alone is the cwd, which matches "".
    private static String withoutDotSegments(String pattern) {
        String p = pattern.replaceAll("/{2,}", "/");
        String before;
        do {
            before = p;
            p = p.replaceAll("(^|/)\\.(/|$)", "$1");
        } while (!p.equals(before));
        return p;
    }

    private static void walk(IgnorePattern glob, Path dir, String prefix, List<Match> out) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            if (prefix.isEmpty()) {
                throw new NpmregException("Cannot list the package directory " + dir + " to expand \"files\": " + e,
                        "Make it readable (chmod u+rx '" + dir + "').", e);
            }
            return; // glob skips a directory it cannot read
        }
        for (Path child : children) {
            String rel = prefix + child.getFileName();
            BasicFileAttributes st;
            try {
                st = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue;
            }
            Type type = st.isRegularFile() ? Type.FILE : st.isDirectory() ? Type.DIRECTORY : Type.OTHER;
            // a directory also matches as "dir/": glob lets a trailing ** (or a trailing slash) take the directory
            if (glob.match(rel, false) || (type == Type.DIRECTORY && glob.match(rel + "/", false))) {
                out.add(new Match(rel, type));
            }
            if (type == Type.DIRECTORY && glob.match(rel, true)) {
                walk(glob, child, rel + "/", out);
            }
        }
    }
}
