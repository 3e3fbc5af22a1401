package io.github.npmreg.auth;

/**
 * A {@code <server>} from Maven's settings.xml, already decrypted by the Maven adapter. The core never sees
 * Maven's types; {@link #toString()} hides the password.
 *
 * @param id       the server id, as referenced by the plugin's {@code serverId}
 * @param username may be {@code null} or empty: a password alone is a token
 * @param password the token or password; {@code null} or empty is a configuration error
 */
public record ServerCredentials(String id, String username, String password) {
    @Override
    public String toString() {
        return "server '" + id + "' (username " + (username == null || username.isEmpty() ? "none" : "'" + username + "'")
                + ", password " + Redaction.hint(password) + ")";
    }
}
