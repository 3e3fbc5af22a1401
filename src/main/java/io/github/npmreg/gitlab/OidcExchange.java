package io.github.npmreg.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.Redaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * npm trusted publishing from GitLab CI: trades the job's ID token ({@code NPM_ID_TOKEN}) for a short-lived publish
 * token, as npm's {@code lib/utils/oidc.js} does (npm-pack-and-publish.md §6). Unlike npm, a failed exchange is never
 * silent: it fails with the registry's status and message and with the claims npm compares, decoded from the token,
 * so the user sees which trusted-publisher field to change.
 */
public final class OidcExchange {
    /** The {@link Credentials#source()} of an exchanged token. */
    public static final String SOURCE = "npm trusted publishing (OIDC token exchange)";

    /**
     * npm's registry is reported to check the client's user agent for npm 11.5.1 or later on this endpoint
     * (gjsify/gjsify#512), so the agent leads with the npm version whose protocol this follows.
     */
    public static final String USER_AGENT = "npm/11.19.1 npmreg-maven-plugin ci/gitlab-ci";


    private final HttpClient http;
    private final Clock clock;
    private final BuildLog log;

    /**
     * @param http  the build's HTTP client; whatever its retry and redirect settings, this request is sent once and
     *              its answer is never followed
     * @param clock decides whether the ID token has expired
     * @param log   receives the provenance note
     */
    public OidcExchange(HttpClient http, Clock clock, BuildLog log) {
        this.http = http;
        this.clock = clock;
        this.log = log;
    }

    /** Whether to exchange: {@code NPM_ID_TOKEN} is set, or the user forced trusted publishing. */
    public static boolean applies(Map<String, String> env, boolean forced) {
        return forced || idToken(env).isPresent();
    }

    /**
     * Exchanges {@code NPM_ID_TOKEN} for a publish token for {@code packageName} on {@code registry}.
     *
     * @throws NpmregException when the token is missing or malformed, the registry cannot be reached, or it refuses
     */
    public Credentials.Token exchange(URI registry, String packageName, Map<String, String> env) {
        String idToken = idToken(env).orElseThrow(() -> new NpmregException(
                "npm trusted publishing is switched on, but NPM_ID_TOKEN is not set, so there is no ID token to"
                        + " exchange.",
                "Add to the publish job in .gitlab-ci.yml: id_tokens: { NPM_ID_TOKEN: { aud: \"npm:"
                        + registry.getHost() + "\" } } (it must be on the job itself)."));
        IdTokenClaims claims = IdTokenClaims.decode(idToken);
        URI url = exchangeUrl(registry, packageName);
        HttpPost post = new HttpPost(url);
        post.setConfig(RequestConfig.custom().setRedirectsEnabled(false).build());
        post.setHeader("Authorization", "Bearer " + idToken);
        post.setHeader("Accept", "application/json");
        post.setHeader("npm-command", "publish");
        post.setHeader("User-Agent", USER_AGENT);
        // npm sends no body (content-length: 0), and the endpoint has been seen to refuse a JSON one. The empty body
        // is deliberately a non-repeatable stream: httpclient5's retry strategy retries 429/503 answers even for a
        // POST, but never a request whose entity cannot be repeated, and npm never retries this exchange either.
        post.setEntity(new InputStreamEntity(new ByteArrayInputStream(new byte[0]), 0, null));
        Response response;
        try {
            response = http.execute(post, (ClassicHttpResponse r) -> new Response(r.getCode(), r.getReasonPhrase(),
                    r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new NpmregException("npm trusted publishing: the OIDC token exchange POST " + url + " failed: "
                    + Redaction.redact(String.valueOf(e.getMessage()), List.of(idToken)) + ".",
                    "Check that the runner reaches " + url.getHost() + " (proxy settings in settings.xml).", e);
        }
        if (response.status() / 100 == 2) {
            String token = field(response.body(), "token");
            if (token != null && !token.isEmpty()) {
                return new Credentials.Token(token, SOURCE);
            }
            throw new NpmregException("npm trusted publishing: the OIDC token exchange POST " + url + " answered "
                    + response.status() + " without a token in its body.",
                    "Retry the job; if it persists, the registry does not support trusted publishing.");
        }
        throw refusal(url, response, packageName, registry, claims, env, idToken);
    }

    /** {@code <registry origin>/-/npm/v1/oidc/token/exchange/package/<escapedName>}; the registry's path is dropped. */
    public static URI exchangeUrl(URI registry, String packageName) {
        return registry.resolve("/-/npm/v1/oidc/token/exchange/package/" + escapedName(packageName));
    }

    /** npm's {@code escapedName}: the scope's slash as {@code %2f}, e.g. {@code @scope%2fname}. */
    static String escapedName(String name) {
        return name.startsWith("@") ? name.replace("/", "%2f") : name;
    }

    private NpmregException refusal(URI url, Response response, String packageName, URI registry,
            IdTokenClaims claims, Map<String, String> env, String idToken) {
        String message = Optional.ofNullable(field(response.body(), "message"))
                .or(() -> Optional.ofNullable(field(response.body(), "error")))
                .orElse(response.body().isBlank() ? response.reason() : response.body().strip());
        String expectedAudience = "npm:" + registry.getHost();
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        lines.add("npm trusted publishing: the OIDC token exchange for " + packageName + " was refused: "
                + response.status() + " " + Redaction.redact(message, List.of(idToken)) + " (POST " + url + ").");
        lines.add("The ID token (NPM_ID_TOKEN) presents what npm compares with the package's trusted publisher:");
        lines.add("  namespace_path    " + show(claims.namespacePath()) + "  (npm: Namespace; the full group path)");
        lines.add("  project_path      " + show(claims.projectPath()) + "  (npm: Project name = "
                + show(claims.projectName().orElse(null)) + ")");
        lines.add("  ci_config_ref_uri " + show(claims.ciConfigRefUri()) + "  (npm: Top-level CI file path = "
                + show(claims.ciConfigPath().orElse(null)) + ")");
        lines.add("  environment       " + (claims.environment() == null ? "(none)" : "'" + claims.environment() + "'")
                + "  (npm: Environment, optional)");
        boolean audienceWrong = !claims.hasAudience(expectedAudience);
        lines.add("  aud               " + (claims.audience().isEmpty() ? "(none)" : String.join(", ", claims.audience()))
                + (audienceWrong ? "  WRONG: must be " + expectedAudience : "  (ok)"));
        boolean expired = claims.expiredAt(now);
        if (claims.expiresAt() == null) {
            lines.add("  exp               (none)");
        } else {
            lines.add("  exp               " + claims.expiresAt() + (expired
                    ? "  EXPIRED " + Duration.between(claims.expiresAt(), now).toSeconds() + " s before " + now
                    : "  (valid at " + now + ")"));
        }
        if ("self-hosted".equals(claims.runnerEnvironment())) {
            lines.add("  runner_environment self-hosted: npm supports trusted publishing only on GitLab.com's"
                    + " hosted runners.");
        }
        if (claims.issuer() != null && !claims.issuer().replaceAll("/+$", "").equals("https://gitlab.com")) {
            lines.add("  iss               " + claims.issuer() + ": npm supports only https://gitlab.com as the"
                    + " GitLab provider.");
        }
        String fix;
        if (audienceWrong) {
            fix = "In .gitlab-ci.yml set id_tokens: { NPM_ID_TOKEN: { aud: \"" + expectedAudience + "\" } } on the"
                    + " publish job.";
        } else if (expired) {
            fix = "The ID token expires with the job timeout (5 minutes if none is set): set a longer timeout on"
                    + " the publish job, or publish earlier in it.";
        } else {
            String file = claims.ciConfigPath().orElse(".gitlab-ci.yml");
            fix = "On npmjs.com, " + packageName + " -> Settings -> Trusted publisher -> GitLab CI/CD: namespace `"
                    + show(claims.namespacePath()) + "`, project `" + show(claims.projectName().orElse(null))
                    + "`, top-level CI file path `" + file + "`, environment "
                    + (claims.environment() == null ? "empty" : "`" + claims.environment() + "`")
                    + " (all case-sensitive; the package must already exist on npmjs.com).";
        }
        return new NpmregException(String.join(System.lineSeparator(), lines), fix);
    }

    private static String show(String value) {
        return value == null ? "(missing)" : value;
    }

    private static Optional<String> idToken(Map<String, String> env) {
        String value = env.get("NPM_ID_TOKEN");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = io.github.npmreg.json.JsonTree.read(body);
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private record Response(int status, String reason, String body) {}
}
