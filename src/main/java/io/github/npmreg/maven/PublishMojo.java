package io.github.npmreg.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.doctor.Doctor;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.Finding;
import io.github.npmreg.doctor.RegistryClientNetwork;
import io.github.npmreg.doctor.Report;
import io.github.npmreg.doctor.Status;
import io.github.npmreg.gitlab.BackgroundProcessing;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.npm.packlist.Workspaces;
import io.github.npmreg.pack.NpmSelection;
import io.github.npmreg.pack.OwnOutputs;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.pack.TarballName;
import io.github.npmreg.publish.ManifestStaging;
import io.github.npmreg.publish.PublishSettings;
import io.github.npmreg.publish.Publisher;
import io.github.npmreg.publish.Release;
import io.github.npmreg.publish.VersionOrigin;
import io.github.npmreg.reactor.Outcome;
import io.github.npmreg.reactor.PackageResult;
import io.github.npmreg.reactor.Workspace;
import io.github.npmreg.reactor.WorkspaceOrder;
import io.github.npmreg.reactor.WorkspaceSet;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.RegistryClient;
import java.io.File;
import java.nio.file.Files;
import java.util.Optional;
import io.github.npmreg.auth.ServerCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes the release with npm's registry protocol: the tarball from {@code pack} (staging and packing first when
 * they did not run), to the registry npm would choose, with credentials from settings.xml, .npmrc, the environment,
 * GitLab CI's job token or npm trusted publishing. From an npm workspaces root it publishes the selected workspaces
 * as {@code npm publish --workspaces} does.
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

    /** Run verify's local and read-only checks before uploading, so a broken setup fails in seconds. */
    @Parameter(property = PropertyNames.PREFLIGHT, defaultValue = "true")
    private boolean preflight;

    /**
     * How long to wait, after the upload, for GitLab's background processing to list the version (GitLab 18.6+
     * processes npm uploads asynchronously); a version that fails or never shows is a failure.
     */
    @Parameter(property = PropertyNames.GITLAB_PROCESSING_TIMEOUT, defaultValue = "120")
    private int gitlabProcessingTimeoutSeconds;

    /**
     * With {@code <packaging>npm</packaging>}: also deploy the tarball (and the POM) to the Maven repository of
     * {@code distributionManagement}, by maven-deploy-plugin right after the npm publish. Off by default, so
     * {@code mvn deploy} needs no Maven repository. Other packagings run maven-deploy-plugin as usual.
     */
    @Parameter(property = PropertyNames.DEPLOY_TO_MAVEN_REPOSITORY, defaultValue = "false")
    private boolean deployToMavenRepository;


    /** Where the tarball is written when publish has to pack it itself. */
    @Parameter(property = "npmreg.tarballDirectory", defaultValue = "${project.build.directory}")
    private File tarballDirectory;

    /** Publishing workspaces: each one's row is recorded as it goes, so the goal's failure adds none. */
    private boolean inWorkspaces;

    /** The release this execution is publishing, for the summary row when it fails. */
    private Release current;

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
        Optional<ServerCredentials> server;
        try {
            server = server();
        } catch (NpmregException e) {
            // The summary row names the release that was not published (as planned without the server), not
            // package.json's own version.
            try {
                current = release(settings(Optional.empty()).build());
            } catch (RuntimeException unplannable) {
                current = null;
            }
            throw e;
        }
        Release release = release(settings(server).build());
        current = release;
        PackResult packed = PackedPackage.packedInThisBuild(project);
        if (packed == null) {
            if (release.version().origin() != VersionOrigin.PACKAGE_JSON
                    && PackedPackage.manifestFile(project, dir).equals(release.manifestFile())) {
                // The version comes from the POM: stage it as publish-config would, so the tarball holds it.
                release.requireValid();
                PackedPackage.rememberStagedManifest(project, ManifestStaging.stage(ManifestStaging.Request.of(
                        release, workDir().resolve("package.json"), false)).stagedManifest());
            }
            getLog().info("The package was not packed in this build; packing it first");
            packed = PackedPackage.pack(project, dir, workDir(), tarballDirectory.toPath().toAbsolutePath(),
                    npmVersion, buildLog());
        }
        ObjectNode packedManifest = ManifestReader.read(PackedPackage.manifestFile(project, dir));
        publish(release, dir, dir, packedManifest, packed,
                manifest -> settings(dir.resolve("package.json"), manifest, server()).build());
    }

    /**
     * The per-package pipeline: preflight, publish, summary row.
     *
     * @param npmrcDir    where npm reads the project .npmrc: the package's folder, or for a workspace its root
     * @param settingsFor the release settings the preflight plans from a package.json (as {@code release} was)
     */
    private void publish(Release release, Path dir, Path npmrcDir, ObjectNode packedManifest, PackResult packed,
            Function<ObjectNode, PublishSettings> settingsFor) {
        current = release;
        preflightCause = null;
        Map<String, String> env = environment();
        try (RegistryClient client = release.registry() == null ? null : publishClient(release)) {
            if (preflight) {
                preflight(client, packed, env, dir, npmrcDir, settingsFor);
            }
            release.requireValid();
            Publisher publisher = new Publisher(client, () -> new OidcExchange(client.http(), Clock.systemUTC(), buildLog()),
                    new BackgroundProcessing.Wait(Duration.ofSeconds(Math.max(0, gitlabProcessingTimeoutSeconds)),
                            Duration.ofSeconds(1)), Clock.systemUTC(), buildLog());
            PublishOutcome outcome = publisher.publish(release, dir, packedManifest, packed, env, otp, dryRun,
                    provenanceSettings(packedManifest, npmConfig(npmrcDir, env)));
            report(release, outcome);
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
            if (ws.isPrivate()) {
                // npm 11: "Skipping workspace <name>, marked as private" (a warning, not a failure).
                buildLog().warn("Skipping workspace " + ws.name() + ", marked as private");
                ReactorResults.record(session, project, new PackageResult(ws.name(), version, null, null,
                        Outcome.SKIPPED, "\"private\": true"));
                continue;
            }
            if (failure != null) {
                ReactorResults.record(session, project, new PackageResult(ws.name(), version, null, null,
                        Outcome.SKIPPED, "not published: " + failedName + " failed before it"));
                continue;
            }
            getLog().info("");
            getLog().info("Workspace " + ws.name() + (ws.isRoot() ? " (the workspaces root)" : " in " + ws.relativePath()));
            current = null;
            try {
                publishWorkspace(root, ws, workspaceDirs);
            } catch (RuntimeException e) {
                failure = e;
                failedName = ws.name();
                String cause = e instanceof NpmregException n ? n.problem() : String.valueOf(e);
                PackageResult row = failure(buildLog().clean(cause));
                ReactorResults.record(session, project, current != null ? row
                        : new PackageResult(ws.name(), version, null, null, Outcome.FAILED, row.detail()));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void publishWorkspace(Path root, Workspace ws, List<Path> workspaceDirs) {
        Path dir = ws.directory();
        Path manifestFile;
        Path work;
        List<Path> exclude = new ArrayList<>();
        Release release;
        Function<ObjectNode, PublishSettings> settingsFor;
        if (ws.isRoot()) {
            // The root as publish-config staged it; npm leaves the workspace folders out of the root's tarball.
            manifestFile = PackedPackage.manifestFile(project, root);
            work = workDir();
            exclude.addAll(workspaceDirs);
            settingsFor = manifest -> settings(root.resolve("package.json"), manifest, server()).build();
            release = release(settings(server()).build());
        } else {
            manifestFile = dir.resolve("package.json");
            work = workDir().resolve("workspaces").resolve(ws.relativePath().replace('/', '-'));
            settingsFor = manifest -> settings(dir, root, manifestFile, manifest, server()).build();
            release = release(settingsFor.apply(ManifestReader.read(manifestFile)));
        }
        current = release;
        release.requireValid();
        ObjectNode manifest = ManifestReader.read(manifestFile);
        Path tarball = work.resolve(TarballName.of(manifest.path("name").asText(), manifest.path("version").asText()));
        exclude.add(workDir());
        exclude.add(tarball);
        Packer packer = new Packer(OwnOutputs.excluding(exclude, PackedPackage.buildDirectory(project)),
                Runtime.getRuntime().availableProcessors());
        // a workspace that names no npm packs as the workspaces root's npm, like one npm run over all of them
        NpmSelection npm = NpmSelection.choose(npmVersion, manifest, manifestFile)
                .orElse(NpmSelection.choose(npmVersion, ManifestReader.read(root.resolve("package.json")),
                        root.resolve("package.json")));
        PackResult packed = packer.pack(new PackRequest(dir, manifestFile, manifest, work, work.resolve("pack.json"),
                npm));
        PackedPackage.logPack(packed, buildLog());
        publish(release, dir, root, manifest, packed, settingsFor);
    }

    /** The build's client; for GitLab the visibility wait is {@link BackgroundProcessing}'s, which knows failures. */
    private RegistryClient publishClient(Release release) {
        io.github.npmreg.registry.RegistryClientConfig config = clientConfig(release.registry().url());
        if (release.registry().gitlab().level() == io.github.npmreg.gitlab.GitLabEndpoints.Level.PROJECT) {
            config = config.withVisibilityPoll(Duration.ZERO, Duration.ofSeconds(1));
        }
        return new RegistryClient(config);
    }

    /** The doctor's checks that need no write; a failure stops the build with the same finding verify shows. */
    private void preflight(RegistryClient client, PackResult packed, Map<String, String> env, Path dir, Path npmrcDir,
            Function<ObjectNode, PublishSettings> settingsFor) {
        DoctorContext.Builder builder = DoctorSetup.read(this, dir, npmrcDir, env,
                        (manifest, server) -> settingsFor.apply(manifest))
                .clock(Clock.systemUTC()).tarball(packed.tarball());
        if (!session.isOffline() && client != null && builder.registry() != null
                && builder.registry().chosen()) {
            builder.network(new RegistryClientNetwork(client, clientConfig(java.net.URI.create(builder.registry().url()))));
        }
        Report report = Doctor.standard().preflight(builder.build());
        for (Finding problem : report.problems()) {
            if (problem.status() == Status.WARN) {
                buildLog().warn("preflight [WARN] " + problem.title() + " (" + problem.id() + "): " + problem.evidence()
                        + (problem.fix() == null ? "" : "\n  Fix: " + problem.fix()));
            }
        }
        if (report.failed()) {
            report.problems().stream().filter(f -> f.status() == Status.FAIL).findFirst().ifPresent(f ->
                    preflightCause = "preflight: " + f.title() + " (" + f.id() + "): " + f.cause());
            throw report.asPublishFailure("mvn npmreg:verify shows the full report; -D" + PropertyNames.PREFLIGHT
                    + "=false skips these checks");
        }
        getLog().info("Preflight passed (" + report.counts().get(Status.PASS) + " checks)");
    }

    private void report(Release release, PublishOutcome outcome) {
        String id = release.id();
        String to = release.registry().display();
        ReactorResults.record(session, project, PackageResult.of(release.name().toString(),
                release.version().published(), release.tag().name(), to, outcome));
        switch (outcome.result()) {
            case PUBLISHED, ALREADY_PUBLISHED_BY_US -> {
                getLog().info("+ " + id + " (tag " + release.tag().name() + ") to " + to);
                getLog().info("  tarball " + outcome.tarballUrl());
            }
            case SKIPPED_EXISTING -> getLog().info("= " + id + " is already in " + to + "; nothing published ("
                    + PropertyNames.SKIP_EXISTING + ")");
            case DRY_RUN -> getLog().info("(dry run) " + id + " would be published to " + to + " with tag "
                    + release.tag().name() + "; nothing was sent");
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
        if (current == null) {
            return super.failure(cause);
        }
        return new PackageResult(current.name().toString(), current.version().published(), current.tag().name(),
                current.registry() == null ? null : current.registry().display(), Outcome.FAILED,
                preflightCause == null ? cause : buildLog().clean(preflightCause));
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
