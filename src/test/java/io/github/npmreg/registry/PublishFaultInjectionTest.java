package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.registry.FaultInjectingProxy.Fault;
import io.github.npmreg.testing.Verdaccio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network and server faults between the client and a real Verdaccio. Each scenario must end with the package in
 * the registry exactly once (one PUT stored upstream) and the right outcome.
 */
class PublishFaultInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger VERSION = new AtomicInteger();
    private static Path work;
    private static Verdaccio verdaccio;
    private static FaultInjectingProxy proxy;
    private static Credentials credentials;
    private RecordingSleeper sleeper;
    private RecordingLog log;
    private RegistryClient client;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"),
                "registry-tests", "faults-" + System.nanoTime()));
        verdaccio = Verdaccio.start(work.resolve("verdaccio"));
        credentials = new Credentials.Token(verdaccio.addUser(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD), "test");
        proxy = new FaultInjectingProxy(verdaccio.url());
    }

    @AfterAll
    static void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (verdaccio != null) {
            verdaccio.close();
        }
    }

    @BeforeEach
    void newClient() {
        sleeper = new RecordingSleeper();
        log = new RecordingLog();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", log)
                .withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(60))
                .withVisibilityPoll(Duration.ofSeconds(1), Duration.ofMillis(100))
                .withClockAndSleeper(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), sleeper));
    }

    @Test
    void connectionResetMidUploadIsRetried() throws IOException {
        NpmPackedFixture pkg = fixture();
        proxy.script(Fault.RESET_MID_UPLOAD);

        PublishOutcome outcome = client.publish(pkg.request(proxy.url(), credentials));

        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result(), log.all());
        assertEquals(2, outcome.attempts());
        assertEquals(List.of(Fault.RESET_MID_UPLOAD, Fault.FORWARD), proxy.putsSeen);
        assertEquals(List.of(201), proxy.upstreamPutStatuses);
        assertEquals(Duration.ofSeconds(2), sleeper.waits.get(0));
        assertStoredOnce(pkg);
    }

    @Test
    void serverErrorThenSuccess() throws IOException {
        NpmPackedFixture pkg = fixture();
        proxy.script(Fault.ANSWER_500);

        PublishOutcome outcome = client.publish(pkg.request(proxy.url(), credentials));

        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result(), log.all());
        assertEquals(2, outcome.attempts());
        assertEquals(List.of(201), proxy.upstreamPutStatuses);
        assertTrue(log.all().contains("answered 500"), log.all());
        assertStoredOnce(pkg);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws IOException {
        NpmPackedFixture pkg = fixture();
        proxy.script(Fault.ANSWER_429);

        PublishOutcome outcome = client.publish(pkg.request(proxy.url(), credentials));

        assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result(), log.all());
        assertEquals(Duration.ofSeconds(7), sleeper.waits.get(0), "Retry-After: 7 must be honoured");
        assertEquals(List.of(201), proxy.upstreamPutStatuses);
        assertStoredOnce(pkg);
    }

    @Test
    void answerLostAfterTheRegistryStoredThePackage() throws IOException {
        NpmPackedFixture pkg = fixture();
        proxy.script(Fault.LOSE_ANSWER);

        PublishOutcome outcome = client.publish(pkg.request(proxy.url(), credentials));

        assertEquals(PublishOutcome.Result.ALREADY_PUBLISHED_BY_US, outcome.result(), log.all());
        assertEquals(1, outcome.attempts());
        assertEquals(List.of(Fault.LOSE_ANSWER), proxy.putsSeen, "no second PUT may be sent");
        assertEquals(List.of(201), proxy.upstreamPutStatuses);
        assertEquals(List.of(), sleeper.waits);
        assertStoredOnce(pkg);
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheRetries() throws IOException {
        NpmPackedFixture pkg = fixture();
        proxy.script(Fault.ANSWER_500, Fault.ANSWER_500, Fault.ANSWER_500, Fault.ANSWER_500);

        RegistryException e = assertThrows(RegistryException.class,
                () -> client.publish(pkg.request(proxy.url(), credentials)));

        assertEquals(500, e.status());
        assertEquals("E500", e.npmCode());
        assertTrue(e.problem().contains("internal server error (injected)"), e.problem());
        assertEquals(3, proxy.putsSeen.size(), "1 try + 2 retries");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits);
        assertEquals(List.of(), proxy.upstreamPutStatuses);
    }

    @Test
    void publishesThroughAForwardProxyUnlessTheHostIsExempt() throws IOException {
        ProxyConfig viaProxy = new ProxyConfig("127.0.0.1", proxy.url().getPort(), null, null, "localhost|*.internal");
        RegistryClientConfig config = RegistryClientConfig.defaults("npmreg-test", log)
                .withVisibilityPoll(Duration.ZERO, Duration.ofMillis(100)).withProxy(viaProxy);
        NpmPackedFixture pkg = fixture();
        proxy.script();
        try (RegistryClient proxied = new RegistryClient(config)) {
            assertEquals(PublishOutcome.Result.PUBLISHED,
                    proxied.publish(pkg.request(verdaccio.url(), credentials)).result());
        }
        assertEquals(List.of(201), proxy.upstreamPutStatuses, "the PUT went through the proxy");
        assertTrue(proxy.requestTargets.contains(verdaccio.url() + "npmreg-faults"), proxy.requestTargets.toString());
        assertStoredOnce(pkg);

        NpmPackedFixture direct = fixture();
        proxy.script();
        ProxyConfig exempt = new ProxyConfig("127.0.0.1", proxy.url().getPort(), null, null, "localhost|127.0.0.*");
        try (RegistryClient bypassing = new RegistryClient(config.withProxy(exempt))) {
            assertEquals(PublishOutcome.Result.PUBLISHED,
                    bypassing.publish(direct.request(verdaccio.url(), credentials)).result());
        }
        assertEquals(List.of(), proxy.requestTargets, "nonProxyHosts must bypass the proxy");
        assertStoredOnce(direct);
    }

    private static NpmPackedFixture fixture() throws IOException {
        return NpmPackedFixture.pack(work, "npmreg-faults", "1.0." + VERSION.getAndIncrement());
    }

    private static void assertStoredOnce(NpmPackedFixture pkg) throws IOException {
        JsonNode packument = JSON.readTree(verdaccio.get(pkg.name(), credentials.authorizationHeader()));
        assertEquals(pkg.integrity(), packument.at("/versions/" + pkg.version() + "/dist/integrity")
                .asText("missing"), "stored version " + pkg.version());
    }
}
