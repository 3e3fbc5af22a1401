package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
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
        if (skip || skipGoal()) {
            getLog().info("Skipping " + goalName() + " (" + (skip ? PropertyNames.SKIP : skipProperty()) + ")");
            return;
        }
        try {
            run();
        } catch (NpmregException e) {
            // The user's setup is wrong: the message names the file/field/server and the fix.
            throw new MojoFailureException(buildLog().clean(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(goalName() + " failed unexpectedly: " + buildLog().clean(String.valueOf(e)), e);
        }
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

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
