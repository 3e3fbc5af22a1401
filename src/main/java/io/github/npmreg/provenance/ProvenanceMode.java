package io.github.npmreg.provenance;

import io.github.npmreg.NpmregException;
import java.util.Locale;

/** The {@code provenance} setting: npm's {@code --provenance} left at its default, forced on, or off. */
public enum ProvenanceMode {
    /**
     * npm's default: provenance only under trusted publishing, when the NPM_ID_TOKEN says the project is public,
     * SIGSTORE_ID_TOKEN is set and the registry says the package is public ({@code lib/utils/oidc.js}).
     */
    AUTO,
    /** {@code --provenance}: sign, and fail when that is not possible. */
    TRUE,
    /** {@code --provenance=false}: never sign. */
    FALSE;

    /** Parses {@code auto}, {@code true} or {@code false} (any case); {@code null} or blank is {@link #AUTO}. */
    public static ProvenanceMode parse(String value, String property) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NpmregException(property + " is '" + value + "', which is not a provenance setting.",
                    "Use auto (the default: as npm under trusted publishing), true (always sign) or false.");
        }
    }
}
