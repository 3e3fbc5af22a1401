package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.Verdaccio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishes tarballs made by the real npm pack to a real registry, then installs them with the real npm. */
class VerdaccioPublishTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path work;
    private static Verdaccio verdaccio;
    private static String token;
    private static RecordingLog log;
    private static RegistryClient client;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"),
                "registry-tests", "publish-" + System.nanoTime()));
        verdaccio = Verdaccio.start(work.resolve("verdaccio"));
        token = verdaccio.addUser(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD);
        log = new RecordingLog();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", log)
                .withVisibilityPoll(Duration.ofSeconds(2), Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (verdaccio != null) {
            verdaccio.close();
        }
    }

    @Test
    void unscopedWithBearerTokenInstallsWithNpm() throws IOException {
        NpmPackedFixture pkg = NpmPackedFixture.pack(work, "npmreg-hello", "1.0.0");
        PublishOutcome outcome = client.publish(pkg.request(verdaccio.url(), new Credentials.Token(token, "test")));

        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result());
        assertEquals(1, outcome.attempts());
        assertTrue(outcome.visible());
        assertEquals(verdaccio.url() + "npmreg-hello/-/npmreg-hello-1.0.0.tgz", outcome.tarballUrl().toString());
        assertFalse(log.all().contains(token), "the token must never be logged");
        Path consumer = consumer("unscoped");
        JsonNode view = JSON.readTree(NpmCli.run(consumer, "view", "npmreg-hello", "--json").orFail("npm view").stdout());
        assertEquals("1.0.0", view.get("version").asText());
        assertEquals(pkg.integrity(), view.at("/dist/integrity").asText());
        assertEquals("latest", view.at("/dist-tags").fieldNames().next());
        NpmCli.run(consumer, "install", "npmreg-hello@1.0.0").orFail("npm install");
        String out = NpmCli.node(consumer, "console.log(require('npmreg-hello').hello())").orFail("require").stdout();
        assertEquals("hello from npmreg-hello@1.0.0", out.strip());
    }

    @Test
    void scopedPublicWithBasicAuthInstallsWithNpm() throws IOException {
        NpmPackedFixture pkg = NpmPackedFixture.pack(work, "@acme/npmreg-scoped", "2.1.0");
        PublishOutcome outcome = client.publish(pkg.request(verdaccio.url(),
                new Credentials.Basic(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD, "test")));

        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result());
        // The URL the registry serves (Verdaccio drops the scope from the file name), not the one npm sends.
        assertEquals(verdaccio.url() + "@acme/npmreg-scoped/-/npmreg-scoped-2.1.0.tgz",
                outcome.tarballUrl().toString());
        Path consumer = consumer("scoped");
        NpmCli.run(consumer, "install", "@acme/npmreg-scoped@2.1.0").orFail("npm install");
        String out = NpmCli.node(consumer, "console.log(require('@acme/npmreg-scoped').hello())").orFail("require")
                .stdout();
        assertEquals("hello from @acme/npmreg-scoped@2.1.0", out.strip());
        JsonNode packument = JSON.readTree(verdaccio.get("@acme%2fnpmreg-scoped", "Bearer " + token));
        assertEquals(pkg.shasum(), packument.at("/versions/2.1.0/dist/shasum").asText());
        assertFalse(packument.at("/versions/2.1.0").has("_npmVersion"), "we do not claim an npm version");
    }

    @Test
    void duplicateVersionFailsClearlyAndSkipExistingSkips() throws IOException {
        Credentials creds = new Credentials.Token(token, "test");
        NpmPackedFixture pkg = NpmPackedFixture.pack(work, "npmreg-dup", "1.0.0");
        assertEquals(PublishOutcome.Result.PUBLISHED, client.publish(pkg.request(verdaccio.url(), creds)).result());

        NpmregException e = assertThrows(NpmregException.class,
                () -> client.publish(pkg.request(verdaccio.url(), creds)));
        assertTrue(e.problem().contains("npmreg-dup@1.0.0") && e.problem().contains("already published"),
                e.getMessage());
        assertTrue(e.fix().contains("npmreg.skipExisting"), e.fix());

        PublishOutcome skipped = client.publish(pkg.request(verdaccio.url(), creds, false, true));
        assertEquals(PublishOutcome.Result.SKIPPED_EXISTING, skipped.result());
        assertEquals(0, skipped.attempts());
    }

    @Test
    void dryRunSendsNoPutAndLogsNoSecret() throws IOException {
        Credentials creds = new Credentials.Token(token, "test");
        NpmPackedFixture pkg = NpmPackedFixture.pack(work, "npmreg-dry", "0.1.0");
        RecordingLog dryLog = new RecordingLog();
        try (RegistryClient dry = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", dryLog))) {
            PublishOutcome outcome = dry.publish(pkg.request(verdaccio.url(), creds, true, false));
            assertEquals(PublishOutcome.Result.DRY_RUN, outcome.result());
            assertInstanceOf(PackumentLookup.NotFound.class, dry.fetch(verdaccio.url(), "npmreg-dry", creds));
        }
        String text = dryLog.all();
        assertTrue(text.contains("PUT " + verdaccio.url() + "npmreg-dry"), text);
        assertTrue(text.contains("npm-command: publish") && text.contains("npm-auth-type: web"), text);
        assertTrue(text.contains("\"_attachments\":{\"npmreg-dry-0.1.0.tgz\""), text);
        assertTrue(text.contains("characters of base64 elided"), text);
        assertFalse(text.contains(token), "token leaked into the dry-run log");
    }

    @Test
    void badTokenIsDiagnosedAs401() throws IOException {
        NpmPackedFixture pkg = NpmPackedFixture.pack(work, "npmreg-unauth", "1.0.0");
        RegistryException e = assertThrows(RegistryException.class, () -> client.publish(
                pkg.request(verdaccio.url(), new Credentials.Token("not-a-valid-token-at-all", "test"))));
        assertEquals(401, e.status());
        assertEquals("E401", e.npmCode());
        assertTrue(e.problem().contains("authorization required to publish package npmreg-unauth"), e.problem());
        assertFalse(e.getMessage().contains("not-a-valid-token-at-all"));
    }

    private static Path consumer(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve("consumer-" + name));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}");
        String hostPath = "//" + verdaccio.url().getAuthority() + "/";
        Files.writeString(dir.resolve(".npmrc"), "registry=" + verdaccio.url() + "\n" + hostPath + ":_authToken="
                + token + "\n");
        return dir;
    }
}
