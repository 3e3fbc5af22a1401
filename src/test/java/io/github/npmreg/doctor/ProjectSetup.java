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
        DoctorContext.SettingsServer facts = server == null ? null
                : new DoctorContext.SettingsServer(server.id(), true, null, server.username(), server.password() != null);
        return SetupReader.read(dir, null, NpmrcFiles.load(dir, env, dir.resolve("no-home")), facts,
                server, env).network(Networks.direct());
    }
}
