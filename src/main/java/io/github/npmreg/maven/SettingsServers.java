package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.auth.SettingsPassword;
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
 * settings pass through unchanged). Messages name the settings files Maven actually read ({@code -s} included) and
 * the server ids they hold.
 */
final class SettingsServers {
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final List<String> files;

    SettingsServers(Settings settings, SettingsDecrypter decrypter, List<String> files) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.files = List.copyOf(files);
    }

    /** The settings files, for messages: {@code /home/me/.m2/settings.xml} or the {@code -s} file. */
    String files() {
        return files.isEmpty() ? "settings.xml" : String.join(" and ", files);
    }

    /** The user settings file (where a new server belongs), for fixes. */
    String userFile() {
        return files.isEmpty() ? "~/.m2/settings.xml" : files.get(0).replace(" (does not exist)", "");
    }

    /** The ids of every server in the settings, in order. */
    List<String> ids() {
        return settings == null ? List.of() : settings.getServers().stream().map(Server::getId).toList();
    }

    boolean exists(String serverId) {
        return settings != null && settings.getServer(serverId) != null;
    }

    /** The server named {@code serverId}, decrypted; empty when no id is configured. */
    Optional<ServerCredentials> find(String serverId) {
        if (serverId == null || serverId.isBlank()) {
            return Optional.empty();
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new Missing(missing(serverId), missingFix(serverId));
        }
        java.util.Optional<String> variable = SettingsPassword.unresolvedVariable(server.getPassword());
        if (variable.isPresent()) {
            throw SettingsPassword.variableUnset(serverId, files(), variable.get()).toException();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        List<SettingsProblem> problems = result.getProblems().stream()
                .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR
                        || p.getSeverity() == SettingsProblem.Severity.FATAL)
                .collect(Collectors.toList());
        if (!problems.isEmpty()) {
            // A decryption message names the server, never the password.
            java.nio.file.Path security = securityFile();
            throw SettingsPassword.undecryptable(serverId, files(), java.nio.file.Files.exists(security),
                    security.toString(),
                    problems.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))).toException();
        }
        Server decrypted = result.getServer();
        return Optional.of(new ServerCredentials(serverId, decrypted.getUsername(), decrypted.getPassword(),
                userFile()));
    }

    /** Where Maven 3 reads the master password: -Dsettings.security, else ~/.m2/settings-security.xml. */
    private static java.nio.file.Path securityFile() {
        String configured = System.getProperty("settings.security");
        return configured != null && !configured.isBlank() ? java.nio.file.Path.of(configured)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".m2", "settings-security.xml");
    }

    String missing(String serverId) {
        List<String> ids = ids();
        return "serverId '" + serverId + "' is configured, but " + files() + (files.size() > 1 ? " have" : " has")
                + " no <server> with that id (servers"
                + " found: " + (ids.isEmpty() ? "none" : String.join(", ", ids)) + "); nothing was sent.";
    }

    String missingFix(String serverId) {
        return "add <server><id>" + serverId + "</id><password>TOKEN</password></server> to " + userFile()
                + (ids().isEmpty() ? "" : ", or set <serverId> in the plugin's configuration in pom.xml (-D"
                        + PropertyNames.SERVER_ID + " when the POM sets none) to one of " + String.join(", ", ids()))
                + ".";
    }

    /** The configured server id names no {@code <server>} in the settings. */
    static final class Missing extends NpmregException {
        Missing(String problem, String fix) {
            super(problem, fix);
        }
    }
}
