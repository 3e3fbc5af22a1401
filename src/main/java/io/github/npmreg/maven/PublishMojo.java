package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.pack.OwnOutputs;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackSummary;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.pack.TarballName;
import io.github.npmreg.reactor.Workspace;
import io.github.npmreg.reactor.WorkspaceOrder;
import io.github.npmreg.reactor.WorkspaceSet;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import io.github.npmreg.doctor.Doctor;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.Finding;
import io.github.npmreg.doctor.RegistryClientNetwork;
import io.github.npmreg.doctor.Report;
import io.github.npmreg.doctor.Status;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.publish.PublishPlan;
import io.github.npmreg.reactor.Outcome;
import io.github.npmreg.reactor.PackageResult;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import io.github.npmreg.publish.Publisher;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.RegistryClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes the package with npm's registry protocol: the tarball from {@code pack} (packing first when it did not
 * run), to the registry npm would choose, with credentials from settings.xml, .npmrc, the environment, GitLab CI's
 * job token or npm trusted publishing.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractRegistryMojo {
    /** Skips this goal. */
    @Parameter(property = PropertyNames.PUBLISH_SKIP, defaultValue = "false")
    private boolean skipPublish;

    /** A one-time password for registries that require 2FA on publish. */
    @Parameter(property = PropertyNames.OTP)
    private String otp;

    /** Does everything but the upload, and prints what it would send (tarball data elided). */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** When the version is already in the registry, log it and succeed instead of failing (safe release reruns). */
    @Parameter(property = PropertyNames.SKIP_EXISTING, defaultValue = "false")
    private boolean skipExisting;

    /** Run verify's local and read-only checks before uploading, so a broken setup fails in seconds. */
    @Parameter(property = PropertyNames.PREFLIGHT, defaultValue = "true")
    private boolean preflight;

    /**
     * With {@code <packaging>npm</packaging>}: also deploy the tarball (and the POM) to the Maven repository of
     * {@code distributionManagement}, by maven-deploy-plugin right after the npm publish. Off by default, so
     * {@code mvn deploy} needs no Maven repository. Other packagings run maven-deploy-plugin as usual.
     */
    @Parameter(property = PropertyNames.DEPLOY_TO_MAVEN_REPOSITORY, defaultValue = "false")
    private boolean deployToMavenRepository;

    /**
     * From an npm workspaces root: publish these workspaces instead of the root, as {@code npm publish --workspaces}
     * ({@code all}) or {@code --workspace} (package names, workspace folders, or a folder whose subfolders are
     * workspaces) do: each packed from its own folder, dependencies first, private ones skipped. On the command
     * line: {@code -Dnpmreg.workspaces=all} or a comma-separated list.
     */
    @Parameter(property = PropertyNames.WORKSPACES)
    private List<String> workspaces;

    /** With {@code workspaces}: also publish the workspaces root itself (npm's {@code --include-workspace-root}). */
    @Parameter(property = PropertyNames.INCLUDE_WORKSPACE_ROOT, defaultValue = "false")
    private boolean includeWorkspaceRoot;

    /** Publishing workspaces: each one's row is recorded as it goes, so the goal's failure adds none. */
    private boolean inWorkspaces;

    /** Where the tarball is written when publish has to pack it itself. */
    @Parameter(property = "npmreg.tarballDirectory", defaultValue = "${project.build.directory}")
    private File tarballDirectory;

    /** What this execution had decided when it failed, for the summary row. */
    private PublishPlan plan;

    /** The summary's reason when the preflight stopped the publish: its first failed check, not the whole report. */
    private String preflightCause;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * The npm packaging's deploy phase runs maven-deploy-plugin after this goal (see components.xml): this parameter
     * decides whether it deploys, through the project property its {@code skip} parameter reads, so an inherited
     * {@code maven.deploy.skip} (a reactor parent's, say) does not decide it. {@code -Dmaven.deploy.skip} on the
     * command line still wins. Also when this goal is skipped.
     */
    @Override
    protected void beforeSkipCheck() {
        if (NpmPackaging.of(project)) {
            project.getProperties().setProperty(NpmPackaging.MAVEN_DEPLOY_SKIP, String.valueOf(!deployToMavenRepository));
            getLog().debug("maven-deploy-plugin " + (deployToMavenRepository ? "deploys the tarball to the Maven repository"
                    : "is off for the npm packaging (-D" + PropertyNames.DEPLOY_TO_MAVEN_REPOSITORY
                            + " deploys the tarball to the Maven repository too)"));
        }
    }

    @Override
    protected void run() {
        if (workspaces != null && !workspaces.isEmpty()) {
            publishWorkspaces();
            return;
        }
        Path dir = packageDir();
        PackResult packed = PackedPackage.packedInThisBuild(project);
        if (packed == null) {
            getLog().info("The package was not packed in this build; packing it first");
            packed = PackedPackage.pack(project, dir, workDir(), tarballDirectory.toPath().toAbsolutePath(), buildLog());
        }
        Path manifestFile = PackedPackage.manifestFile(project, dir);
        publish(dir, manifestFile, ManifestReader.read(manifestFile), packed, dir);
    }

    /**
     * The per-package pipeline: plan (registry, credentials, tag, access), preflight, publish, summary row.
     *
     * @param npmrcDir where npm reads the project .npmrc: the package's folder, or for a workspace its workspaces root
     */
    private void publish(Path dir, Path manifestFile, ObjectNode manifest, PackResult packed, Path npmrcDir) {
        this.plan = null;
        this.preflightCause = null;
        Map<String, String> env = environment();
        PublishSettings settings = publishSettings(dir, manifestFile, manifest, npmrcDir, server(), otp, dryRun,
                skipExisting);
        PublishPlan plan = PublishPlanner.plan(settings);
        this.plan = plan;
        buildLog().redact(plan.credentials().secrets());
        getLog().info("Registry " + plan.registry().url() + " (" + plan.registry().reason() + ")");
        getLog().info("Credentials: " + (plan.trustedPublishing() ? "npm trusted publishing (OIDC)" : plan.credentials()));
        for (String note : plan.notes()) {
            buildLog().warn(note);
        }
        try (RegistryClient client = client(plan.registry().url())) {
            if (preflight) {
                preflight(client, plan, packed, env, dir, manifestFile, npmrcDir);
            }
            Publisher publisher = new Publisher(client, () -> new OidcExchange(client.http(), Clock.systemUTC(), buildLog()),
                    buildLog());
            PublishOutcome outcome = publisher.publish(settings, plan, packed);
            report(plan, outcome);
        }
    }

    /**
     * {@code npm publish --workspaces} from a workspaces root: each selected workspace packed from its own folder
     * with npm's rules and published, dependencies first; private ones skipped with npm's warning. Like npm, the
     * first failure stops the rest (listed as skipped in the summary) and fails the goal.
     */
    private void publishWorkspaces() {
        Path root = packageDir();
        Path rootManifestFile = root.resolve("package.json");
        if (!Files.isRegularFile(rootManifestFile)) {
            throw new NpmregException("There is no package.json in " + root + " to read the workspaces from.",
                    "set <packageDirectory> (or -D" + PropertyNames.PACKAGE_DIRECTORY + ") to the workspaces root.");
        }
        ObjectNode rootManifest = ManifestReader.parse(rootManifestFile);
        List<Workspace> selected = WorkspaceOrder.dependenciesFirst(
                WorkspaceSet.select(root, rootManifest, workspaces, includeWorkspaceRoot));
        getLog().info("Workspaces to publish, dependencies first: " + selected.stream()
                .map(w -> w.isRoot() ? w.name() + " (the root)" : w.name() + " (" + w.relativePath() + ")")
                .collect(Collectors.joining(", ")));
        List<Path> workspaceDirs = selected.stream().filter(w -> !w.isRoot()).map(Workspace::directory).toList();
        inWorkspaces = true;
        RuntimeException failure = null;
        String failedName = null;
        for (Workspace ws : selected) {
            String version = ws.manifest().path("version").asText(null);
            if (failure != null) {
                ReactorResults.record(session, project, new PackageResult(ws.name(), version, null, null,
                        Outcome.SKIPPED, "not published: " + failedName + " failed before it"));
                continue;
            }
            if (ws.isPrivate()) {
                // npm 11: "Skipping workspace <name>, marked as private" (a warning, not a failure).
                buildLog().warn("Skipping workspace " + ws.name() + ", marked as private");
                ReactorResults.record(session, project, new PackageResult(ws.name(), version, null, null,
                        Outcome.SKIPPED, "\"private\": true"));
                continue;
            }
            getLog().info("");
            getLog().info("Workspace " + ws.name() + (ws.isRoot() ? " (the workspaces root)" : " in " + ws.relativePath()));
            try {
                publishWorkspace(root, ws, workspaceDirs);
            } catch (RuntimeException e) {
                failure = e;
                failedName = ws.name();
                String cause = e instanceof NpmregException n ? n.problem() : String.valueOf(e);
                PackageResult row = failure(buildLog().clean(cause));
                ReactorResults.record(session, project, plan != null ? row
                        : new PackageResult(ws.name(), version, null, null, Outcome.FAILED, row.detail()));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void publishWorkspace(Path root, Workspace ws, List<Path> workspaceDirs) {
        this.plan = null;
        Path dir = ws.directory();
        Path manifestFile;
        Path work;
        List<Path> exclude = new ArrayList<>();
        if (ws.isRoot()) {
            // The root as publish-config staged it; npm leaves the workspace folders out of the root's tarball.
            manifestFile = PackedPackage.manifestFile(project, root);
            work = workDir();
            exclude.addAll(workspaceDirs);
        } else {
            manifestFile = dir.resolve("package.json");
            work = workDir().resolve("workspaces").resolve(ws.relativePath().replace('/', '-'));
        }
        ObjectNode manifest = ManifestReader.read(manifestFile);
        Path tarball = work.resolve(TarballName.of(manifest.path("name").asText(), manifest.path("version").asText()));
        exclude.add(workDir());
        exclude.add(tarball);
        Packer packer = new Packer(OwnOutputs.excluding(exclude), Runtime.getRuntime().availableProcessors());
        PackResult packed = packer.pack(new PackRequest(dir, manifestFile, manifest, work, work.resolve("pack.json")));
        for (String line : PackSummary.lines(packed, false)) {
            buildLog().info(line);
        }
        publish(dir, manifestFile, manifest, packed, root);
    }

    /** The doctor's checks that need no write; a failure stops the build with the same finding verify shows. */
    private void preflight(RegistryClient client, PublishPlan plan, PackResult packed, Map<String, String> env,
            Path dir, Path manifestFile, Path npmrcDir) {
        DoctorContext context = DoctorSetup.read(this, dir, manifestFile, npmrcDir, env)
                .clock(Clock.systemUTC()).tag(plan.tag()).requireTag(requireTag).releaseTagPattern(tagPattern)
                .trustedPublishing(plan.trustedPublishing()).tarball(packed.tarball())
                .network(session.isOffline() ? null
                        : new RegistryClientNetwork(client, clientConfig(plan.registry().url())))
                .build();
        Report report = Doctor.standard().preflight(context);
        for (Finding problem : report.problems()) {
            buildLog().warn("preflight " + problem.status().tag() + " " + problem.title() + " (" + problem.id() + ")");
        }
        if (report.failed()) {
            report.problems().stream().filter(f -> f.status() == Status.FAIL).findFirst().ifPresent(f ->
                    preflightCause = "preflight: " + f.title() + " (" + f.id() + "): " + f.cause());
            throw report.asPublishFailure("mvn npmreg:verify shows the full report; -D" + PropertyNames.PREFLIGHT
                    + "=false skips these checks");
        }
        getLog().info("Preflight passed (" + report.counts().get(Status.PASS) + " checks)");
    }

    private void report(PublishPlan plan, PublishOutcome outcome) {
        ReactorResults.record(session, project, PackageResult.of(plan.name().toString(), plan.version(), plan.tag(),
                plan.registry().url().toString(), outcome));
        String id = plan.name() + "@" + plan.version();
        switch (outcome.result()) {
            case PUBLISHED, ALREADY_PUBLISHED_BY_US -> {
                getLog().info("+ " + id + " (tag " + plan.tag() + ") to " + plan.registry().url());
                getLog().info("  tarball " + outcome.tarballUrl());
            }
            case SKIPPED_EXISTING -> getLog().info("= " + id + " is already in " + plan.registry().url()
                    + "; nothing published (" + PropertyNames.SKIP_EXISTING + ")");
            case DRY_RUN -> getLog().info("(dry run) " + id + " would be published to " + plan.registry().url()
                    + " with tag " + plan.tag() + "; nothing was sent");
        }
    }

    @Override
    protected void skipped(String property) {
        ReactorResults.PackageId id = ReactorResults.packageId(packageDir(), project.getArtifactId());
        ReactorResults.record(session, project, new PackageResult(id.name(), id.version(), tag, null, Outcome.SKIPPED,
                property));
    }

    @Override
    protected void failed(String cause) {
        if (!inWorkspaces) {
            super.failed(cause);
        }
    }

    @Override
    protected PackageResult failure(String cause) {
        if (plan == null) {
            return super.failure(cause);
        }
        return new PackageResult(plan.name().toString(), plan.version(), plan.tag(), plan.registry().url().toString(),
                Outcome.FAILED, preflightCause == null ? cause : buildLog().clean(preflightCause));
    }

    @Override
    protected String goalName() {
        return "npmreg:publish";
    }

    @Override
    protected boolean skipGoal() {
        return skipPublish;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.PUBLISH_SKIP;
    }
}
