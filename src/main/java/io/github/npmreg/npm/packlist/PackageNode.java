package io.github.npmreg.npm.packlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packagejson.PackageJsonNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What npm-packlist reads from Arborist's tree for one package: its location, its package.json as Arborist loads
 * it ({@link PackageJsonNormalizer#forPack}: {@code bundleDependencies}, {@code optionalDedupe}, {@code bin}, ...),
 * its dependency edges, and how its dependencies resolve on disk.
 */
final class PackageNode {
    enum EdgeType { PROD, OPTIONAL, PEER, DEV }


    /** Where the package is reached from its parent: for a symlinked dependency, the link itself. */
    final Path path;
    /** The real directory (the link target for a symlink). */
    final Path realPath;
    final boolean isLink;
    final boolean isProjectRoot;
    /** Arborist's {@code tree.workspaces}: set only when the package's workspaces match at least one folder. */
    final boolean hasWorkspaces;
    /** The directory where dependency resolution starts going up from; the project root stops it. */
    private final Path projectRoot;
    private final ObjectNode pkg;
    /** The npm major whose normalization is reproduced (12 adds the overrides step). */
    private final int npmMajor;

    private PackageNode(Path path, Path realPath, boolean isLink, boolean isProjectRoot, boolean hasWorkspaces,
            Path projectRoot, ObjectNode pkg, int npmMajor) {
        this.path = path;
        this.realPath = realPath;
        this.isLink = isLink;
        this.isProjectRoot = isProjectRoot;
        this.hasWorkspaces = hasWorkspaces;
        this.projectRoot = projectRoot;
        this.pkg = pkg;
        this.npmMajor = npmMajor;
    }

    static PackageNode projectRoot(Path dir, ObjectNode manifest, int npmMajor) {
        ObjectNode pkg = PackageJsonNormalizer.forPack(manifest, dir, npmMajor);
        boolean workspaces = !Workspaces.members(dir, manifest).isEmpty();
        return new PackageNode(dir, dir, false, true, workspaces, dir, pkg, npmMajor);
    }

    ObjectNode pkg() {
        return pkg;
    }

    /** Names npm-packlist's {@code gatherBundles} walks: bundleDependencies for the root, else deps + optionalDeps. */
    List<String> namesToBundle() {
        List<String> names = new ArrayList<>();
        if (isProjectRoot) {
            JsonNode bd = pkg.get("bundleDependencies");
            if (bd != null && bd.isArray()) {
                bd.forEach(n -> names.add(n.asText()));
            }
        } else {
            names.addAll(keys("dependencies"));
            names.addAll(keys("optionalDependencies"));
        }
        return names;
    }

    /**
     * The type of the edge Arborist creates for {@code name}, or null when the package does not declare it. Arborist
     * loads peer, then prod, then optional, then (only for the root) dev edges, each replacing the previous one.
     */
    EdgeType edgeType(String name) {
        EdgeType type = null;
        if (keys("peerDependencies").contains(name)) {
            type = EdgeType.PEER;
        }
        if (keys("dependencies").contains(name)) {
            type = EdgeType.PROD;
        }
        if (keys("optionalDependencies").contains(name)) {
            type = EdgeType.OPTIONAL;
        }
        if (isProjectRoot && keys("devDependencies").contains(name)) {
            type = EdgeType.DEV;
        }
        return type;
    }

    /**
     * Node's (and Arborist's) resolution: {@code node_modules/<name>} beside this package, then in each enclosing
     * package up to the project root. Null when the dependency is not installed.
     */
    PackageNode resolve(String name) {
        Path dir = realPath;
        while (dir != null) {
            Path candidate = dir.resolve("node_modules").resolve(name);
            if (Files.isDirectory(candidate)) {
                return load(candidate);
            }
            dir = resolveParent(dir);
        }
        return null;
    }

    private Path resolveParent(Path dir) {
        if (dir.equals(projectRoot) || !dir.startsWith(projectRoot)) {
            return null;
        }
        // Inside node_modules the parent is the package owning that node_modules folder; elsewhere inside the
        // project (a linked workspace) Arborist's fsParent is the enclosing project root.
        Path p = dir.getParent();
        while (p != null && !p.equals(projectRoot)) {
            if (p.getFileName().toString().equals("node_modules")) {
                return p.getParent();
            }
            p = p.getParent();
        }
        return projectRoot;
    }

    private PackageNode load(Path location) {
        boolean link = Files.isSymbolicLink(location);
        Path real;
        try {
            real = location.toRealPath();
        } catch (IOException e) {
            throw new NpmregException("Cannot resolve the bundled dependency " + location + ": " + e.getMessage(),
                    "Reinstall it (npm install) or remove it from bundleDependencies in package.json.", e);
        }
        ObjectNode manifest = io.github.npmreg.json.JsonTree.object();
        Path pj = real.resolve("package.json");
        if (Files.isRegularFile(pj)) {
            try {
                JsonNode read = io.github.npmreg.json.JsonTree.read(pj);
                if (read instanceof ObjectNode o) {
                    manifest = o;
                }
            } catch (IOException e) {
                throw new NpmregException("Cannot read " + pj + ": " + e.getMessage(),
                        "Fix the JSON of that file or reinstall the dependency (npm install).", e);
            }
        }
        return new PackageNode(location, real, link, false, false, projectRoot,
                PackageJsonNormalizer.forPack(manifest, real, npmMajor), npmMajor);
    }

    private List<String> keys(String field) {
        List<String> names = new ArrayList<>();
        JsonNode n = pkg.get(field);
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
