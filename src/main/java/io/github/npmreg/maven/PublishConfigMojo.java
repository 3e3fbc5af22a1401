package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.publish.ManifestStaging;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Stages the effective package.json in {@code target/npmreg/}: the version set from {@code version} (a Maven SNAPSHOT
 * becomes a unique prerelease under the {@code snapshot} dist-tag) and {@code publishConfig} pointing at the publish
 * registry. {@code pack} then packs the staged file. With {@code updateSource} the source package.json gets the
 * same change, keeping its formatting.
 */
@Mojo(name = "publish-config", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class PublishConfigMojo extends AbstractRegistryMojo {
    /** Skips this goal. */
    @Parameter(property = PropertyNames.PUBLISH_CONFIG_SKIP, defaultValue = "false")
    private boolean skipPublishConfig;

    /** The version to publish, e.g. {@code ${project.version}}; empty keeps package.json's version. */
    @Parameter(property = PropertyNames.VERSION)
    private String version;

    /** Also write the version and publishConfig into the source package.json (keeping its formatting). */
    @Parameter(property = PropertyNames.UPDATE_SOURCE, defaultValue = "false")
    private boolean updateSource;

    @Inject
    public PublishConfigMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() {
        Path dir = packageDir();
        Path source = dir.resolve("package.json");
        if (!Files.isRegularFile(source)) {
            throw new NpmregException("There is no package.json in " + dir + ".",
                    "set <packageDirectory> (or -D" + PropertyNames.PACKAGE_DIRECTORY + ") to the folder that holds it.");
        }
        PublishSettings settings = publishSettings(source, ManifestReader.read(source), Optional.empty(), null, false,
                false);
        SelectedRegistry selected = PublishPlanner.registry(settings);
        Instant buildStart = session.getRequest().getStartTime() == null
                ? Instant.now()
                : session.getRequest().getStartTime().toInstant();
        ManifestStaging.Result staged = ManifestStaging.stage(new ManifestStaging.Request(source,
                workDir().resolve("package.json"), version, buildStart,
                PublishPlanner.isNpmDefault(selected) ? null : selected.url(), tag, access, updateSource));
        PackedPackage.rememberStagedManifest(project, staged.stagedManifest());
        getLog().info("Staged " + staged.stagedManifest() + ": version " + staged.version()
                + (staged.publishConfig().isEmpty() ? "" : ", publishConfig " + staged.publishConfig()));
        if (!PublishPlanner.isNpmDefault(selected)) {
            getLog().info("Publish registry " + selected.url() + " (" + selected.reason() + ")");
        }
        if (updateSource) {
            getLog().info("Updated " + source + " the same way (" + PropertyNames.UPDATE_SOURCE + ")");
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
