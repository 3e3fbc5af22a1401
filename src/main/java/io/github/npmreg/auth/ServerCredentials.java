package io.github.npmreg.auth;

/**
 * A {@code <server>} from Maven's settings.xml, already decrypted by the Maven adapter. The core never sees
 * Maven's types; {@link #toString()} hides the password.
 *
 * @param id       the server id, as referenced by the plugin's {@code serverId}
 * @param username may be {@code null} or empty: a password alone is a token
 * @param password the token or password; {@code null} or empty is a configuration error
 * @param settingsFile the settings.xml Maven read it from (the {@code -s} file when given), for messages
 */
public record ServerCredentials(String id, String username, String password, String settingsFile) {
    /** A server whose settings file is not known: messages then say "settings.xml". */
    public ServerCredentials(String id, String username, String password) {
        this(id, username, password, "settings.xml");
    }

    @Override
    public String toString() {
        return "server '" + id + "' (username " + (username == null || username.isEmpty() ? "none" : "'" + username + "'")
                + ", password " + Redaction.hint(password) + ")";
    }
}
