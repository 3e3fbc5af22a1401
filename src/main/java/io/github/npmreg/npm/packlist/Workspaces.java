package io.github.npmreg.npm.packlist;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.minimatch.IgnorePattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two ways npm workspaces change file selection.
 *
 * <ul>
 *   <li>A package whose {@code workspaces} match at least one folder gets Arborist's {@code tree.workspaces}; then
 *       npm-packlist reads the {@code package.json} of every subfolder as an ignore file ({@link #members}).
 *   <li>Packing a workspace folder: npm's config finds the workspaces root above it ({@code @npmcli/config}
 *       {@code loadLocalPrefix}), and npm-packlist then reads the {@code .npmignore} (else {@code .gitignore}) of
 *       the root and of each folder between the root and the workspace's parent, as extra default rules
 *       ({@link #rulesFromWorkspaceRoot}).
 * </ul>
 */
public final class Workspaces {

    private Workspaces() {}

    /** map-workspaces: folders below {@code root} that hold a package.json and match a {@code workspaces} glob. */
    public static Set<Path> members(Path root, JsonNode manifest) {
        List<IgnorePattern> include = new ArrayList<>();
        List<IgnorePattern> exclude = new ArrayList<>();
        for (String glob : patterns(manifest)) {
            String g = glob.replaceAll("^(\\./)+", "").replaceAll("/+$", "");
            if (g.startsWith("!")) {
                exclude.add(IgnorePattern.ofPathGlob(g.substring(1)));
            } else {
                include.add(IgnorePattern.ofPathGlob(g));
            }
        }
        Set<Path> found = new LinkedHashSet<>();
        if (include.isEmpty()) {
            return found;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.equals("node_modules") || name.equals(".git"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(root) && Files.isRegularFile(dir.resolve("package.json"))
                            && isMember(root, dir, include, exclude)) {
                        found.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new NpmregException("Cannot list the workspaces below " + root + ": " + e.getMessage(),
                    "Make the folders readable, or fix the \"workspaces\" globs in " + root.resolve("package.json"),
                    e);
        }
        return found;
    }

    /**
     * The extra default rules for packing {@code packageDir} when it is a workspace of a root above it: the contents
     * of the first of {@code .npmignore}/{@code .gitignore} found in the root and in each folder down to (not
     * including) the workspace. Empty when {@code packageDir} is not a workspace.
     */
    public static List<String> rulesFromWorkspaceRoot(Path packageDir) {
        Path root = findWorkspaceRoot(packageDir);
        List<String> rules = new ArrayList<>();
        if (root == null) {
            return rules;
        }
        // npm-packlist readOutOfTreeIgnoreFiles(prefix, relative(prefix, dirname(path)))
        Path dir = root;
        Path rel = root.relativize(packageDir.getParent());
        while (true) {
            readFirstIgnoreFile(dir, rules);
            if (rel.toString().isEmpty()) {
                return rules;
            }
            dir = dir.resolve(rel.getName(0));
            rel = rel.getNameCount() == 1 ? Path.of("") : rel.subpath(1, rel.getNameCount());
        }
    }

    private static void readFirstIgnoreFile(Path dir, List<String> rules) {
        for (String name : List.of(".npmignore", ".gitignore")) {
            Path file = dir.resolve(name);
            try {
                rules.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                return;
            } catch (NoSuchFileException e) {
                // npm ignores a missing file and tries the next one
            } catch (IOException e) {
                throw new NpmregException("Cannot read " + file + ": " + e.getMessage(),
                        "Make " + file + " a readable file, or delete it.", e);
            }
        }
    }

    // @npmcli/config loadLocalPrefix: the nearest folder above whose package.json workspaces include this one.
    private static Path findWorkspaceRoot(Path packageDir) {
        for (Path p = packageDir.getParent(); p != null; p = p.getParent()) {
            Path pj = p.resolve("package.json");
            if (!Files.isRegularFile(pj)) {
                continue;
            }
            JsonNode pkg;
            try {
                pkg = io.github.npmreg.json.JsonTree.read(pj);
            } catch (IOException e) {
                continue; // npm moves on when an enclosing package.json cannot be read
            }
            if (pkg == null || patterns(pkg).isEmpty()) {
                continue;
            }
            if (members(p, pkg).contains(packageDir)) {
                return p;
            }
        }
        return null;
    }

    private static boolean isMember(Path root, Path dir, List<IgnorePattern> include, List<IgnorePattern> exclude) {
        String rel = root.relativize(dir).toString().replace('\\', '/');
        return include.stream().anyMatch(p -> p.match(rel)) && exclude.stream().noneMatch(p -> p.match(rel));
    }

    private static List<String> patterns(JsonNode manifest) {
        JsonNode ws = manifest.get("workspaces");
        if (ws != null && ws.isObject()) {
            ws = ws.get("packages");
        }
        List<String> out = new ArrayList<>();
        if (ws != null && ws.isArray()) {
            ws.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }
}
