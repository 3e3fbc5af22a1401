package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npmrc.NpmConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a project the way {@code publish} does (package.json, the npm config layers, {@link PublishPlanner}:
 * registry and credentials) into a {@link DoctorContext.Builder}, keeping every read error as a fact for the
 * checks instead of stopping at the first one. The caller adds what only it knows: network, clock, tag, CI options.
 */
public final class SetupReader {
    private SetupReader() {}

    /**
     * @param packageDirectory  the folder with package.json
     * @param explicitRegistry  the plugin's registry parameter, or {@code null}
     * @param npmConfig         the npm config layers as {@link io.github.npmreg.npmrc.NpmrcFiles#load} stacks them
     * @param server            what settings.xml says about the configured server id, {@code null} when none is set
     * @param serverCredentials that server's decrypted username/password, {@code null} when absent or undecryptable
     * @param environment       the process environment
     */
    public static DoctorContext.Builder read(Path packageDirectory, String explicitRegistry, NpmConfig npmConfig,
            DoctorContext.SettingsServer server, ServerCredentials serverCredentials,
            Map<String, String> environment) {
        return read(packageDirectory, packageDirectory.resolve("package.json"), explicitRegistry, npmConfig, server,
                serverCredentials, environment);
    }

    /**
     * As {@link #read(Path, String, NpmConfig, DoctorContext.SettingsServer, ServerCredentials, Map)}, looking at
     * {@code packageJson}: the manifest that will be published, e.g. the one {@code publish-config} staged with the
     * build's version, which the checks must judge rather than the source file.
     */
    public static DoctorContext.Builder read(Path packageDirectory, Path packageJson, String explicitRegistry,
            NpmConfig npmConfig, DoctorContext.SettingsServer server, ServerCredentials serverCredentials,
            Map<String, String> environment) {
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
            return builder; // PackageCheck reports the name; without one there is no registry to choose
        }
        // The same plan publish makes (npm's precedence, GitLab CI's project registry and job token), so verify
        // and publish cannot disagree about where and as whom.
        PublishSettings settings = new PublishSettings(packageDirectory, packageJson, manifest, explicitRegistry,
                Optional.ofNullable(serverCredentials), npmConfig, environment, null, null, null, false, false, false,
                null, false);
        SelectedRegistry selected;
        try {
            selected = PublishPlanner.registry(settings);
        } catch (NpmregException e) {
            return builder.registry(explicitRegistry == null ? "(invalid)" : explicitRegistry, e.problem());
        }
        builder.registry(selected);
        try {
            builder.credentials(PublishPlanner.credentials(settings, selected.url()).credentials());
        } catch (NpmregException e) {
            // An unset ${VAR} or an empty settings.xml password: CredentialsCheck names it from the same facts.
            builder.credentials(Credentials.none());
        }
        return builder;
    }

}
