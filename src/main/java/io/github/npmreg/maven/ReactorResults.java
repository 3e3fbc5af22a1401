package io.github.npmreg.maven;

import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.reactor.Outcome;
import io.github.npmreg.reactor.PackageResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * The results of one Maven session, for the summary at its end: every goal that publishes (or fails on the way)
 * records the result of its package here, and the first one registers {@link SummaryListener}, which prints the
 * table when the session ends, before Maven's own Reactor Summary. This works whether or not the plugin is loaded
 * as a build extension, and under {@code -T}: the rows live in the repository session's data, which every module's
 * (cloned) session shares and which is thread-safe.
 *
 * <p>Only JDK types are stored there: projects can load the plugin in different class realms (an extension realm
 * for {@code <packaging>npm</packaging>}, a plugin realm for executions), each with its own copy of these classes,
 * yet all of them belong in one table.
 */
final class ReactorResults {
    private static final String ROWS = "io.github.npmreg.summary.rows";
    private static final String LISTENER = "io.github.npmreg.summary.listener";
    private static final String FAILED_MOJOS = "io.github.npmreg.summary.failedMojos";
    private static final String PLUGIN_KEY = "io.github.npmreg:npmreg-maven-plugin";

    private ReactorResults() {}

    /** Adds the result of one package of {@code project}; rows of one project keep the order they were added in. */
    static void record(MavenSession session, MavenProject project, PackageResult result) {
        Map<String, String> row = new HashMap<>();
        row.put("project", projectKey(project));
        row.put("name", result.name());
        put(row, "version", result.version());
        put(row, "tag", result.tag());
        put(row, "registry", result.registry());
        row.put("outcome", result.outcome().name());
        put(row, "detail", result.detail());
        rows(session).add(row);
        registerListener(session);
    }

    /**
     * Makes sure the summary is printed at the end of this session: wraps the request's execution listener once
     * per session (the first caller wins; later ones see the flag).
     */
    static void registerListener(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        if (data.get(LISTENER) != null || !data.set(LISTENER, null, Boolean.TRUE)) {
            return;
        }
        MavenExecutionRequest request = session.getRequest();
        ExecutionListener current = request.getExecutionListener();
        request.setExecutionListener(new SummaryListener(current));
    }

    /** Remembers which mojo failed a project, for modules that fail outside this plugin's goals. */
    static void mojoFailed(MavenSession session, MavenProject project, String mojo) {
        failedMojos(session).add(Map.of("project", projectKey(project), "mojo", mojo));
    }

    /**
     * Every package of the session, in reactor order: the recorded results, plus one row for each module that would
     * have published but has none, because its build failed elsewhere or never ran (an earlier failure stopped it);
     * those rows have no version, since the version a module publishes may come from its POM, not package.json.
     * Empty when nothing was recorded, e.g. a {@code mvn package} that went through.
     */
    static List<PackageResult> results(MavenSession session) {
        List<Map<String, String>> recorded = new ArrayList<>(rows(session));
        if (recorded.isEmpty()) {
            return List.of();
        }
        List<MavenProject> projects = session.getProjects() == null ? List.of() : session.getProjects();
        Map<String, Integer> order = new HashMap<>();
        for (MavenProject p : projects) {
            order.putIfAbsent(projectKey(p), order.size());
        }
        Map<String, String> failedMojo = new LinkedHashMap<>();
        for (Map<String, String> f : failedMojos(session)) {
            failedMojo.putIfAbsent(f.get("project"), f.get("mojo"));
        }
        List<Map<String, String>> rows = new ArrayList<>(recorded);
        for (MavenProject p : projects) {
            String key = projectKey(p);
            if (!publishes(p) || recorded.stream().anyMatch(r -> key.equals(r.get("project")))) {
                continue;
            }
            PackageResult missing = missing(session, p, failedMojo.get(key));
            if (missing != null) {
                Map<String, String> row = new HashMap<>();
                row.put("project", key);
                row.put("name", missing.name());
                row.put("outcome", missing.outcome().name());
                put(row, "detail", missing.detail());
                rows.add(row);
            }
        }
        // A stable sort: the rows of one project stay in the order they were recorded (workspaces: publish order).
        rows.sort(Comparator.comparingInt(r -> order.getOrDefault(r.get("project"), Integer.MAX_VALUE)));
        List<PackageResult> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new PackageResult(r.get("name"), r.get("version"), r.get("tag"), r.get("registry"),
                    Outcome.valueOf(r.get("outcome")), r.get("detail")));
        }
        return out;
    }

    private static PackageResult missing(MavenSession session, MavenProject project, String failedMojo) {
        BuildSummary summary = session.getResult() == null ? null : session.getResult().getBuildSummary(project);
        PackageId id = packageId(project.getBasedir() == null ? null : project.getBasedir().toPath(),
                project.getArtifactId());
        if (summary instanceof BuildFailure) {
            return new PackageResult(id.name(), id.version(), null, null, Outcome.FAILED, "the module's build failed"
                    + (failedMojo == null ? "" : " in " + failedMojo) + " before publishing");
        }
        if (summary == null) {
            return new PackageResult(id.name(), id.version(), null, null, Outcome.SKIPPED,
                    "not built: an earlier failure stopped the build before this module");
        }
        return null;
    }

    /** A package as far as the summary can name it. */
    record PackageId(String name, String version) {}

    /**
     * The package name and version from {@code packageDir}'s package.json, else {@code fallbackName} and no version
     * (a missing or broken package.json: the failure itself says why).
     */
    static PackageId packageId(Path packageDir, String fallbackName) {
        Path manifest = packageDir == null ? null : packageDir.resolve("package.json");
        if (manifest != null && Files.isRegularFile(manifest)) {
            try {
                ObjectNode json = ManifestReader.parse(manifest);
                String name = json.path("name").asText("");
                if (!name.isBlank()) {
                    String version = json.path("version").asText("");
                    return new PackageId(name, version.isBlank() ? null : version);
                }
            } catch (RuntimeException e) {
                // named by the fallback
            }
        }
        return new PackageId(fallbackName, null);
    }

    /** Whether the module publishes an npm package: the npm packaging, or an execution of a publishing goal. */
    static boolean publishes(MavenProject project) {
        if (NpmPackaging.of(project)) {
            return true;
        }
        for (Plugin plugin : project.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getGoals().contains("publish") || execution.getGoals().contains("workspaces")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String projectKey(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }

    private static void put(Map<String, String> row, String key, String value) {
        if (value != null) {
            row.put(key, value);
        }
    }

    private static Queue<Map<String, String>> rows(MavenSession session) {
        return queue(session, ROWS);
    }

    private static Queue<Map<String, String>> failedMojos(MavenSession session) {
        return queue(session, FAILED_MOJOS);
    }

    @SuppressWarnings("unchecked")
    private static Queue<Map<String, String>> queue(MavenSession session, String key) {
        SessionData data = session.getRepositorySession().getData();
        Object existing = data.get(key);
        if (existing == null) {
            data.set(key, null, new ConcurrentLinkedQueue<Map<String, String>>());
            existing = data.get(key);
        }
        return (Queue<Map<String, String>>) existing;
    }
}
