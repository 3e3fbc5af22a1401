package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads a {@code <server>} from settings.xml and decrypts its password through Maven's own decrypter, so
 * {@code {...}} passwords and settings-security.xml work as for every other plugin (and Maven 4's already-decrypted
 * settings pass through unchanged).
 */
final class SettingsServers {
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SettingsServers(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The server named {@code serverId}, decrypted; empty when no id is configured. */
    Optional<ServerCredentials> find(String serverId) {
        if (serverId == null || serverId.isBlank()) {
            return Optional.empty();
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new NpmregException(
                    "serverId '" + serverId + "' is configured, but settings.xml has no <server> with that id"
                            + " (servers found: " + ids() + ").",
                    "add <server><id>" + serverId + "</id><password>TOKEN</password></server> to ~/.m2/settings.xml"
                            + " (or the file given with -s), or set serverId/-D" + PropertyNames.SERVER_ID
                            + " to one of the ids above.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        List<SettingsProblem> problems = result.getProblems().stream()
                .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR
                        || p.getSeverity() == SettingsProblem.Severity.FATAL)
                .collect(Collectors.toList());
        if (!problems.isEmpty()) {
            // A decryption message names the server, never the password.
            throw new NpmregException(
                    "The password of settings.xml server '" + serverId + "' could not be decrypted: "
                            + problems.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; ")),
                    "check ~/.m2/settings-security.xml (or -Dsettings.security=<file>) holds the master password the"
                            + " password was encrypted with, or re-encrypt it with mvn --encrypt-password.");
        }
        Server decrypted = result.getServer();
        return Optional.of(new ServerCredentials(serverId, decrypted.getUsername(), decrypted.getPassword()));
    }

    private String ids() {
        if (settings == null || settings.getServers().isEmpty()) {
            return "none";
        }
        return settings.getServers().stream().map(Server::getId).collect(Collectors.joining(", "));
    }
}
