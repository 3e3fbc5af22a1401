package io.github.npmreg.npm.packlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What npm-packlist reads from Arborist's tree for one package: its location, its package.json after the
 * normalisation Arborist applies when loading the actual tree ({@code @npmcli/package-json} normalize steps that
 * matter here: {@code bundledDependencies} renamed to {@code bundleDependencies}, {@code true} expanded to the
 * dependency names, {@code optionalDedupe}, and {@code bin} normalised by npm-normalize-package-bin), its dependency
 * edges, and how its dependencies resolve on disk.
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

    private PackageNode(Path path, Path realPath, boolean isLink, boolean isProjectRoot, boolean hasWorkspaces,
            Path projectRoot, ObjectNode pkg) {
        this.path = path;
        this.realPath = realPath;
        this.isLink = isLink;
        this.isProjectRoot = isProjectRoot;
        this.hasWorkspaces = hasWorkspaces;
        this.projectRoot = projectRoot;
        this.pkg = pkg;
    }

    static PackageNode projectRoot(Path dir, ObjectNode manifest) {
        ObjectNode pkg = normalize(manifest.deepCopy(), dir);
        boolean workspaces = !Workspaces.members(dir, manifest).isEmpty();
        return new PackageNode(dir, dir, false, true, workspaces, dir, pkg);
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
        return new PackageNode(location, real, link, false, false, projectRoot, normalize(manifest, real));
    }

    private List<String> keys(String field) {
        List<String> names = new ArrayList<>();
        JsonNode n = pkg.get(field);
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The @npmcli/package-json normalize steps npm-packlist's results depend on; {@code dir} holds the package. */
    static ObjectNode normalize(ObjectNode data, Path dir) {
        // bundledDependencies typo fix, then bundleDependencies: true -> dependency names, object -> its keys.
        if (!data.has("bundleDependencies") && data.has("bundledDependencies")) {
            data.set("bundleDependencies", data.get("bundledDependencies"));
        }
        data.remove("bundledDependencies");
        JsonNode bd = data.get("bundleDependencies");
        if (bd != null) {
            if (bd.isBoolean() && !bd.booleanValue()) {
                data.putArray("bundleDependencies");
            } else if (bd.isBoolean()) {
                var arr = io.github.npmreg.json.JsonTree.array();
                JsonNode deps = data.get("dependencies");
                if (deps != null && deps.isObject()) {
                    deps.fieldNames().forEachRemaining(arr::add);
                }
                data.set("bundleDependencies", arr);
            } else if (bd.isObject()) {
                var arr = io.github.npmreg.json.JsonTree.array();
                bd.fieldNames().forEachRemaining(arr::add);
                data.set("bundleDependencies", arr);
            } else if (!bd.isArray()) {
                data.remove("bundleDependencies");
            }
        }
        // optionalDedupe: a name in optionalDependencies is removed from dependencies.
        JsonNode deps = data.get("dependencies");
        JsonNode optional = data.get("optionalDependencies");
        if (deps instanceof ObjectNode d && optional != null && optional.isObject()) {
            optional.fieldNames().forEachRemaining(d::remove);
            if (d.isEmpty()) {
                data.remove("dependencies");
            }
        }
        JsonNode directories = data.get("directories");
        JsonNode binDir = directories == null ? null : directories.get("bin");
        JsonNode bin = data.get("bin");
        boolean noBin = bin == null || bin.isNull() || (bin.isTextual() && bin.asText().isEmpty())
                || (bin.isBoolean() && !bin.booleanValue());
        if (binDir != null && binDir.isTextual() && !binDir.asText().isEmpty() && noBin) {
            binsFromDirectory(data, dir, secureAndUnixifyPath(binDir.asText()));
        } else {
            normalizeBin(data);
        }
        return data;
    }

    // The binDir step: every entry below directories.bin (glob "**", no dot paths, links not followed) is a bin.
    private static void binsFromDirectory(ObjectNode data, Path dir, String binPath) {
        ObjectNode bins = io.github.npmreg.json.JsonTree.object();
        Path base = dir.resolve(binPath);
        if (Files.isDirectory(base)) {
            try (var walk = Files.walk(base)) {
                walk.filter(p -> !p.equals(base)).forEach(p -> {
                    String rel = base.relativize(p).toString().replace('\\', '/');
                    boolean dotted = List.of(rel.split("/")).stream().anyMatch(seg -> seg.startsWith("."));
                    if (!dotted) {
                        bins.put(basename(rel), binPath + "/" + secureAndUnixifyPath(rel));
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new NpmregException("Cannot list directories.bin " + base + ": " + e.getMessage(),
                        "Make " + base + " readable, or remove \"directories\": {\"bin\"} from package.json.", e);
            }
        }
        data.set("bin", bins);
    }

    /** {@code path.join('.', path.join('/', p))} with \\ and : as separators; "" when nothing is left. */
    private static String secureAndUnixifyPath(String ref) {
        return posixJoinRoot(ref.replaceAll("[\\\\:]", "/"));
    }

    // @npmcli/package-json normalizePackageBin: string -> {name: path}, array -> {basename: path}; targets made relative and clean.
    private static void normalizeBin(ObjectNode data) {
        JsonNode bin = data.get("bin");
        if (bin == null || bin.isNull() || (bin.isTextual() && bin.asText().isEmpty())
                || (bin.isBoolean() && !bin.booleanValue()) || (bin.isNumber() && bin.asDouble() == 0)) {
            data.remove("bin");
            return;
        }
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        if (bin.isTextual()) {
            JsonNode name = data.get("name");
            if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                data.remove("bin");
                return;
            }
            raw.put(name.asText(), bin);
        } else if (bin.isArray()) {
            for (JsonNode k : bin) {
                raw.put(basename(k.asText()), k);
            }
        } else if (bin.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = bin.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                raw.put(e.getKey(), e.getValue());
            }
        } else {
            data.remove("bin");
            return;
        }
        ObjectNode clean = io.github.npmreg.json.JsonTree.object();
        raw.forEach((key, value) -> {
            String base = basename(secureAndUnixifyPath(key));
            if (!value.isTextual() || base.isEmpty()) {
                return;
            }
            String target = secureAndUnixifyPath(value.asText());
            if (!target.isEmpty()) {
                clean.put(base, target);
            }
        });
        if (clean.isEmpty()) {
            data.remove("bin");
        } else {
            data.set("bin", clean);
        }
    }

    /** {@code path.join('/', p).slice(1)}: normalised, relative, never above the root. */
    static String posixJoinRoot(String p) {
        List<String> out = new ArrayList<>();
        for (String seg : p.split("/+")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(seg);
        }
        String joined = String.join("/", out);
        return p.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
    }

    private static String basename(String p) {
        String s = p;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int i = s.lastIndexOf('/');
        return i < 0 ? s : s.substring(i + 1);
    }
}
