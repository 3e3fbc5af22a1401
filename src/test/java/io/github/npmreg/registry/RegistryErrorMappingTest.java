package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.registry.ScriptedRegistry.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each registry error, with the exact bodies GitLab, npmjs and Verdaccio send, becomes a cause and a fix. */
class RegistryErrorMappingTest {
    private static final String TOKEN = "glpat-abcdefghijklmnop1234";
    private static final Credentials CREDS = new Credentials.Token(TOKEN, "settings.xml server 'gitlab'");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ScriptedRegistry registry;
    private RecordingLog log;
    private RecordingSleeper sleeper;
    private RegistryClient client;
    private Path tarball;

    @BeforeEach
    void setUp() throws IOException {
        registry = new ScriptedRegistry();
        log = new RecordingLog();
        sleeper = new RecordingSleeper();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test/1", log)
                .withRetries(2, Duration.ofSeconds(1), Duration.ofSeconds(30))
                .withVisibilityPoll(Duration.ZERO, Duration.ofMillis(100))
                .withClockAndSleeper(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), sleeper));
        tarball = Files.write(dir.resolve("pkg.tgz"), new byte[3000]);
    }

    @AfterEach
    void tearDown() {
        client.close();
        registry.close();
    }

    private PublishRequest request(String registryPath, String name, String otp) {
        ObjectNode manifest = JSON.createObjectNode().put("name", name).put("version", "1.0.0");
        return new PublishRequest(registry.url(registryPath), name, PackageName.parse(name).escapedName(), "1.0.0", manifest,
                tarball, "sha512-ours", "0000000000000000000000000000000000000000", "latest", null, otp, CREDS,
                false, false);
    }

    private RegistryException publishFails(String registryPath, Reply put) {
        registry.onPut(put);
        RegistryException e = assertThrows(RegistryException.class,
                () -> client.publish(request(registryPath, "@acme/pkg", null)));
        assertFalse(e.getMessage().contains(TOKEN), "token leaked: " + e.getMessage());
        assertFalse(log.all().contains(TOKEN), "token leaked into the log");
        return e;
    }

    @Test
    void requestLooksLikeNpms() {
        client.publish(request("/api/v4/projects/42/packages/npm/", "@acme/pkg", null));

        ScriptedRegistry.Received put = registry.received.stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow();
        assertEquals("/api/v4/projects/42/packages/npm/@acme%2fpkg", put.rawPath());
        assertEquals(List.of("publish"), put.headers().get("Npm-command"));
        assertEquals(List.of("web"), put.headers().get("Npm-auth-type"));
        assertEquals(List.of("Bearer " + TOKEN), put.headers().get("Authorization"));
        assertEquals(List.of("application/json"), put.headers().get("Content-type"));
        assertEquals(List.of("npmreg-test/1"), put.headers().get("User-agent"));
        long expected = Long.parseLong(put.headers().get("Content-length").get(0));
        assertEquals(expected, put.bodyBytes(), "exact Content-Length, no chunking");
        assertEquals(null, put.headers().get("Transfer-encoding"));
        ScriptedRegistry.Received get = registry.received.get(0);
        assertEquals("GET", get.method());
        assertEquals(List.of("application/json"), get.headers().get("Accept"));
    }

    @Test
    void aPackumentThePreflightJustReadIsNotAskedForAgain() {
        URI url = RegistryUrls.packageUrl(registry.url("/"), "pkg");
        client.offerAnswer(url, CREDS.authorizationHeader(), 404, "{\"error\":\"not found\"}");
        client.publish(request("/", "pkg", null));
        assertEquals("PUT", registry.received.get(0).method(), "the first request is the PUT: " + registry.received);
    }

    @Test
    void aPackumentReadWithOtherCredentialsIsAskedForAgain() {
        URI url = RegistryUrls.packageUrl(registry.url("/"), "pkg");
        client.offerAnswer(url, "Bearer another-token", 404, "{}");
        client.publish(request("/", "pkg", null));
        assertEquals("GET", registry.received.get(0).method());
    }

    @Test
    void anOfferedPackumentListingTheVersionRefusesThePublishWithoutARequest() {
        URI url = RegistryUrls.packageUrl(registry.url("/"), "pkg");
        client.offerAnswer(url, CREDS.authorizationHeader(), 200,
                "{\"name\":\"pkg\",\"versions\":{\"1.0.0\":{\"dist\":{\"integrity\":\"sha512-other\"}}}}");
        NpmregException e = assertThrows(NpmregException.class, () -> client.publish(request("/", "pkg", null)));
        assertTrue(e.problem().contains("already published"), e.problem());
        assertTrue(registry.received.isEmpty(), "asked the registry: " + registry.received);
    }

    @Test
    void otpIsSentOnEveryRequestWithLegacyAuthType() {
        client.publish(request("/", "pkg", "123456"));
        for (ScriptedRegistry.Received r : registry.received) {
            assertEquals(List.of("123456"), r.headers().get("Npm-otp"), r.method());
        }
        ScriptedRegistry.Received put = registry.received.stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow();
        assertEquals(List.of("legacy"), put.headers().get("Npm-auth-type"));
    }

    @Test
    void verdaccio401() {
        RegistryException e = publishFails("/", new Reply(401, Map.of("WWW-Authenticate", "Basic, Bearer"),
                "{\"error\":\"authorization required to publish package @acme/pkg\"}"));
        assertEquals("E401", e.npmCode());
        assertTrue(e.problem().contains("authorization required to publish package @acme/pkg"), e.problem());
        assertTrue(e.problem().contains("****1234"), "names the credentials by hint: " + e.problem());
        assertTrue(e.fix().contains("_authToken"), e.fix());
    }

    @Test
    void gitlabExpiredToken() {
        RegistryException e = publishFails("/api/v4/projects/42/packages/npm/", new Reply(401,
                Map.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\", error_description=\"Token is"
                        + " expired. You can either do re-authorization or token refresh.\""),
                "{\"error\":\"invalid_token\",\"error_description\":\"Token is expired. You can either do"
                        + " re-authorization or token refresh.\"}"));
        assertEquals(401, e.status());
        assertTrue(e.problem().contains("has expired"), e.problem());
        assertTrue(e.fix().contains("create a new token"), e.fix());
    }

    @Test
    void otpRequiredByHeaderOrBody() {
        RegistryException byHeader = publishFails("/", new Reply(401, Map.of("WWW-Authenticate", "OTP"),
                "{\"error\":\"otp required\"}"));
        assertEquals("EOTP", byHeader.npmCode());
        assertTrue(byHeader.fix().contains("-Dnpmreg.otp=<code>"), byHeader.fix());
        RegistryException byBody = publishFails("/", Reply.json(401, "{\"error\":\"You must provide a one-time pass."
                + " Upgrade your client to npm@latest in order to use 2FA.\"}"));
        assertEquals("EOTP", byBody.npmCode());
    }

    @Test
    void npmjsCannotPublishOver() {
        RegistryException e = publishFails("/", Reply.json(403,
                "{\"error\":\"You cannot publish over the previously published versions: 1.0.0.\"}"));
        assertEquals("E403", e.npmCode());
        assertTrue(e.problem().contains("published before"), e.problem());
        assertTrue(e.fix().contains("bump"), e.fix());
    }

    @Test
    void gitlab403Variants() {
        assertTrue(publishFails("/api/v4/projects/42/packages/npm/",
                Reply.json(403, "{\"message\":\"403 Forbidden - Package already exists.\"}")).problem()
                .contains("GitLab already holds this name and version"));
        assertTrue(publishFails("/api/v4/projects/42/packages/npm/",
                Reply.json(403, "{\"message\":\"403 Forbidden - Package protected.\"}")).problem()
                .contains("protection rule"));
        RegistryException scope = publishFails("/api/v4/projects/42/packages/npm/", Reply.json(403,
                "{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher privileges than"
                        + " provided by the access token.\",\"scope\":\"api\"}"));
        assertTrue(scope.problem().contains("lacks the scope"), scope.problem());
        assertTrue(scope.fix().contains("'api'"), scope.fix());
        RegistryException role = publishFails("/api/v4/projects/42/packages/npm/",
                Reply.json(403, "{\"message\":\"403 Forbidden\"}"));
        assertTrue(role.fix().contains("Developer role"), role.fix());
    }

    @Test
    void gitlabGroupAndInstanceEndpointsCannotPublish() {
        RegistryException group = publishFails("/api/v4/groups/acme/-/packages/npm/",
                Reply.json(404, "{\"message\":\"404 Not Found\"}"));
        assertTrue(group.problem().contains("group level"), group.problem());
        assertTrue(group.fix().contains("/api/v4/projects/<project id>/packages/npm/"), group.fix());
        RegistryException instance = publishFails("/api/v4/packages/npm/",
                Reply.json(404, "{\"message\":\"404 Not Found\"}"));
        assertTrue(instance.problem().contains("instance level"), instance.problem());
        RegistryException project = publishFails("/api/v4/projects/4242/packages/npm/",
                Reply.json(404, "{\"message\":\"404 Project Not Found\"}"));
        assertTrue(project.problem().contains("project id is wrong, or the project is not visible"),
                project.problem());
    }

    @Test
    void verdaccioConflictAndSizeLimitAndPaymentRequired() {
        RegistryException conflict = publishFails("/", Reply.json(409, "{\"error\":\"this package is already present\"}"));
        assertEquals("E409", conflict.npmCode());
        assertTrue(conflict.fix().contains("npmreg.skipExisting"), conflict.fix());
        RegistryException tooLarge = publishFails("/", Reply.json(413, "{\"error\":\"request entity too large\"}"));
        assertTrue(tooLarge.problem().contains("The tarball is 3000 bytes"), tooLarge.problem());
        assertTrue(tooLarge.fix().contains("max_body_size"), tooLarge.fix());
        RegistryException payment = publishFails("/", Reply.json(402,
                "{\"error\":\"You must sign up for private packages : @acme/pkg\"}"));
        assertTrue(payment.fix().contains("access"), payment.fix());
    }

    @Test
    void skipExistingSkipsVersionsTheRegistryRefusesAsExistingButDoesNotList() {
        // GitLab refuses a version another project of the group holds (403 or 400) and Verdaccio answers 409,
        // while the packument GET before and after the PUT shows no such version.
        List<Reply> refusals = List.of(
                Reply.json(403, "{\"message\":\"Package already exists.\",\"error\":\"Package already exists.\"}"),
                Reply.json(400, "{\"message\":\"Validation failed: Package already exists\"}"),
                Reply.json(409, "{\"error\":\"this package is already present\"}"));
        for (Reply refusal : refusals) {
            registry.onPut(refusal);
            PublishRequest skipping = new PublishRequest(registry.url("/api/v4/projects/42/packages/npm/"),
                    "@acme/pkg", "@acme%2fpkg", "1.0.0", JSON.createObjectNode().put("name", "@acme/pkg")
                            .put("version", "1.0.0"), tarball, "sha512-ours",
                    "0000000000000000000000000000000000000000", "latest", null, null, CREDS, false, true);
            PublishOutcome outcome = client.publish(skipping);
            assertEquals(PublishOutcome.Result.SKIPPED_EXISTING, outcome.result(), refusal.toString());
            assertTrue(log.all().contains("refused it as existing"), log.all());
        }
        // Other refusals still fail under skipExisting: a protection rule is not an existing version.
        registry.onPut(Reply.json(403, "{\"message\":\"403 Forbidden - Package protected.\"}"));
        PublishRequest protectedOne = new PublishRequest(registry.url("/api/v4/projects/42/packages/npm/"),
                "@acme/pkg", "@acme%2fpkg", "1.0.0", JSON.createObjectNode().put("name", "@acme/pkg")
                        .put("version", "1.0.0"), tarball, "sha512-ours", "0000000000000000000000000000000000000000",
                "latest", null, null, CREDS, false, true);
        assertThrows(RegistryException.class, () -> client.publish(protectedOne));
    }

    @Test
    void gitlab400ValidationMessages() {
        assertTrue(publishFails("/api/v4/projects/42/packages/npm/", Reply.json(400,
                "{\"message\":\"Validation failed: Package already exists\"}")).problem()
                .contains("another project in the same top-level group"));
        assertTrue(publishFails("/api/v4/projects/42/packages/npm/", Reply.json(400,
                "{\"message\":\"File is too large.\"}")).problem().contains("npm_max_file_size"));
        RegistryException name = publishFails("/api/v4/projects/42/packages/npm/", Reply.json(400,
                "{\"message\":\"Validation failed: Name should be a valid NPM package name: "
                        + "https://github.com/npm/validate-npm-package-name#naming-rules.\"}"));
        assertTrue(name.problem().contains("rejects the package name"), name.problem());
        assertTrue(name.problem().contains("should be a valid NPM package name"), "keeps the registry's words");
    }

    @Test
    void nonRetryableErrorsAreSentOnce() {
        publishFails("/", Reply.json(403, "{\"error\":\"forbidden\"}"));
        assertEquals(1, registry.count("PUT"));
        assertEquals(List.of(), sleeper.waits);
    }

    @Test
    void foreignVersionAppearingAfterAFailedPutIsReportedNotRetried() {
        String theirs = "{\"name\":\"pkg\",\"versions\":{\"1.0.0\":{\"dist\":{\"integrity\":\"sha512-theirs\"}}}}";
        registry.onGet(Reply.json(404, "{}"), Reply.json(200, theirs))
                .onPut(Reply.json(500, "{\"error\":\"boom\"}"));
        NpmregException e = assertThrows(NpmregException.class, () -> client.publish(request("/", "pkg", null)));
        assertTrue(e.problem().contains("with a different tarball") && e.problem().contains("sha512-theirs"),
                e.problem());
        assertEquals(1, registry.count("PUT"));
    }

    @Test
    void missingTarballFailsBeforeAnyRequest() throws IOException {
        Files.delete(tarball);
        NpmregException e = assertThrows(NpmregException.class, () -> client.publish(request("/", "pkg", null)));
        assertTrue(e.problem().contains(tarball.toString()), e.problem());
        assertEquals(List.of(), registry.received);
    }

    @Test
    void redirectToAnotherHostIsReportedAndNotFollowed() {
        registry.onGet(new Reply(302, Map.of("Location", "https://registry.npmjs.org/@acme%2fpkg"), ""));
        PackumentLookup lookup = client.fetch(registry.url("/api/v4/projects/42/packages/npm/"), "@acme%2fpkg", CREDS);
        PackumentLookup.Redirected r = assertInstanceOf(PackumentLookup.Redirected.class, lookup);
        assertEquals(URI.create("https://registry.npmjs.org/@acme%2fpkg"), r.location());
        assertEquals(1, registry.received.size());
    }

    @Test
    void getIsRetriedOnServiceUnavailable() {
        registry.onGet(Reply.json(503, "{}"), Reply.json(200, "{\"name\":\"pkg\",\"versions\":{\"1.0.0\":{}}}"));
        PackumentLookup lookup = client.fetch(registry.url("/"), "pkg", CREDS);
        assertTrue(lookup.hasVersion("1.0.0"));
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits);
    }

    @Test
    void pollsUntilTheVersionIsVisible() {
        RegistryClient polling = new RegistryClient(RegistryClientConfig.defaults("npmreg-test/1", log)
                .withVisibilityPoll(Duration.ofSeconds(10), Duration.ofMillis(500))
                .withClockAndSleeper(Clock.systemUTC(), sleeper));
        String visible = "{\"name\":\"pkg\",\"versions\":{\"1.0.0\":{\"dist\":{\"integrity\":\"sha512-ours\"}}}}";
        registry.onGet(Reply.json(404, "{}"), Reply.json(404, "{}"), Reply.json(404, "{}"), Reply.json(200, visible));
        PublishOutcome outcome = polling.publish(request("/", "pkg", null));
        polling.close();
        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result());
        assertTrue(outcome.visible());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), sleeper.waits);
    }

    @Test
    void invisibleAfterThePollWarnsButSucceeds() {
        RegistryClient polling = new RegistryClient(RegistryClientConfig.defaults("npmreg-test/1", log)
                .withVisibilityPoll(Duration.ofSeconds(1), Duration.ofMillis(500))
                .withClockAndSleeper(Clock.systemUTC(), sleeper));
        PublishOutcome outcome = polling.publish(request("/", "pkg", null));
        polling.close();
        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result());
        assertFalse(outcome.visible());
        assertTrue(log.all().contains("does not show in the package metadata"), log.all());
    }
}
