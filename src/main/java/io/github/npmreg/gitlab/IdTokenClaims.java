package io.github.npmreg.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a GitLab CI ID token ({@code id_tokens:} in .gitlab-ci.yml), as npm's trusted publishing compares
 * them (gitlab-npm-registry.md §5, §7). The payload is only base64url-decoded, never verified: this is for explaining
 * a failed exchange, and the registry is the one that verifies.
 *
 * @param issuer           {@code iss}, the GitLab instance URL
 * @param subject          {@code sub}, {@code project_path:{group}/{project}:ref_type:{type}:ref:{ref}}
 * @param audience         {@code aud}, a string or an array in JWTs; always a list here
 * @param expiresAt        {@code exp}, or {@code null}
 * @param namespacePath    {@code namespace_path}: the full group path, subgroups included ({@code group/sub})
 * @param projectPath      {@code project_path}: {@code group/sub/proj}
 * @param ciConfigRefUri   {@code ci_config_ref_uri}: {@code gitlab.com/group/sub/proj//.gitlab-ci.yml@refs/heads/main}
 * @param environment      {@code environment}, or {@code null} when the job has none
 * @param projectVisibility {@code project_visibility} ({@code public} enables automatic provenance)
 * @param runnerEnvironment {@code runner_environment}: {@code gitlab-hosted} or {@code self-hosted}
 * @param ref              {@code ref}, the branch or tag name
 */
public record IdTokenClaims(String issuer, String subject, List<String> audience, Instant expiresAt,
        String namespacePath, String projectPath, String ciConfigRefUri, String environment,
        String projectVisibility, String runnerEnvironment, String ref) {


    public IdTokenClaims {
        audience = List.copyOf(audience);
    }

    /**
     * Decodes the payload of {@code jwt} ({@code header.payload.signature}). Throws an {@link NpmregException} that
     * never contains the token when it is not a JWT with a JSON object payload.
     */
    public static IdTokenClaims decode(String jwt) {
        return decode(jwt, "NPM_ID_TOKEN", "id_tokens: { NPM_ID_TOKEN: { aud: \"npm:registry.npmjs.org\" } }");
    }

    /**
     * {@link #decode(String)} for the token in {@code variable}; a malformed one is explained with that name and
     * the {@code declaration} to put in .gitlab-ci.yml.
     */
    public static IdTokenClaims decode(String jwt, String variable, String declaration) {
        String[] parts = jwt == null ? new String[0] : jwt.strip().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw malformed(variable, declaration, "it does not have the three dot-separated parts of a JWT (found " + parts.length + ")");
        }
        JsonNode payload;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
            payload = io.github.npmreg.json.JsonTree.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw malformed(variable, declaration, "its payload is not base64url-encoded JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw malformed(variable, declaration, "its payload is not a JSON object");
        }
        List<String> audience = new ArrayList<>();
        JsonNode aud = payload.get("aud");
        if (aud != null && aud.isArray()) {
            aud.forEach(a -> audience.add(a.asText()));
        } else if (aud != null && !aud.isNull()) {
            audience.add(aud.asText());
        }
        JsonNode exp = payload.get("exp");
        Instant expiresAt = exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        return new IdTokenClaims(text(payload, "iss"), text(payload, "sub"), audience, expiresAt,
                text(payload, "namespace_path"), text(payload, "project_path"), text(payload, "ci_config_ref_uri"),
                text(payload, "environment"), text(payload, "project_visibility"),
                text(payload, "runner_environment"), text(payload, "ref"));
    }

    /**
     * The top-level CI file path npm compares, from {@code ci_config_ref_uri}: the part between {@code //} and
     * {@code @}, e.g. {@code .gitlab-ci.yml} from {@code gitlab.com/g/p//.gitlab-ci.yml@refs/heads/main}.
     */
    public Optional<String> ciConfigPath() {
        if (ciConfigRefUri == null) {
            return Optional.empty();
        }
        int start = ciConfigRefUri.indexOf("//");
        int end = ciConfigRefUri.lastIndexOf('@');
        if (start < 0 || end < start + 2) {
            return Optional.empty();
        }
        return Optional.of(ciConfigRefUri.substring(start + 2, end));
    }

    /** The project's own name, the last segment of {@code project_path}: npm's "Project name" field. */
    public Optional<String> projectName() {
        if (projectPath == null) {
            return Optional.empty();
        }
        return Optional.of(projectPath.substring(projectPath.lastIndexOf('/') + 1));
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean hasAudience(String expected) {
        return audience.contains(expected);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String stripPadding(String s) {
        return s.replaceAll("=+$", "");
    }

    private static NpmregException malformed(String variable, String declaration, String why) {
        return new NpmregException("The ID token in " + variable + " is not usable: " + why + ".",
                "Declare it in the publish job of .gitlab-ci.yml as " + declaration
                        + " and do not overwrite " + variable + " elsewhere.");
    }
}
