package io.github.npmreg.doctor;

import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.npmrc.NpmrcFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A project on disk (package.json and .npmrc), read by {@link SetupReader} as the verify goal reads it. */
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

    /** Reads {@code dir} with an empty user .npmrc, so the developer's own config cannot change the result. */
    static DoctorContext.Builder read(Path dir, Map<String, String> env, ServerCredentials server) {
        return read(dir, env, server, b -> {});
    }

    /** As {@link #read(Path, Map, ServerCredentials)}, with the plugin parameters {@code choices} sets. */
    static DoctorContext.Builder read(Path dir, Map<String, String> env, ServerCredentials server,
            java.util.function.Consumer<io.github.npmreg.publish.PublishSettings.Builder> choices) {
        DoctorContext.SettingsServer facts = server == null ? null
                : new DoctorContext.SettingsServer(server.id(), true, null, server.username(), server.password() != null);
        io.github.npmreg.npmrc.NpmConfig config = NpmrcFiles.load(dir, env, dir.resolve("no-home"));
        return SetupReader.read(dir, manifest -> {
            io.github.npmreg.publish.PublishSettings.Builder b = io.github.npmreg.publish.PublishSettings.builder(dir,
                    dir.resolve("package.json"), manifest).server(server).npmConfig(config).env(env);
            choices.accept(b);
            return b.build();
        }, config, facts, env).network(Networks.direct());
    }
}
