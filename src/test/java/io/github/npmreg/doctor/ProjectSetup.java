package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.CredentialResolver;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.RegistrySelection;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project on disk (package.json and .npmrc) turned into a {@link DoctorContext} with the other core classes, the
 * way the verify mojo gathers it: so a broken setup is built as files, exactly as a user has it.
 */
final class ProjectSetup {
    private ProjectSetup() {}

    static void write(Path dir, String packageJson, String npmrc) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("package.json"), packageJson);
            if (npmrc != null) {
                Files.writeString(dir.resolve(".npmrc"), npmrc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DoctorContext.Builder read(Path dir, Map<String, String> env, ServerCredentials server) {
        DoctorContext.Builder builder = DoctorContext.builder().packageDirectory(dir).environment(env)
                .network(Networks.direct());
        Path packageJson = dir.resolve("package.json");
        ObjectNode manifest = null;
        try {
            manifest = ManifestReader.parse(packageJson);
            builder.manifest(manifest);
        } catch (NpmregException e) {
            builder.manifestError(e.problem());
        }
        Npmrc npmrc = Npmrc.read(dir.resolve(".npmrc"), env);
        NpmConfig config = NpmConfig.of(npmrc);
        builder.npmConfig(config);
        if (server != null) {
            builder.server(new DoctorContext.SettingsServer(server.id(), true, null, server.username(),
                    server.password() != null));
        }
        String name = manifest == null ? null : DoctorContext.text(manifest, "name");
        if (name == null || !PackageName.violations(name).isEmpty()) {
            return builder;
        }
        SelectedRegistry selected = RegistrySelection.select(null, new PackageName(name), manifest, packageJson, config);
        builder.registry(selected);
        Credentials credentials;
        try {
            credentials = CredentialResolver.resolve(selected.url(), Optional.ofNullable(server), List.of(npmrc), env);
        } catch (NpmregException e) {
            credentials = Credentials.none();
        }
        return builder.credentials(credentials);
    }
}
