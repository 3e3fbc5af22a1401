package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.pack.PackResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packs the npm package exactly as {@code npm pack} does (same files, same tar bytes before compression) and attaches
 * the tarball to the project (type {@code tgz}, classifier {@code npm}).
 */
@Mojo(name = "pack", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackMojo extends AbstractNpmregMojo {
    /** Skips this goal. */
    @Parameter(property = PropertyNames.PACK_SKIP, defaultValue = "false")
    private boolean skipPack;

    /** Where the tarball is written. */
    @Parameter(property = "npmreg.tarballDirectory", defaultValue = "${project.build.directory}")
    private File tarballDirectory;

    /** Attach the tarball to the Maven project, so install and deploy plugins see it. */
    @Parameter(property = "npmreg.attach", defaultValue = "true")
    private boolean attach;

    /** The classifier of the attached artifact. */
    @Parameter(property = "npmreg.classifier", defaultValue = "npm")
    private String classifier;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackMojo(MavenProjectHelper projectHelper) {
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
        PackResult result = PackedPackage.pack(project, dir, workDir(), tarballDirectory.toPath().toAbsolutePath(), buildLog());
        if (attach) {
            projectHelper.attachArtifact(project, "tgz", classifier, result.tarball().toFile());
            getLog().info("Attached " + result.filename() + " to " + project.getArtifactId() + " (type tgz, classifier "
                    + classifier + ")");
        }
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
