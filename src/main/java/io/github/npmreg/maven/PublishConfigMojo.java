package io.github.npmreg.maven;

import io.github.npmreg.publish.ManifestStaging;
import io.github.npmreg.publish.Release;
import io.github.npmreg.publish.ReleaseProblem;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Stages the effective package.json in {@code target/npmreg/}: the release's version (a Maven SNAPSHOT becomes a
 * unique prerelease under the {@code snapshot} dist-tag) and {@code publishConfig} pointing at the publish
 * registry. {@code pack} then packs the staged file. With {@code updateSource} the source package.json gets the
 * same change, keeping its formatting. A release that cannot be published where it points (a GitLab group- or
 * instance-level URL, a version that maps to no SemVer) is refused here, before anything is packed or installed.
 */
@Mojo(name = "publish-config", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class PublishConfigMojo extends AbstractRegistryMojo {
    /** What this goal refuses: a staged package.json must not point at a registry that cannot take the publish. */
    static final Set<ReleaseProblem.Kind> REFUSED = EnumSet.of(ReleaseProblem.Kind.VERSION_INVALID,
            ReleaseProblem.Kind.REGISTRY_URL_INVALID, ReleaseProblem.Kind.REGISTRY_URL_CREDENTIALS,
            ReleaseProblem.Kind.GITLAB_SHORTHAND_INVALID,
            ReleaseProblem.Kind.GITLAB_GROUP_ENDPOINT, ReleaseProblem.Kind.GITLAB_INSTANCE_ENDPOINT,
            ReleaseProblem.Kind.TAG_INVALID, ReleaseProblem.Kind.ACCESS_INVALID);

    /** Skips this goal. */
    @Parameter(property = PropertyNames.PUBLISH_CONFIG_SKIP, defaultValue = "false")
    private boolean skipPublishConfig;

    /** Also write the version and publishConfig into the source package.json (keeping its formatting). */
    @Parameter(property = PropertyNames.UPDATE_SOURCE, defaultValue = "false")
    private boolean updateSource;

    @Inject
    public PublishConfigMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() {
        // With the same server as publish, so the build plans (and logs) one release.
        Release release = release(settings(serverIfReadable("it sends nothing")).build());
        release.problems().stream().filter(p -> REFUSED.contains(p.kind())).findFirst().ifPresent(p -> {
            throw p.detail();
        });
        ManifestStaging.Result staged = ManifestStaging.stage(
                ManifestStaging.Request.of(release, workDir().resolve("package.json"), updateSource));
        PackedPackage.rememberStagedManifest(project, staged.stagedManifest());
        getLog().info("Staged " + staged.stagedManifest() + ": version " + staged.version()
                + (staged.publishConfig().isEmpty() ? "" : ", publishConfig " + staged.publishConfig()));
        if (updateSource) {
            getLog().info("Updated " + release.manifestFile() + " the same way (" + PropertyNames.UPDATE_SOURCE + ")");
        }
    }

    @Override
    protected String goalName() {
        return "npmreg:publish-config";
    }

    @Override
    protected boolean skipGoal() {
        return skipPublishConfig;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.PUBLISH_CONFIG_SKIP;
    }
}
