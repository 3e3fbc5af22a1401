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

    /**
     * Replaces every occurrence of each secret in {@code text} by its hint, and masks URL user-info. Each secret is
     * also looked for in the forms a server or a file may echo it in: base64 (npm's {@code _password} and Basic
     * values), URL-encoded and JSON-escaped.
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = maskUserInfo(text);
        java.util.List<String> forms = new java.util.ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                forms.addAll(forms(secret));
            }
        }
        // Longest first, so a secret inside another (a token inside its Authorization value) leaves no tail.
        forms.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String form : forms) {
            if (out.contains(form)) {
                out = out.replace(form, hint(form));
            }
        }
        return out;
    }

    /**
     * The secrets an {@code Authorization} header value carries: the whole value, its credential part, and for
     * Basic the decoded {@code user:password} and the password.
     */
    public static java.util.List<String> secretsOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(authorization));
        int space = authorization.indexOf(' ');
        String credential = space < 0 ? authorization : authorization.substring(space + 1).strip();
        out.add(credential);
        if (authorization.regionMatches(true, 0, "basic ", 0, 6)) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(credential),
                        java.nio.charset.StandardCharsets.UTF_8);
                out.add(decoded);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    out.add(decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException notBase64) {
                // only the raw forms then
            }
        }
        return out;
    }

    private static java.util.List<String> forms(String secret) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.add(secret);
        byte[] bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String base64 = java.util.Base64.getEncoder().encodeToString(bytes);
        out.add(base64);
        out.add(base64.replaceAll("=+$", ""));
        out.add(java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8));
        out.add(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        out.removeIf(f -> f.length() < 4);
        return new java.util.ArrayList<>(out);
    }
}
