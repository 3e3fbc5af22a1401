package io.github.npmreg.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * What authenticates requests to one registry, and where it came from. {@code toString()} never shows the secret:
 * only the kind, the source and, for a token, at most its last four characters (a password shows none: unlike a
 * token's random tail, the end of a password a person chose narrows it down).
 */
public sealed interface Credentials {

    /** Where the credentials were found, for the log: e.g. {@code settings.xml server 'gitlab'}. */
    String source();

    /** The value of the {@code Authorization} header, or {@code null} when nothing is sent. */
    String authorizationHeader();

    /** Every secret string in here, so loggers can redact them. */
    java.util.List<String> secrets();

    static Credentials none() {
        return None.INSTANCE;
    }

    /** A token sent as {@code Authorization: Bearer <token>} (npm's {@code _authToken}). */
    record Token(String token, String source) implements Credentials {
        public Token {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String authorizationHeader() {
            return "Bearer " + token;
        }

        @Override
        public java.util.List<String> secrets() {
            return java.util.List.of(token);
        }

        @Override
        public String toString() {
            return "token " + Redaction.hint(token) + " from " + source;
        }
    }

    /** Basic authentication (npm's {@code username} + {@code _password}, or {@code _auth}). */
    record Basic(String username, String password, String source) implements Credentials {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String authorizationHeader() {
            return "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public java.util.List<String> secrets() {
            return java.util.List.of(password, authorizationHeader().substring("Basic ".length()));
        }

        @Override
        public String toString() {
            return "username '" + username + "' and a password (hidden) from " + source;
        }
    }

    /** No credentials: requests go out anonymous. */
    final class None implements Credentials {
        private static final None INSTANCE = new None();

        private None() {}

        @Override
        public String source() {
            return "nowhere (no credentials found)";
        }

        @Override
        public String authorizationHeader() {
            return null;
        }

        @Override
        public java.util.List<String> secrets() {
            return java.util.List.of();
        }

        @Override
        public String toString() {
            return "no credentials";
        }
    }
}
