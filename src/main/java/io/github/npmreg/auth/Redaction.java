package io.github.npmreg.auth;

import java.util.Collection;

/** How secrets are shown when they must be mentioned at all: their length class and the last four characters. */
public final class Redaction {
    private Redaction() {}

    /** {@code ****abcd} for a long secret, {@code ****} for a short one (showing 4 of 6 characters would leak it). */
    public static String hint(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(empty)";
        }
        return secret.length() >= 12 ? "****" + secret.substring(secret.length() - 4) : "****";
    }

    /** Replaces every occurrence of each secret in {@code text} by its hint. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, hint(secret));
            }
        }
        return out;
    }
}
