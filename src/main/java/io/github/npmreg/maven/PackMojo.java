package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.publish.ManifestStaging;
import io.github.npmreg.publish.Release;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Packs the npm package exactly as {@code npm pack} does (same files, same tar bytes before compression). With
 * {@code <packaging>npm</packaging>} the tarball becomes the project's main artifact; with any other packaging it is
 * attached (type {@code tgz}, classifier {@code npm}).
 */
@Mojo(name = "pack", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackMojo extends AbstractRegistryMojo {
    /** Skips this goal. */
    @Parameter(property = PropertyNames.PACK_SKIP, defaultValue = "false")
    private boolean skipPack;

    /** Where the tarball is written. */
    @Parameter(property = "npmreg.tarballDirectory", defaultValue = "${project.build.directory}")
    private File tarballDirectory;

    /**
     * Attach the tarball to the Maven project, so install and deploy plugins see it. With the {@code npm} packaging
     * the tarball is the main artifact whatever this says.
     */
    @Parameter(property = "npmreg.attach", defaultValue = "true")
    private boolean attach;

    /** The classifier of the attached artifact (not used with the {@code npm} packaging). */
    @Parameter(property = "npmreg.classifier", defaultValue = "npm")
    private String classifier;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackMojo(MavenProjectHelper projectHelper, SettingsDecrypter decrypter) {
        super(decrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected void run() {
        Path dir = packageDir();
        if (!Files.isDirectory(dir)) {
            throw new NpmregException("The package directory " + dir + " does not exist.",
                    "set <packageDirectory> (or -D" + PropertyNames.PACKAGE_DIRECTORY
                            + ") to the folder that holds package.json.");
        }
        stageVersionWhenRunAlone(dir);
        PackResult result = PackedPackage.pack(project, dir, workDir(), tarballDirectory.toPath().toAbsolutePath(),
                npmVersion, buildLog());
        if (NpmPackaging.of(project)) {
            project.getArtifact().setFile(result.tarball().toFile());
            getLog().info("Main artifact of " + project.getArtifactId() + ": " + result.filename() + " (packaging npm,"
                    + " installed and deployed as " + project.getArtifactId() + "-" + project.getVersion() + ".tgz)");
            warnOnVersionMismatch(result.version());
        } else if (attach) {
            projectHelper.attachArtifact(project, "tgz", classifier, result.tarball().toFile());
            getLog().info("Attached " + result.filename() + " to " + project.getArtifactId() + " (type tgz, classifier "
                    + classifier + ")");
        }
    }

    /**
     * {@code mvn npmreg:pack} alone, with the version parameter set: stage package.json as publish-config would in
     * the lifecycle, so the tarball holds the configured version (and the publishConfig) exactly as
     * {@code mvn package} packs it. With the version from package.json nothing is staged: npm pack's own input.
     */
    private void stageVersionWhenRunAlone(Path dir) {
        if (version == null || version.isBlank()
                || !PackedPackage.manifestFile(project, dir).equals(dir.resolve("package.json"))) {
            return;
        }
        Release release = release(settings(serverIfReadable("it sends nothing")).build());
        release.problems().stream().filter(p -> PublishConfigMojo.REFUSED.contains(p.kind())).findFirst()
                .ifPresent(p -> {
                    throw p.detail();
                });
        ManifestStaging.Result staged = ManifestStaging.stage(
                ManifestStaging.Request.of(release, workDir().resolve("package.json"), false));
        PackedPackage.rememberStagedManifest(project, staged.stagedManifest());
        getLog().info("Staged " + staged.stagedManifest() + ": version " + staged.version()
                + (staged.publishConfig().isEmpty() ? "" : ", publishConfig " + staged.publishConfig())
                + " (npmreg:publish-config did not run in this build; the version parameter applies)");
    }

    /**
     * The Maven coordinates and the npm version tell different stories when they differ; a SNAPSHOT project publishes
     * {@code X-SNAPSHOT.<timestamp>}, which is still its own version.
     */
    private void warnOnVersionMismatch(String npmVersion) {
        String mavenVersion = project.getVersion();
        if (npmVersion.equals(mavenVersion) || npmVersion.startsWith(mavenVersion + ".")) {
            return;
        }
        boolean configured = version != null && !version.isBlank();
        buildLog().warn("The npm version " + npmVersion + " differs from the project version " + mavenVersion
                + ": the Maven artifact is " + project.getArtifactId() + "-" + mavenVersion + ".tgz while npm gets "
                + npmVersion + (configured
                        ? " (the plugin's version parameter). Set <version>${project.version}</version> to publish the"
                                + " POM's version."
                        : ". Set <version>${project.version}</version> in the plugin's configuration to publish"
                                + " the POM's version, or give package.json the same version."));
    }

    @Override
    protected String goalName() {
        return "npmreg:pack";
    }

    @Override
    protected boolean skipGoal() {
        return skipPack;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.PACK_SKIP;
    }
}
