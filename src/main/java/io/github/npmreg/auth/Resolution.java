package io.github.npmreg.auth;

import java.util.List;
import java.util.Objects;

/**
 * Credentials, where they came from, and what the user should know about how they were found (for {@code verify}),
 * e.g. that an {@code .npmrc} token matched only through npm's request walk-up, so the real npm would refuse to
 * publish. Notes never contain secrets.
 */
public record Resolution(Credentials credentials, CredentialOrigin origin, List<String> notes) {
    public Resolution {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(origin, "origin");
        notes = List.copyOf(notes);
    }

    public static Resolution of(Credentials credentials, CredentialOrigin origin) {
        return new Resolution(credentials, origin, List.of());
    }

    public static Resolution none() {
        return of(Credentials.none(), CredentialOrigin.NONE);
    }
}
