package io.github.npmreg.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.doctor.Doctor;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.Finding;
import io.github.npmreg.doctor.RegistryClientNetwork;
import io.github.npmreg.doctor.Report;
import io.github.npmreg.doctor.Status;
import io.github.npmreg.gitlab.BackgroundProcessing;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.publish.ManifestStaging;
import io.github.npmreg.publish.Publisher;
import io.github.npmreg.publish.Release;
import io.github.npmreg.publish.VersionOrigin;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.RegistryClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes the release with npm's registry protocol: the tarball from {@code pack} (staging and packing first when
 * they did not run), to the registry npm would choose, with credentials from settings.xml, .npmrc, the environment,
 * GitLab CI's job token or npm trusted publishing.
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

    /** Where the tarball is written when publish has to pack it itself. */
    @Parameter(property = "npmreg.tarballDirectory", defaultValue = "${project.build.directory}")
    private File tarballDirectory;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() {
        Path dir = packageDir();
        Release release = release(settings(server()).build());
        Map<String, String> env = environment();
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
            packed = PackedPackage.pack(project, dir, workDir(), tarballDirectory.toPath().toAbsolutePath(), buildLog());
        }
        ObjectNode packedManifest = ManifestReader.read(PackedPackage.manifestFile(project, dir));
        try (RegistryClient client = release.registry() == null ? null : publishClient(release)) {
            if (preflight) {
                preflight(client, packed, env);
            }
            release.requireValid();
            Publisher publisher = new Publisher(client, () -> new OidcExchange(client.http(), Clock.systemUTC(), buildLog()),
                    new BackgroundProcessing.Wait(Duration.ofSeconds(Math.max(0, gitlabProcessingTimeoutSeconds)),
                            Duration.ofSeconds(1)), Clock.systemUTC(), buildLog());
            PublishOutcome outcome = publisher.publish(release, dir, packedManifest, packed, env, otp, dryRun,
                    provenanceSettings(packedManifest, npmConfig(env)));
            report(release, outcome);
        }
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
    private void preflight(RegistryClient client, PackResult packed, Map<String, String> env) {
        DoctorContext.Builder builder = DoctorSetup.read(this, env).clock(Clock.systemUTC()).tarball(packed.tarball());
        if (!session.isOffline() && client != null && builder.registry() != null
                && !"(invalid)".equals(builder.registry().url())) {
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
            throw report.asPublishFailure("mvn npmreg:verify shows the full report; -D" + PropertyNames.PREFLIGHT
                    + "=false skips these checks");
        }
        getLog().info("Preflight passed (" + report.counts().get(Status.PASS) + " checks)");
    }

    private void report(Release release, PublishOutcome outcome) {
        String id = release.id();
        String to = release.registry().display();
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
