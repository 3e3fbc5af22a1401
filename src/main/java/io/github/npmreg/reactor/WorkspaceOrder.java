package io.github.npmreg.reactor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which workspaces are published: each after the workspaces it depends on, so a package never points
 * at a version of another workspace that is not in the registry yet. npm 11's {@code publish --workspaces} goes in
 * its listed order instead; here that order only breaks ties (and cycles).
 *
 * <p>A dependency is an entry of {@code dependencies}, {@code optionalDependencies}, {@code peerDependencies} or
 * {@code devDependencies} whose key is the name of another selected workspace, whatever its spec
 * ({@code ^1.0.0}, {@code workspace:*}, {@code file:../core}). In a cycle the earliest workspace in the given
 * order goes first.
 */
public final class WorkspaceOrder {
    private static final List<String> DEPENDENCY_FIELDS =
            List.of("dependencies", "optionalDependencies", "peerDependencies", "devDependencies");

    private WorkspaceOrder() {}

    /** {@code workspaces} with dependencies first; otherwise in the order given. */
    public static List<Workspace> dependenciesFirst(List<Workspace> workspaces) {
        Map<String, Workspace> byName = new LinkedHashMap<>();
        workspaces.forEach(w -> byName.putIfAbsent(w.name(), w));
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (Workspace w : byName.values()) {
            Set<String> deps = new LinkedHashSet<>();
            for (String field : DEPENDENCY_FIELDS) {
                JsonNode map = w.manifest().get(field);
                if (map != null && map.isObject()) {
                    map.fieldNames().forEachRemaining(dep -> {
                        if (byName.containsKey(dep) && !dep.equals(w.name())) {
                            deps.add(dep);
                        }
                    });
                }
            }
            needs.put(w.name(), deps);
        }
        List<Workspace> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < byName.size()) {
            String next = null;
            for (String name : byName.keySet()) {
                if (!done.contains(name) && done.containsAll(needs.get(name))) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                // A cycle: the earliest one left goes first.
                next = byName.keySet().stream().filter(n -> !done.contains(n)).findFirst().orElseThrow();
            }
            done.add(next);
            out.add(byName.get(next));
        }
        return out;
    }
}
