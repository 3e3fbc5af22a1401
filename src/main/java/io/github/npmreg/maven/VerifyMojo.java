package io.github.npmreg.maven;

import io.github.npmreg.doctor.Doctor;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.Finding;
import io.github.npmreg.doctor.RegistryClientNetwork;
import io.github.npmreg.doctor.Report;
import io.github.npmreg.doctor.Status;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.reactor.Workspace;
import io.github.npmreg.reactor.WorkspaceSet;
import io.github.npmreg.registry.RegistryClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Troubleshoots the release {@code mvn deploy} would make (the same parameters: version, registry, serverId, tag,
 * requireTag, skipExisting...): package, registry choice, credentials, network, authentication and rights (with
 * read-only requests), the GitLab project, publishing state and CI. One line per check; each problem with its cause,
 * evidence and fix, consequences of a failed check skipped. Fails the build when a check failed.
 */
// A project goal, not an aggregator: in a reactor every module is verified (requiresProject=false would make Maven
// run it once, on the first project only).
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractRegistryMojo {
    /** {@code text} (the build log) or {@code json} (also written to {@code target/npmreg/verify.json}). */
    @Parameter(property = PropertyNames.VERIFY_FORMAT, defaultValue = "text")
    private String format;

    /** Only the local checks, no network ({@code mvn -o} does the same). */
    @Parameter(property = PropertyNames.OFFLINE, defaultValue = "false")
    private boolean offline;

    @Inject
    public VerifyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() throws MojoFailureException {
        if (isOtherModuleOfReactor()) {
            getLog().info("Skipping npmreg:verify for " + project.getArtifactId() + ": not an npm module (no"
                    + " package.json in " + packageDir() + ", no npm packaging, the plugin not in its build)");
            return;
        }
        warnAboutExecutionConfiguration();
        Map<String, String> env = environment();
        Report report;
        if (workspaces != null && !workspaces.isEmpty()) {
            report = judgeWorkspaces(env);
        } else {
            DoctorContext.Builder builder = DoctorSetup.read(this, env).clock(Clock.systemUTC());
            io.github.npmreg.pack.PackResult packed = PackedPackage.packedInThisBuild(project);
            if (packed != null) {
                builder.tarball(packed.tarball());
            }
            report = judge(builder);
            print(report);
        }
        if ("json".equalsIgnoreCase(format)) {
            Path json = workDir().resolve("verify.json");
            report.writeJson(json);
            getLog().info("Wrote " + json);
        }
        if (report.failed()) {
            throw new MojoFailureException("npmreg:verify found " + report.counts().get(Status.FAIL)
                    + " problem(s); each is listed above with its cause and fix.");
        }
    }

    /** The doctor over one package's setup: local checks only offline or without a usable registry. */
    private Report judge(DoctorContext.Builder builder) {
        DoctorContext.RegistryChoice choice = builder.registry();
        if (offline || session.isOffline() || choice == null || !choice.chosen()) {
            return Doctor.standard().run(builder.build(), Doctor.categoriesFor(true));
        }
        URI url = URI.create(choice.url());
        try (RegistryClient client = client(url)) {
            return Doctor.standard().run(builder.network(new RegistryClientNetwork(client, clientConfig(url))).build(),
                    Doctor.categoriesFor(false));
        }
    }

    /**
     * With {@code workspaces}, publish publishes the selected workspaces, not the root: each is judged as the release
     * publish would make of it (private ones are skipped, as publish skips them). The report is all of them together.
     */
    private Report judgeWorkspaces(Map<String, String> env) {
        Path root = packageDir();
        Path rootManifest = root.resolve("package.json");
        List<Finding> all = new ArrayList<>();
        for (Workspace ws : WorkspaceSet.select(root, ManifestReader.parse(rootManifest), workspaces,
                includeWorkspaceRoot)) {
            if (ws.isPrivate()) {
                getLog().info("Skipping workspace " + ws.name() + ", marked as private (publish skips it too)");
                continue;
            }
            getLog().info("Workspace " + ws.name() + (ws.isRoot() ? " (the workspaces root)" : " in " + ws.relativePath()));
            Path dir = ws.directory();
            DoctorContext.Builder builder = ws.isRoot() ? DoctorSetup.read(this, env)
                    : DoctorSetup.read(this, dir, root, env, (manifest, server) ->
                            settings(dir, root, dir.resolve("package.json"), manifest, server).build());
            Report report = judge(builder.clock(Clock.systemUTC()));
            print(report);
            all.addAll(report.findings());
        }
        return new Report(all);
    }

    private void print(Report report) {
        for (Report.Block block : report.toBlocks()) {
            for (String line : block.text().split("\\R")) {
                // A FAIL is an error line, so it shows under -q as well; a WARN is Maven's warning.
                switch (block.status()) {
                    case FAIL -> buildLog().error(line);
                    case WARN -> buildLog().warn(line);
                    default -> buildLog().info(line);
                }
            }
        }
    }

    /**
     * In a reactor, {@code mvn npmreg:verify} reaches every module: a parent POM or a Java module that has no
     * package.json, is not of the npm packaging and does not use this plugin is not judged (alone, it still is).
     */
    private boolean isOtherModuleOfReactor() {
        if (project == null || session.getProjects() == null || session.getProjects().size() < 2
                || "npm".equals(project.getPackaging())
                || java.nio.file.Files.exists(packageDir().resolve("package.json"))) {
            return false;
        }
        String key = mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        return project.getBuildPlugins().stream().noneMatch(p -> key.equals(p.getKey()));
    }

    /**
     * Run alone ({@code mvn npmreg:verify}), this goal gets the plugin-level {@code <configuration>} only: what an
     * {@code <execution>} of the POM sets for its own goals (a {@code <version>}, a {@code <tag>}) is not seen, so the
     * release judged could differ from the one {@code mvn deploy} makes. Say so instead of judging silently.
     */
    private void warnAboutExecutionConfiguration() {
        if (mojoExecution == null || project == null || !"default-cli".equals(mojoExecution.getExecutionId())) {
            return;
        }
        org.apache.maven.model.Plugin plugin = project.getPlugin(mojoExecution.getMojoDescriptor()
                .getPluginDescriptor().getPluginLookupKey());
        if (plugin == null) {
            return;
        }
        java.util.Set<String> parameters = mojoExecution.getMojoDescriptor().getParameterMap().keySet();
        // Maven copies the plugin-level configuration into every execution (the npm packaging's default-* ones
        // included): only what an execution sets differently is unseen here.
        org.codehaus.plexus.util.xml.Xpp3Dom shared = plugin.getConfiguration()
                instanceof org.codehaus.plexus.util.xml.Xpp3Dom dom ? dom : null;
        for (org.apache.maven.model.PluginExecution execution : plugin.getExecutions()) {
            if ("default-cli".equals(execution.getId())
                    || !(execution.getConfiguration() instanceof org.codehaus.plexus.util.xml.Xpp3Dom config)) {
                continue;
            }
            java.util.List<String> seen = new java.util.ArrayList<>();
            for (org.codehaus.plexus.util.xml.Xpp3Dom child : config.getChildren()) {
                org.codehaus.plexus.util.xml.Xpp3Dom same = shared == null ? null : shared.getChild(child.getName());
                if (parameters.contains(child.getName()) && !seen.contains("<" + child.getName() + ">")
                        && (same == null || !same.equals(child))) {
                    seen.add("<" + child.getName() + ">");
                }
            }
            if (!seen.isEmpty()) {
                getLog().warn("The POM's execution '" + execution.getId() + "' of this plugin sets "
                        + String.join(", ", seen) + " in its own <configuration>, which mvn npmreg:verify run alone"
                        + " does not read: the release judged here may differ from the one mvn deploy makes. Fix:"
                        + " move them to the plugin's <configuration> (every goal then shares them), or pass them"
                        + " here as -Dnpmreg.<name>=...");
            }
        }
    }

    @Override
    protected boolean inSummary() {
        return false;
    }

    @Override
    protected String goalName() {
        return "npmreg:verify";
    }

    @Override
    protected boolean skipGoal() {
        return false;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.SKIP;
    }
}
