package io.github.npmreg.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;

/**
 * An answer that is not an npm registry's: an HTML page (a proxy's login page, a web UI behind a wrong URL), plain
 * text, or JSON cut off or followed by more. Publish, the preflight and verify name it the same way: the content type,
 * the first bytes shown safely, and the likely causes, instead of reading it as a registry's verdict.
 */
public final class NonRegistryAnswer {
    private static final int SHOWN = 80;

    /** The causes seen in practice, for the fix. */
    public static final String LIKELY_CAUSES = "check the registry URL: a wrong URL (a web page instead of the"
            + " registry API), a proxy or login page in between (the proxy in settings.xml, a VPN or SSO portal), or a"
            + " missing path prefix (GitLab: https://<host>/api/v4/projects/<id>/packages/npm/, Artifactory:"
            + " /artifactory/api/npm/<repo>/)";

    private NonRegistryAnswer() {}

    /** Whether {@code body} is one complete JSON object and nothing else, as a registry answers. */
    public static boolean isJsonObject(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try (JsonParser p = io.github.npmreg.json.JsonTree.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** An HTML page: by its content type or its first character. */
    public static boolean isHtml(String contentType, String body) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html")
                || body != null && body.strip().startsWith("<");
    }

    /** {@code content-type text/html, 1234 bytes starting "<!DOCTYPE html>…"}, control characters escaped. */
    public static String evidence(String contentType, String body) {
        String text = body == null ? "" : body;
        StringBuilder shown = new StringBuilder();
        text.strip().codePoints().limit(SHOWN).forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                shown.append(' ');
            } else if (Character.isISOControl(c) || c == 0xFFFD) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return "content-type " + (contentType == null || contentType.isBlank() ? "none" : contentType) + ", "
                + text.length() + " characters" + (text.isBlank() ? "" : " starting \"" + shown
                + (text.strip().codePointCount(0, text.strip().length()) > SHOWN ? "…" : "") + "\"");
    }

    /** What {@code method url} got instead of a registry answer. */
    public static String problem(String method, URI url, int status, String contentType, String body) {
        String kind = body != null && body.strip().startsWith("{") ? "JSON that is cut off or followed by more"
                : contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html")
                        || body != null && body.strip().startsWith("<") ? "an HTML page" : "not JSON";
        return method + " " + url + " answered " + status + " with " + kind + ", which is not an npm registry"
                + " answer (" + evidence(contentType, body) + ")";
    }
}
