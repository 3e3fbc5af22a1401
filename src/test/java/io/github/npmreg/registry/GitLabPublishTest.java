package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.GitLabNpmServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing against the in-test GitLab npm API: the project endpoint works, the usual mistakes are explained. */
class GitLabPublishTest {
    private static final String API = "glpat-api-scope-token-0001";
    private static final String READ_ONLY = "glpat-read-api-token-0002";
    private static final String EXPIRED = "glpat-expired-token-00003";

    @TempDir
    Path dir;
    private GitLabNpmServer gitlab;
    private RecordingLog log;
    private RegistryClient client;
    private Path tarball;
    private String integrity;
    private String shasum;

    @BeforeEach
    void setUp() throws Exception {
        gitlab = GitLabNpmServer.start().project(42, "acme/web/app").project(43, "acme/other/lib").group(7, "acme")
                .personalAccessToken(API, "api").personalAccessToken(READ_ONLY, "read_api")
                .personalAccessToken(EXPIRED, LocalDate.of(2020, 1, 1), "api");
        log = new RecordingLog();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", log)
                .withVisibilityPoll(Duration.ofSeconds(1), Duration.ofMillis(100)));
        byte[] bytes = "not really gzip, GitLab does not look".getBytes();
        tarball = Files.write(dir.resolve("widget.tgz"), bytes);
        integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        shasum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @AfterEach
    void tearDown() {
        client.close();
        gitlab.close();
    }

    private PublishRequest request(URI registry, String version, String token) {
        ObjectNode manifest = new ObjectMapper().createObjectNode().put("name", "@acme/widget").put("version", version);
        return new PublishRequest(registry, "@acme/widget", "@acme%2fwidget", version, manifest, tarball, integrity,
                shasum, "latest", null, null, new Credentials.Token(token, "test"), false, false);
    }

    @Test
    void projectEndpointPublishesAndShows() {
        PublishOutcome outcome = client.publish(request(gitlab.projectEndpoint(42), "1.0.0", API));
        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result());
        assertTrue(outcome.visible());
        assertEquals(shasum, gitlab.stored(42, "@acme/widget", "1.0.0").orElseThrow().shasum());
        assertFalse(log.all().contains(API));
    }

    @Test
    void sameVersionInAnotherProjectOfTheRootGroupIsExplained() {
        client.publish(request(gitlab.projectEndpoint(42), "1.0.0", API));
        RegistryException e = assertThrows(RegistryException.class,
                () -> client.publish(request(gitlab.projectEndpoint(43), "1.0.0", API)));
        assertEquals(400, e.status());
        assertTrue(e.problem().contains("another project in the same top-level group"), e.problem());
    }

    @Test
    void groupEndpointIsNotForPublishing() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> client.publish(request(gitlab.groupEndpoint(7), "1.0.0", API)));
        assertEquals(404, e.status());
        assertTrue(e.problem().contains("group level"), e.problem());
        assertTrue(e.fix().contains("/api/v4/projects/<project id>/packages/npm/"), e.fix());
    }

    @Test
    void readOnlyAndExpiredTokensAreExplained() {
        RegistryException readOnly = assertThrows(RegistryException.class,
                () -> client.publish(request(gitlab.projectEndpoint(42), "1.0.0", READ_ONLY)));
        assertEquals(403, readOnly.status());
        assertTrue(readOnly.fix().contains("'api'"), readOnly.fix());
        RegistryException expired = assertThrows(RegistryException.class,
                () -> client.publish(request(gitlab.projectEndpoint(42), "1.0.0", EXPIRED)));
        assertEquals(401, expired.status());
        assertFalse(expired.getMessage().contains(EXPIRED));
    }

    @Test
    void forwardingRedirectOfTheFirstPublishIsNotFollowed() throws IOException {
        gitlab.forwarding(true);
        PackumentLookup before = client.fetch(gitlab.projectEndpoint(42), "@acme%2fwidget",
                new Credentials.Token(API, "test"));
        assertTrue(before instanceof PackumentLookup.Redirected r && r.location().getHost().equals("registry.npmjs.org"),
                before.toString());
        assertEquals(PublishOutcome.Result.PUBLISHED,
                client.publish(request(gitlab.projectEndpoint(42), "1.0.0", API)).result());
        assertTrue(gitlab.requests().stream().allMatch(r -> r.rawPath().startsWith("/api/v4/projects/42/")));
    }
}
