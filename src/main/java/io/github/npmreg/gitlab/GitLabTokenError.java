package io.github.npmreg.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;

/**
 * Why GitLab refused a token with 401, read once from its answer (lib/api/api_guard.rb: {@code invalid_token} with
 * "Token is expired…" or "Token was revoked…", in the JSON body and in {@code WWW-Authenticate}), so the doctor and
 * the messages decide on this value.
 */
public enum GitLabTokenError {
    EXPIRED,
    REVOKED,
    /** Unknown to GitLab, or a 401 without a reason. */
    UNKNOWN;


    /**
     * @param body            the 401 answer's body
     * @param wwwAuthenticate its {@code WWW-Authenticate} header, or {@code null}
     */
    public static GitLabTokenError of(String body, String wwwAuthenticate) {
        String description = "";
        try {
            JsonNode json = body == null || body.isBlank() ? null : io.github.npmreg.json.JsonTree.read(body);
            if (json != null && json.path("error").asText("").equals("invalid_token")) {
                description = json.path("error_description").asText("");
            }
        } catch (IOException e) {
            // not JSON: look at the header
        }
        if (description.isEmpty() && wwwAuthenticate != null && wwwAuthenticate.contains("invalid_token")) {
            description = wwwAuthenticate;
        }
        String d = description.toLowerCase(Locale.ROOT);
        if (d.contains("token is expired") || d.contains("token has expired")) {
            return EXPIRED;
        }
        if (d.contains("token was revoked") || d.contains("token has been revoked")) {
            return REVOKED;
        }
        return UNKNOWN;
    }
}
