package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchedNetworkTest {
    private static final String REGISTRY = "https://registry.example.com/";
    @TempDir
    Path dir;

    /** A registry double: answers whoami, ping and the packument; records what was asked, from any thread. */
    private static final class Registry {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch packumentAsked = new CountDownLatch(1);
        volatile boolean whoamiWaitsForPackument;
        final Network network = Networks.answering(this::get);

        Network.Answer get(URI uri, String authorization) throws IOException {
            asked.add(uri.getPath());
            if (uri.getRawPath().equals("/")) {
                return new Network.Answer(200, Map.of(), "{}");
            }
            if (uri.getRawPath().endsWith("hello")) {
                packumentAsked.countDown();
                return new Network.Answer(404, Map.of(), "{\"error\":\"not found\"}");
            }
            if (uri.getPath().endsWith("/-/whoami")) {
                if (whoamiWaitsForPackument) {
                    try {
                        if (!packumentAsked.await(5, TimeUnit.SECONDS)) {
                            throw new IOException("the packument GET was not sent while whoami was out");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                return new Network.Answer(200, Map.of(), "{\"username\":\"ci\"}");
            }
            if (uri.getPath().endsWith("/-/ping")) {
                return new Network.Answer(200, Map.of(), "{}");
            }
            throw new IOException("unexpected GET " + uri);
        }
    }

    @Test
    void theChecksGetsAreSentTogetherOnceTheirPremisesHold() {
        Registry registry = new Registry();
        // Answered only once the packument GET has arrived: one request after the other would fail here.
        registry.whoamiWaitsForPackument = true;
        DoctorContext context = Setup.hello(dir, REGISTRY).credentials(Setup.token("npm_secret123456789"))
                .network(registry.network).build();

        Report report = Doctor.standard().preflight(context);

        assertTrue(report.findings().stream().anyMatch(f -> f.id().equals("authentication")
                && f.status() == Status.PASS), report.toText());
        assertTrue(report.findings().stream().anyMatch(f -> f.id().equals("publishing-state")
                && f.status() == Status.PASS), report.toText());
        // each asked once: the checks took the answers sent ahead instead of asking again
        assertEquals(1, registry.asked.stream().filter(p -> p.endsWith("/-/whoami")).count(), registry.asked.toString());
        assertEquals(1, registry.asked.stream().filter(p -> p.endsWith("hello")).count(), registry.asked.toString());
        // whoami named the user, so the URL is a registry's root: no ping
        assertEquals(0, registry.asked.stream().filter(p -> p.endsWith("/-/ping")).count(), registry.asked.toString());
    }

    @Test
    void nothingIsSentAheadWithoutCredentialsToSend() {
        Registry registry = new Registry();
        DoctorContext context = Setup.hello(dir, REGISTRY).network(registry.network).build();

        Doctor.standard().preflight(context);

        assertTrue(registry.asked.stream().noneMatch(p -> p.endsWith("/-/whoami")), registry.asked.toString());
    }

    @Test
    void aFailureSentAheadReachesTheCheckThatAsks() throws Exception {
        Network failing = Networks.answering((uri, authorization) -> {
            throw new IOException("connection reset");
        });
        PrefetchedNetwork network = new PrefetchedNetwork(failing);
        URI whoami = URI.create(REGISTRY + "-/whoami");
        network.sendAhead(List.of(whoami), "Bearer x");

        IOException e = assertThrows(IOException.class, () -> network.get(whoami, "Bearer x"));
        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void anAnswerSentAheadIsTakenOnceAndOnlyForTheSameAuthorization() throws Exception {
        Registry registry = new Registry();
        PrefetchedNetwork network = new PrefetchedNetwork(registry.network);
        URI ping = URI.create(REGISTRY + "-/ping");
        network.sendAhead(List.of(ping), "Bearer a");

        assertEquals(200, network.get(ping, "Bearer b").status());
        assertEquals(200, network.get(ping, "Bearer a").status());
        assertEquals(200, network.get(ping, "Bearer a").status());
        assertEquals(3, registry.asked.size(), registry.asked.toString());
    }
}
