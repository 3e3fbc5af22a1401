package io.github.npmreg.auth;

import java.util.Collection;
import java.util.regex.Pattern;

/** How secrets are shown when they must be mentioned at all: their length class and the last four characters. */
public final class Redaction {
    /** {@code scheme://user:password@} in any text: the password part, whatever it is, is never shown. */
    private static final Pattern URL_USER_INFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/?#@\\s:\"']*)(:[^/?#@\\s\"']*)?@");

    private Redaction() {}

    /**
     * Every URL's user-info shown as npm shows it: {@code http://user:secret@host/} as {@code http://user:***@host/}
     * (a user without password as {@code ***@}, since a token may stand there alone).
     */
    public static String maskUserInfo(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return URL_USER_INFO.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + (m.group(3) == null ? "***" : m.group(2) + ":***") + "@"));
    }

    /** {@code ****abcd} for a long secret, {@code ****} for a short one (showing 4 of 6 characters would leak it). */
    public static String hint(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(empty)";
        }
        return secret.length() >= 12 ? "****" + secret.substring(secret.length() - 4) : "****";
    }

    /** Replaces every occurrence of each secret in {@code text} by its hint, and masks URL user-info. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = maskUserInfo(text);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, hint(secret));
            }
        }
        return out;
    }
}
