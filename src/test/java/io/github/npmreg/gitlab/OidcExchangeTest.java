package io.github.npmreg.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcExchangeTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final String SIGNATURE = "c2lnbmF0dXJlLW5vdC1jaGVja2Vk";

    record Seen(String method, String rawPath, Map<String, String> headers, byte[] body) {}

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{\"token\":\"npm_exchangedTokenValue123\"}";
    private CloseableHttpClient http;
    private final List<String> logged = new ArrayList<>();
    private OidcExchange exchange;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), headers,
                    ex.getRequestBody().readAllBytes()));
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        http = HttpClients.createDefault();
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                logged.add(message);
            }

            @Override
            public void warn(String message) {
                logged.add(message);
            }

            @Override
            public void debug(String message) {}
        };
        exchange = new OidcExchange(http, Clock.fixed(NOW, ZoneOffset.UTC), log);
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        http.close();
    }

    private URI registry(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + SIGNATURE;
    }

    static String claims(String aud, Instant exp, String environment) {
        return "{\"iss\":\"https://gitlab.com\",\"sub\":\"project_path:acme/web/app:ref_type:tag:ref:v1.2.3\","
                + "\"aud\":\"" + aud + "\",\"exp\":" + exp.getEpochSecond() + ",\"namespace_path\":\"acme/web\","
                + "\"project_path\":\"acme/web/app\",\"ci_config_ref_uri\":"
                + "\"gitlab.com/acme/web/app//ci/release.gitlab-ci.yml@refs/tags/v1.2.3\","
                + (environment == null ? "" : "\"environment\":\"" + environment + "\",")
                + "\"project_visibility\":\"public\",\"runner_environment\":\"gitlab-hosted\",\"ref\":\"v1.2.3\"}";
    }

    private Map<String, String> env(String idToken) {
        return Map.of("GITLAB_CI", "true", "NPM_ID_TOKEN", idToken);
    }

    private String validToken() {
        return jwt(claims("npm:127.0.0.1", NOW.plusSeconds(300), null));
    }

    @Test
    void successPostsTheIdTokenToTheOriginAndReturnsTheToken() {
        String idToken = validToken();
        Credentials.Token token = exchange.exchange(registry("/some/registry/path/"), "@acme/app", env(idToken));
        assertEquals("npm_exchangedTokenValue123", token.token());
        assertEquals("npm trusted publishing (OIDC token exchange)", token.source());
        assertEquals(1, seen.size());
        Seen request = seen.get(0);
        assertEquals("POST", request.method());
        assertEquals("/-/npm/v1/oidc/token/exchange/package/@acme%2fapp", request.rawPath(), "registry path dropped");
        assertEquals("Bearer " + idToken, request.headers().get("authorization"));
        assertEquals(0, request.body().length);
        assertEquals("0", request.headers().get("content-length"));
        assertEquals("publish", request.headers().get("npm-command"));
        assertTrue(request.headers().get("user-agent").startsWith("npm/"));
        // The plugin attaches no provenance, so it does not talk about SIGSTORE_ID_TOKEN here.
        assertTrue(logged.stream().noneMatch(l -> l.contains("SIGSTORE")), logged.toString());
    }

    @Test
    void unscopedNamesAreNotEscaped() {
        assertEquals(URI.create("https://registry.npmjs.org/-/npm/v1/oidc/token/exchange/package/left-pad"),
                OidcExchange.exchangeUrl(URI.create("https://registry.npmjs.org/"), "left-pad"));
    }

    @Test
    void notFoundNamesWhatToEnterOnNpmjs() {
        status = 404;
        body = "{\"message\":\"OIDC token exchange error - package not found\"}";
        String idToken = validToken();
        NpmregException e = assertThrows(NpmregException.class,
                () -> exchange.exchange(registry("/"), "@acme/app", env(idToken)));
        assertTrue(e.problem().contains("404 OIDC token exchange error - package not found"), e.problem());
        assertTrue(e.problem().contains("namespace_path    acme/web"), e.problem());
        assertTrue(e.problem().contains("Top-level CI file path = ci/release.gitlab-ci.yml"), e.problem());
        assertTrue(e.problem().contains("environment       (none)"), e.problem());
        assertEquals("On npmjs.com, @acme/app -> Settings -> Trusted publisher -> GitLab CI/CD: namespace `acme/web`,"
                + " project `app`, top-level CI file path `ci/release.gitlab-ci.yml`, environment empty"
                + " (all case-sensitive; the package must already exist on npmjs.com).", e.fix());
        assertFalse(e.getMessage().contains(idToken), "the ID token must never be shown");
        assertFalse(e.getMessage().contains(SIGNATURE));
    }

    @Test
    void unauthorizedIsNotRetriedAndShowsTheEnvironment() {
        status = 401;
        body = "{\"message\":\"OIDC token exchange error - unauthorized\"}";
        String idToken = jwt(claims("npm:127.0.0.1", NOW.plusSeconds(300), "production"));
        NpmregException e = assertThrows(NpmregException.class,
                () -> exchange.exchange(registry("/"), "@acme/app", Map.of("NPM_ID_TOKEN", idToken,
                        "SIGSTORE_ID_TOKEN", "x")));
        assertTrue(e.problem().contains("401 OIDC token exchange error - unauthorized"), e.problem());
        assertTrue(e.fix().contains("environment `production`"), e.fix());
        assertFalse(e.problem().contains("SIGSTORE_ID_TOKEN is not set"), e.problem());
        assertEquals(1, seen.size());
    }

    @Test
    void serverErrorsAreNotRetriedEither() {
        status = 503;
        body = "";
        assertThrows(NpmregException.class, () -> exchange.exchange(registry("/"), "@acme/app", env(validToken())));
        assertEquals(1, seen.size(), "the exchange is a POST: never repeated");
    }

    @Test
    void expiredTokenIsExplained() {
        status = 401;
        body = "{\"message\":\"OIDC token exchange error - unauthorized\"}";
        String idToken = jwt(claims("npm:127.0.0.1", NOW.minusSeconds(90), null));
        NpmregException e = assertThrows(NpmregException.class,
                () -> exchange.exchange(registry("/"), "@acme/app", env(idToken)));
        assertTrue(e.problem().contains("EXPIRED 90 s before 2026-11-22T03:00:00Z"), e.problem());
        assertTrue(e.fix().contains("job timeout"), e.fix());
    }

    @Test
    void wrongAudienceIsExplained() {
        status = 401;
        body = "{\"message\":\"OIDC token exchange error - unauthorized\"}";
        String idToken = jwt(claims("npm:registry.npmjs.org", NOW.plusSeconds(300), null));
        NpmregException e = assertThrows(NpmregException.class,
                () -> exchange.exchange(registry("/"), "@acme/app", env(idToken)));
        assertTrue(e.problem().contains("npm:registry.npmjs.org  WRONG: must be npm:127.0.0.1"), e.problem());
        assertEquals("In .gitlab-ci.yml set id_tokens: { NPM_ID_TOKEN: { aud: \"npm:127.0.0.1\" } } on the publish"
                + " job.", e.fix());
    }

    @Test
    void malformedTokenFailsBeforeAnyRequest() {
        NpmregException e = assertThrows(NpmregException.class,
                () -> exchange.exchange(registry("/"), "@acme/app", env("not-a-jwt")));
        assertTrue(e.problem().contains("NPM_ID_TOKEN is not usable"), e.problem());
        assertThrows(NpmregException.class,
                () -> exchange.exchange(registry("/"), "@acme/app", env("a.!!!.c")));
        assertEquals(0, seen.size());
    }

    @Test
    void forcedWithoutATokenIsAUserError() {
        assertTrue(OidcExchange.applies(Map.of(), true));
        assertFalse(OidcExchange.applies(Map.of("NPM_ID_TOKEN", " "), false));
        assertTrue(OidcExchange.applies(Map.of("NPM_ID_TOKEN", "x"), false));
        NpmregException e = assertThrows(NpmregException.class,
                () -> exchange.exchange(URI.create("https://registry.npmjs.org/"), "@acme/app", Map.of()));
        assertTrue(e.fix().contains("aud: \"npm:registry.npmjs.org\""), e.fix());
    }

    @Test
    void claimsDecode() {
        IdTokenClaims c = IdTokenClaims.decode(jwt(claims("npm:registry.npmjs.org", NOW, "prod")));
        assertEquals("acme/web", c.namespacePath());
        assertEquals("app", c.projectName().orElseThrow());
        assertEquals("ci/release.gitlab-ci.yml", c.ciConfigPath().orElseThrow());
        assertEquals(List.of("npm:registry.npmjs.org"), c.audience());
        assertTrue(c.expiredAt(NOW));
        assertFalse(c.expiredAt(NOW.minusSeconds(1)));
        IdTokenClaims array = IdTokenClaims.decode(jwt("{\"aud\":[\"a\",\"b\"]}"));
        assertEquals(List.of("a", "b"), array.audience());
        assertTrue(array.ciConfigPath().isEmpty());
        assertThrows(NpmregException.class, () -> IdTokenClaims.decode(jwt("[1]")));
    }
}
