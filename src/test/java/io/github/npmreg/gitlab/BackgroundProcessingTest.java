package io.github.npmreg.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import io.github.npmreg.testing.GitLabNpmServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitLab 18.6+'s asynchronous upload path against the double: the PUT succeeds at once, the version appears later,
 * or processing fails (a duplicate) or never ends; the wait tells the three apart.
 */
class BackgroundProcessingTest {
    private static final String TOKEN = "glpat-processingtoken001";
    private static final Credentials PAT = new Credentials.Token(TOKEN, "test");
    private static final BackgroundProcessing.Wait WAIT = new BackgroundProcessing.Wait(Duration.ofSeconds(5),
            Duration.ofMillis(100));
    private GitLabNpmServer gitlab;
    private RegistryClient client;
    private URI endpoint;

    @BeforeEach
    void start() {
        gitlab = GitLabNpmServer.start().project(42, "acme/hello").personalAccessToken(TOKEN, "api").forwarding(false);
        endpoint = gitlab.projectEndpoint(42);
        client = new RegistryClient(RegistryClientConfig.defaults("test", BuildLog.SILENT));
    }

    @AfterEach
    void stop() {
        client.close();
        gitlab.close();
    }

    private int put(String version) throws Exception {
        String body = "{\"name\":\"@acme/hello\",\"versions\":{\"" + version + "\":{\"name\":\"@acme/hello\",\"version\":\""
                + version + "\",\"dist\":{\"shasum\":\"00\"}}},\"dist-tags\":{\"latest\":\"" + version
                + "\"},\"_attachments\":{\"@acme/hello-" + version + ".tgz\":{\"data\":\"AAAA\"}}}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("@acme%2fhello"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private BackgroundProcessing.Outcome await(String version, BackgroundProcessing.Wait wait) {
        return new BackgroundProcessing(client, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), BuildLog.SILENT)
                .await(endpoint, "@acme/hello", "@acme%2fhello", version, PAT, Instant.now().minusSeconds(5), wait);
    }

    @Test
    void theVersionAppearsAfterProcessing() throws Exception {
        gitlab.asynchronousProcessing(Duration.ofMillis(600));
        assertEquals(200, put("1.0.0"));
        assertEquals(BackgroundProcessing.Outcome.LISTED, await("1.0.0", WAIT));
    }

    @Test
    void aDuplicateFailsInTheBackgroundAndIsReportedWithGitLabsMessage() throws Exception {
        assertEquals(200, put("1.0.0"));
        gitlab.asynchronousProcessing(Duration.ofMillis(300)).metadataCacheLag(true);
        assertEquals(200, put("1.0.0"), "the asynchronous PUT itself succeeds");
        NpmregException e = assertThrows(NpmregException.class, () -> await("1.0.0", WAIT));
        assertTrue(e.problem().contains("background processing failed") && e.problem().contains("Package already exists."),
                e.problem());
        assertTrue(e.fix().contains("bump the version"), e.fix());
    }

    @Test
    void aPackageLeftInProcessingIsAFailureNotASuccess() throws Exception {
        gitlab.asynchronousProcessing(Duration.ofHours(1));
        assertEquals(200, put("2.0.0"));
        NpmregException e = assertThrows(NpmregException.class,
                () -> await("2.0.0", new BackgroundProcessing.Wait(Duration.ofSeconds(1), Duration.ofMillis(200))));
        assertTrue(e.problem().contains("not listed after 1 s"), e.problem());
        assertTrue(e.fix().contains("npmreg.gitlab.processingTimeoutSeconds"), e.fix());
    }
}
