package io.github.npmreg.maven;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.doctor.DoctorContext;
import io.github.npmreg.doctor.SetupReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.maven.settings.Server;

/**
 * Gathers what the doctor looks at from Maven: the settings.xml server facts (found? decrypts? which fields? which
 * ids exist, in which file?) without failing on them, since naming those problems is the doctor's job, and the
 * release the goal's own parameters make, planned the same way {@code publish} plans it.
 */
final class DoctorSetup {
    private DoctorSetup() {}

    static DoctorContext.Builder read(AbstractRegistryMojo mojo, Map<String, String> env) {
        Path dir = mojo.packageDir();
        return read(mojo, dir, dir, env,
                (manifest, server) -> mojo.settings(dir.resolve("package.json"), manifest, server).build());
    }

    /**
     * @param packageDir  the folder with the package.json to judge
     * @param npmrcDir    where npm reads the project .npmrc (a workspace's is its workspaces root's)
     * @param settingsFor the release settings for the parsed package.json and the decrypted server
     */
    static DoctorContext.Builder read(AbstractRegistryMojo mojo, Path packageDir, Path npmrcDir,
            Map<String, String> env,
            BiFunction<ObjectNode, Optional<ServerCredentials>, io.github.npmreg.publish.PublishSettings> settingsFor) {
        DoctorContext.SettingsServer serverFacts = null;
        ServerCredentials credentials = null;
        String id = mojo.serverId;
        SettingsServers servers = mojo.settingsServers();
        if (id != null && !id.isBlank()) {
            Server raw = mojo.session.getSettings() == null ? null : mojo.session.getSettings().getServer(id);
            if (raw == null) {
                serverFacts = new DoctorContext.SettingsServer(id, false, null, null, false, servers.ids(),
                        servers.files());
            } else {
                try {
                    Optional<ServerCredentials> found = servers.find(id);
                    credentials = found.orElse(null);
                    serverFacts = new DoctorContext.SettingsServer(id, true, null,
                            credentials == null ? null : credentials.username(),
                            credentials != null && credentials.password() != null && !credentials.password().isEmpty(),
                            servers.ids(), servers.files());
                } catch (io.github.npmreg.auth.SettingsPassword.Failure e) {
                    serverFacts = DoctorContext.SettingsServer.unusable(id, raw.getUsername(), servers.ids(),
                            servers.files(), e.unusable());
                } catch (NpmregException e) {
                    serverFacts = new DoctorContext.SettingsServer(id, true, e.problem(), raw.getUsername(),
                            raw.getPassword() != null && !raw.getPassword().isEmpty(), servers.ids(), servers.files());
                }
            }
        }
        if (credentials != null && credentials.password() != null) {
            mojo.buildLog().redact(java.util.List.of(credentials.password()));
        }
        Optional<ServerCredentials> server = Optional.ofNullable(credentials);
        io.github.npmreg.npmrc.NpmConfig npmConfig = mojo.npmConfig(npmrcDir, env);
        DoctorContext.Builder builder = SetupReader.read(packageDir, manifest -> settingsFor.apply(manifest, server),
                npmConfig, serverFacts, env);
        // Provenance is judged on the manifest that is published and the release's access.
        DoctorContext probe = builder.build();
        ObjectNode manifest = probe.manifest() instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        return builder.provenance(mojo.provenanceSetup(mojo.provenanceSettings(manifest, npmConfig),
                probe.release() == null ? null : probe.release().access()));
    }
}
