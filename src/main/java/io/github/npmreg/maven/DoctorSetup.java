package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.SetupReader;
import io.github.npmreg.npmrc.NpmrcFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;

/**
 * Gathers what the doctor looks at from Maven: the settings.xml server facts (found? decrypts? which fields?) without
 * failing on them, since naming those problems is the doctor's job.
 */
final class DoctorSetup {
    private DoctorSetup() {}

    static DoctorContext.Builder read(AbstractRegistryMojo mojo, Path packageDir, Map<String, String> env) {
        // The manifest publish will send: the staged one when publish-config ran in this build.
        return read(mojo, packageDir, PackedPackage.manifestFile(mojo.project, packageDir), packageDir, env);
    }

    /**
     * @param manifestFile the package.json that is published
     * @param npmrcDir     where npm reads the project .npmrc (a workspace's is its workspaces root's)
     */
    static DoctorContext.Builder read(AbstractRegistryMojo mojo, Path packageDir, Path manifestFile, Path npmrcDir,
            Map<String, String> env) {
        DoctorContext.SettingsServer serverFacts = null;
        ServerCredentials credentials = null;
        String id = mojo.serverId;
        if (id != null && !id.isBlank()) {
            Server raw = mojo.session.getSettings() == null ? null : mojo.session.getSettings().getServer(id);
            if (raw == null) {
                serverFacts = new DoctorContext.SettingsServer(id, false, null, null, false);
            } else {
                try {
                    Optional<ServerCredentials> found = mojo.server();
                    credentials = found.orElse(null);
                    serverFacts = new DoctorContext.SettingsServer(id, true, null,
                            credentials == null ? null : credentials.username(),
                            credentials != null && credentials.password() != null && !credentials.password().isEmpty());
                } catch (NpmregException e) {
                    serverFacts = new DoctorContext.SettingsServer(id, true, e.problem(), raw.getUsername(),
                            raw.getPassword() != null && !raw.getPassword().isEmpty());
                }
            }
        }
        if (credentials != null) {
            mojo.buildLog().redact(java.util.List.of(credentials.password() == null ? "" : credentials.password()));
        }
        return SetupReader.read(packageDir, manifestFile, mojo.explicitRegistry(),
                NpmrcFiles.load(npmrcDir, env, Path.of(System.getProperty("user.home"))), serverFacts, credentials, env);
    }
}
