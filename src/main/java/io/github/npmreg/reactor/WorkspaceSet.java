package io.github.npmreg.reactor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import io.github.npmreg.NpmregException;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.npm.packlist.Workspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workspaces of an npm workspaces root, as npm lists them ({@code @npmcli/map-workspaces}, npm 11), and the ones
 * a selection picks ({@code getWorkspaces} in npm's {@code lib/utils/get-workspaces.js}).
 *
 * <ul>
 *   <li>Order: for each positive {@code workspaces} pattern in the order declared, its matches sorted with
 *       {@code localeCompare(…, 'en')}; a folder matched by several patterns comes where it is first matched.
 *   <li>Name: the package.json {@code name}, else the folder's name ({@code @scope/name} under an {@code @scope}
 *       folder); two workspaces with the same name are an error ({@code EDUPLICATEWORKSPACE}).
 *   <li>Selection: {@code all}, or names and paths as {@code --workspace} takes them: a name, a workspace's folder
 *       (relative to the root), or a folder whose direct subfolders are workspaces. With {@code includeWorkspaceRoot}
 *       the root comes first. Unlike npm, a filter that selects nothing is an error naming it (npm ignores it
 *       unless nothing at all is selected): a typo must not silently leave a package unpublished.
 * </ul>
 */
public final class WorkspaceSet {
    /** The selection that takes every workspace, as {@code --workspaces} does. */
    public static final String ALL = "all";

    private static final Collator EN = Collator.getInstance(ULocale.ENGLISH).freeze();

    private WorkspaceSet() {}

    /** Every workspace of {@code root}, in npm's order; empty when its package.json declares none. */
    public static List<Workspace> list(Path root, ObjectNode rootManifest) {
        Path dir = root.toAbsolutePath().normalize();
        List<String> positive = new ArrayList<>();
        List<String> negated = new ArrayList<>();
        for (String pattern : patterns(rootManifest)) {
            if (pattern.startsWith("!")) {
                negated.add(pattern);
            } else {
                positive.add(pattern);
            }
        }
        Set<Path> ordered = new LinkedHashSet<>();
        for (String pattern : positive) {
            ArrayNode one = JsonNodeFactory.instance.arrayNode().add(pattern);
            negated.forEach(one::add);
            ObjectNode probe = JsonNodeFactory.instance.objectNode();
            probe.set("workspaces", one);
            List<Path> matches = new ArrayList<>(Workspaces.members(dir, probe));
            matches.sort((a, b) -> EN.compare(relative(dir, a), relative(dir, b)));
            ordered.addAll(matches);
        }
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        Map<Path, ObjectNode> manifests = new LinkedHashMap<>();
        for (Path folder : ordered) {
            ObjectNode manifest = ManifestReader.parse(folder.resolve("package.json"));
            manifests.put(folder, manifest);
            byName.computeIfAbsent(nameOf(manifest, folder), k -> new ArrayList<>()).add(folder);
        }
        List<String> duplicates = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue().stream().map(p -> relative(dir, p))
                        .collect(Collectors.joining(", ")))
                .toList();
        if (!duplicates.isEmpty()) {
            throw new NpmregException("The workspaces of " + dir.resolve("package.json") + " must not have the same"
                    + " name (npm: EDUPLICATEWORKSPACE): " + String.join("; ", duplicates) + ".",
                    "give each workspace its own \"name\" in its package.json.");
        }
        List<Workspace> out = new ArrayList<>();
        byName.forEach((name, folders) -> out.add(
                new Workspace(name, folders.get(0), relative(dir, folders.get(0)), manifests.get(folders.get(0)))));
        return out;
    }

    /**
     * The workspaces {@code filters} pick, in npm's order (the root first when included, then by filter), without
     * repeats. {@code filters} holds {@code all} or names and paths; an empty list picks nothing but the root.
     */
    public static List<Workspace> select(Path root, ObjectNode rootManifest, List<String> filters,
            boolean includeWorkspaceRoot) {
        Path dir = root.toAbsolutePath().normalize();
        List<Workspace> workspaces = list(dir, rootManifest);
        Map<Path, Workspace> picked = new LinkedHashMap<>();
        if (includeWorkspaceRoot) {
            picked.put(dir, new Workspace(nameOf(rootManifest, dir), dir, "", rootManifest));
        }
        List<String> wanted = filters.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        if (!wanted.isEmpty() && workspaces.isEmpty()) {
            throw new NpmregException(dir.resolve("package.json") + " declares no workspaces (or none of its"
                    + " \"workspaces\" globs matches a folder with a package.json), so there is nothing to publish for"
                    + " workspaces " + wanted + ".",
                    "add \"workspaces\": [\"packages/*\"] to it, or remove <workspaces> (-Dnpmreg.workspaces).");
        }
        List<String> unmatched = new ArrayList<>();
        for (String filter : wanted) {
            boolean any = false;
            for (Workspace ws : workspaces) {
                if (filter.equals(ALL) || matches(dir, ws, filter)) {
                    picked.putIfAbsent(ws.directory(), ws);
                    any = true;
                }
            }
            if (!any) {
                unmatched.add(filter);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new NpmregException("No workspace of " + dir.resolve("package.json") + " is named or lies at "
                    + unmatched + "; its workspaces are " + workspaces.stream()
                            .map(w -> w.name() + " (" + w.relativePath() + ")").collect(Collectors.joining(", ")) + ".",
                    "name workspaces by package name or folder in <workspaces> (-Dnpmreg.workspaces), or use 'all'.");
        }
        return List.copyOf(picked.values());
    }

    // get-workspaces.js: the name, the folder itself, or a folder whose direct children are workspaces (filter/*).
    private static boolean matches(Path root, Workspace ws, String filter) {
        if (filter.equals(ws.name())) {
            return true;
        }
        Path target = root.resolve(filter).normalize();
        return target.equals(ws.directory()) || target.equals(ws.directory().getParent());
    }

    /** map-workspaces' name: package.json's name, else @npmcli/name-from-folder. */
    static String nameOf(JsonNode manifest, Path folder) {
        String name = manifest.path("name").asText("");
        if (!name.isBlank()) {
            return name;
        }
        String base = folder.getFileName() == null ? "" : folder.getFileName().toString();
        Path parent = folder.getParent();
        String scope = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        return scope.startsWith("@") ? scope + "/" + base : base;
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

    private static String relative(Path root, Path dir) {
        return root.relativize(dir).toString().replace('\\', '/');
    }
}
