package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import io.github.npmreg.publish.Release;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a project the way {@code publish} does (package.json, the npm config layers, the {@link Release} the
 * planner makes) into a {@link DoctorContext.Builder}, keeping every read error as a fact for the checks instead of
 * stopping at the first one. The caller adds what only it knows: network, clock, tarball.
 */
public final class SetupReader {
    private SetupReader() {}

    /**
     * @param packageDirectory the folder with package.json
     * @param settingsFor      the release settings for the parsed package.json (the goal's parameters around it)
     * @param npmConfig        the npm config layers as {@link io.github.npmreg.npmrc.NpmrcFiles#load} stacks them
     * @param server           what settings.xml says about the configured server id, {@code null} when none is set
     * @param environment      the process environment
     */
    public static DoctorContext.Builder read(Path packageDirectory, Function<ObjectNode, PublishSettings> settingsFor,
            NpmConfig npmConfig, DoctorContext.SettingsServer server, Map<String, String> environment) {
        Path packageJson = packageDirectory.resolve("package.json");
        DoctorContext.Builder builder = DoctorContext.builder().packageDirectory(packageDirectory)
                .environment(environment).npmConfig(npmConfig).server(server);
        ObjectNode manifest;
        try {
            manifest = ManifestReader.parse(packageJson);
            builder.manifest(manifest);
        } catch (NpmregException e) {
            return builder.manifestError(e.problem());
        }
        String name = DoctorContext.text(manifest, "name");
        if (name == null || !PackageName.violations(name).isEmpty()) {
            return builder; // PackageCheck reports the name; without one there is no release to plan
        }
        // The same release publish makes (version, npm's precedence, GitLab CI's project registry and job token),
        // so verify and publish cannot disagree about what, where and as whom.
        Release release = PublishPlanner.plan(settingsFor.apply(manifest));
        builder.release(release);
        if (release.registry() == null) {
            builder.noRegistry(release.problems().stream()
                    .filter(p -> p.kind() != io.github.npmreg.publish.ReleaseProblem.Kind.PACKAGE_PRIVATE)
                    .findFirst().map(p -> p.detail().problem()).orElse("no registry"));
        }
        return builder;
    }

    /**
     * The plain case the tests build: package.json, an explicit registry (or none), the .npmrc layers, a decrypted
     * settings.xml server and the environment, with the plugin's other parameters unset.
     */
    public static DoctorContext.Builder read(Path packageDirectory, String explicitRegistry, NpmConfig npmConfig,
            DoctorContext.SettingsServer server, ServerCredentials serverCredentials,
            Map<String, String> environment) {
        return read(packageDirectory, manifest -> PublishSettings.builder(packageDirectory,
                        packageDirectory.resolve("package.json"), manifest)
                .registry(explicitRegistry).server(serverCredentials).npmConfig(npmConfig).env(environment).build(),
                npmConfig, server, environment);
    }
}
