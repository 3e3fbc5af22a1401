package io.github.npmreg.maven;

import org.apache.maven.project.MavenProject;

/**
 * The {@code <packaging>npm</packaging>} this plugin contributes as a build extension (lifecycle mapping and artifact
 * handler in {@code META-INF/plexus/components.xml}): the tarball is the project's main artifact, installed and
 * deployed as {@code <artifactId>-<version>.tgz}.
 */
final class NpmPackaging {
    static final String ID = "npm";

    /** The property maven-deploy-plugin reads for its {@code skip} parameter. */
    static final String MAVEN_DEPLOY_SKIP = "maven.deploy.skip";

    private NpmPackaging() {}

    static boolean of(MavenProject project) {
        return ID.equals(project.getPackaging());
    }
}
