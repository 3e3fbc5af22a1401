package io.github.npmreg.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** GitLab CI ID tokens for tests: the claims GitLab puts in one, unsigned (nothing in the tests checks issuers' keys). */
public final class IdTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdTokens() {}

    /** A token for project {@code group/project} on gitlab.com, tag pipeline {@code v1.0.0}, with {@code extra} claims. */
    public static String gitlab(String audience, Instant expires, Map<String, String> extra) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("namespace_id", "1001");
        claims.put("namespace_path", "acme");
        claims.put("project_id", "4242");
        claims.put("project_path", "acme/web");
        claims.put("user_id", "7");
        claims.put("user_login", "dev");
        claims.put("pipeline_id", "90001");
        claims.put("pipeline_source", "push");
        claims.put("job_id", "123456");
        claims.put("ref", "v1.0.0");
        claims.put("ref_type", "tag");
        claims.put("ref_protected", "true");
        claims.put("runner_id", 12270835);
        claims.put("runner_environment", "gitlab-hosted");
        claims.put("sha", "0123456789abcdef0123456789abcdef01234567");
        claims.put("project_visibility", "public");
        claims.put("ci_config_ref_uri", "gitlab.com/acme/web//.gitlab-ci.yml@refs/tags/v1.0.0");
        claims.put("ci_config_sha", "0123456789abcdef0123456789abcdef01234567");
        claims.put("jti", "a5c1e7a0-0000-4000-8000-000000000000");
        claims.put("iss", "https://gitlab.com");
        claims.put("iat", expires.minusSeconds(300).getEpochSecond());
        claims.put("nbf", expires.minusSeconds(305).getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("sub", "project_path:acme/web:ref_type:tag:ref:v1.0.0");
        claims.put("aud", audience);
        extra.forEach(claims::put);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"test\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("not-a-real-signature-0123456789".getBytes(StandardCharsets.UTF_8));
    }

    public static String gitlab(String audience) {
        return gitlab(audience, Instant.now().plusSeconds(300), Map.of());
    }
}
