package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.reactor.Outcome;
import io.github.npmreg.reactor.PackageResult;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the package directory, the working directory under {@code target/npmreg}, the skip
 * switches, and the mapping of core errors to Maven's two failure kinds.
 */
abstract class AbstractNpmregMojo extends AbstractMojo {
    /** Where {@code package.json} lives. */
    @Parameter(property = PropertyNames.PACKAGE_DIRECTORY, defaultValue = "${project.basedir}")
    protected File packageDirectory;

    /** Working directory for the staged manifest, the pack report and other files the goals hand on. */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/npmreg")
    protected File outputDirectory;

    /**
     * The npm whose pack rules the tarball follows: {@code 11}, {@code 12} or a full npm version such as
     * {@code 12.2.2}. Unset, package.json decides ({@code devEngines.packageManager}, then {@code packageManager}),
     * else npm 12. pack, publish (workspaces included) and verify use the same choice.
     */
    @Parameter(property = PropertyNames.NPM_VERSION)
    protected String npmVersion;

    /** Skips every npmreg goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    private MavenBuildLog buildLog;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (inSummary()) {
            ReactorResults.registerListener(session);
        }
        beforeSkipCheck();
        if (skip || skipGoal()) {
            String property = skip ? PropertyNames.SKIP : skipProperty();
            getLog().info("Skipping " + goalName() + " (" + property + ")");
            skipped(property);
            return;
        }
        try {
            run();
        } catch (NpmregException e) {
            // The user's setup is wrong: the message names the file/field/server and the fix.
            failed(buildLog().clean(e.problem()));
            throw new MojoFailureException(buildLog().clean(e.getMessage()), e);
        } catch (MojoFailureException | MojoExecutionException e) {
            failed(buildLog().clean(String.valueOf(e.getMessage())));
            throw e;
        } catch (RuntimeException e) {
            failed(buildLog().clean(String.valueOf(e)));
            throw new MojoExecutionException(goalName() + " failed unexpectedly: " + buildLog().clean(String.valueOf(e)), e);
        }
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** What a goal does even when it is skipped (e.g. settings for the plugins that run after it). */
    protected void beforeSkipCheck() {}

    /**
     * Whether this goal's failures (and the publishing goals' results) belong in the package summary at the end of
     * the build. The troubleshooter reports its own findings.
     */
    protected boolean inSummary() {
        return true;
    }

    /** Called when the goal is skipped by {@code property}; the publishing goals record it for the summary. */
    protected void skipped(String property) {}

    /** Records a failure of this goal for the package summary; {@code cause} is one cleaned line. */
    protected void failed(String cause) {
        if (!inSummary()) {
            return;
        }
        try {
            ReactorResults.record(session, project, failure(cause));
        } catch (RuntimeException e) {
            getLog().debug("Could not record the failure for the summary: " + e);
        }
    }

    /** The summary row of a failure; the publishing goal adds what it had decided (tag, registry). */
    protected PackageResult failure(String cause) {
        ReactorResults.PackageId id = ReactorResults.packageId(packageDir(), project.getArtifactId());
        return new PackageResult(id.name(), id.version(), null, null, Outcome.FAILED, goalName() + ": " + cause);
    }

    protected abstract String goalName();

    /** The goal's own skip switch. */
    protected abstract boolean skipGoal();

    protected abstract String skipProperty();

    protected MavenBuildLog buildLog() {
        if (buildLog == null) {
            buildLog = new MavenBuildLog(getLog());
            // CI ID tokens are secrets wherever they might be echoed (a server's error text, -X output).
            java.util.List<String> idTokens = new java.util.ArrayList<>();
            for (String name : java.util.List.of("NPM_ID_TOKEN", "SIGSTORE_ID_TOKEN")) {
                String value = environment().get(name);
                if (value != null && !value.isBlank()) {
                    idTokens.add(value.strip());
                }
            }
            buildLog.redact(idTokens);
        }
        return buildLog;
    }

    protected Path packageDir() {
        return packageDirectory.toPath().toAbsolutePath().normalize();
    }

    protected Path workDir() {
        return outputDirectory.toPath().toAbsolutePath().normalize();
    }

    /** The process environment; the core takes it as a map so tests can pass their own. */
    protected Map<String, String> environment() {
        return System.getenv();
    }
}
