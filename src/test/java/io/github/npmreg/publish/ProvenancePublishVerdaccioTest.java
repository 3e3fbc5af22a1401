package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.provenance.ProvenanceMode;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import io.github.npmreg.sigstore.KeylessSigner;
import io.github.npmreg.sigstore.SigstoreBundle;
import io.github.npmreg.testing.GitLabJobEnv;
import io.github.npmreg.testing.IdTokens;
import io.github.npmreg.registry.RecordingLog;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmjsFront;
import io.github.npmreg.testing.SigstoreJs;
import io.github.npmreg.testing.TestSigstore;
import io.github.npmreg.testing.Verdaccio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * npm's trusted-publishing scenario with both ID tokens, end to end on real parts: the plugin packs, exchanges
 * NPM_ID_TOKEN at an npmjs-like front, finds provenance on by npm's automatic rule, signs with the in-test sigstore
 * and publishes to Verdaccio. The {@code .sigstore} attachment is read from the PUT as it arrived and verified by
 * sigstore-js against the tarball Verdaccio serves back.
 */
class ProvenancePublishVerdaccioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path work;
    private static Verdaccio verdaccio;
    private static NpmjsFront front;
    private static TestSigstore sigstore;
    private static RegistryClient client;
    private static String registryToken;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "sigstore-tests",
                "publish-" + System.nanoTime()));
        verdaccio = Verdaccio.start(work.resolve("verdaccio"));
        registryToken = verdaccio.addUser(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD);
        front = NpmjsFront.start(verdaccio.url(), registryToken);
        sigstore = TestSigstore.start();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (front != null) {
            front.close();
        }
        if (verdaccio != null) {
            verdaccio.close();
        }
        if (sigstore != null) {
            sigstore.close();
        }
    }

    private record Run(PublishOutcome outcome, RecordingLog log, PackResult packed, Map<String, String> env) {}

    private Run publish(String name, String version, ProvenanceMode mode, boolean dryRun) throws Exception {
        return publish(name, version, mode, dryRun, true);
    }

    /** @param trusted npm trusted publishing through the front; else straight to Verdaccio with NPM_TOKEN */
    private Run publish(String name, String version, ProvenanceMode mode, boolean dryRun, boolean trusted)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve("pkg-" + name.replace("/", "-") + "-" + version));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"main\":\"index.js\",\"license\":\"MIT\",\"repository\":{\"type\":\"git\",\"url\":"
                + "\"git+https://gitlab.com/acme/web.git\"}}\n");
        Files.writeString(dir.resolve("index.js"), "module.exports = () => 'signed " + version + "';\n");
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("package.json").toFile());
        Path out = Files.createDirectories(dir.resolve("target"));
        PackResult packed = new Packer().pack(new PackRequest(dir, dir.resolve("package.json"), manifest, out,
                out.resolve("pack.json")));
        Map<String, String> env = new LinkedHashMap<>(GitLabJobEnv.tagPipeline());
        Instant exp = Instant.now().plusSeconds(300);
        if (trusted) {
            env.put("NPM_ID_TOKEN", IdTokens.gitlab("npm:127.0.0.1", exp, Map.of()));
        } else {
            env.put("NPM_TOKEN", registryToken);
        }
        env.put("SIGSTORE_ID_TOKEN", IdTokens.gitlab("sigstore", exp, Map.of()));
        RecordingLog log = new RecordingLog();
        client = client == null ? new RegistryClient(RegistryClientConfig.defaults("npmreg-test", log)) : client;
        PublishSettings settings = PublishSettings.builder(dir, dir.resolve("package.json"), manifest)
                .registry((trusted ? front.url() : verdaccio.url()).toString()).npmConfig(NpmConfig.of(List.of()))
                .env(env).access("public").dryRun(dryRun).build();
        Release release = PublishPlanner.plan(settings);
        assertEquals(trusted, release.trustedPublishing(), "NPM_ID_TOKEN and no other credentials: trusted publishing");
        Publisher publisher = new Publisher(client, () -> new OidcExchange(client.http(), Clock.systemUTC(), log),
                new io.github.npmreg.gitlab.BackgroundProcessing.Wait(java.time.Duration.ZERO,
                        java.time.Duration.ofSeconds(1)), Clock.systemUTC(), log);
        PublishOutcome outcome = publisher.publish(release, dir, manifest, packed, env, null, dryRun,
                new ProvenanceSettings(mode, null, new KeylessSigner.Services(sigstore.url(), sigstore.url()),
                        Clock.systemUTC()));
        assertFalse(log.all().contains(env.get("SIGSTORE_ID_TOKEN")) || log.all().contains(registryToken)
                || (trusted && log.all().contains(env.get("NPM_ID_TOKEN"))), "no token may reach the log");
        return new Run(outcome, log, packed, env);
    }

    @Test
    void trustedPublishingWithBothTokensAttachesAVerifiedBundle() throws Exception {
        int putsBefore = front.puts().size();
        Run run = publish("@acme/web", "1.0.0", ProvenanceMode.AUTO, false);
        assertEquals(PublishOutcome.Result.PUBLISHED, run.outcome().result(), run.log().all());

        JsonNode put = front.puts().get(putsBefore);
        List<String> names = new ArrayList<>();
        put.get("_attachments").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("@acme/web-1.0.0.tgz", "@acme/web-1.0.0.sigstore"), names);
        JsonNode attachment = put.at("/_attachments/@acme~1web-1.0.0.sigstore");
        assertEquals(SigstoreBundle.MEDIA_TYPE_V03, attachment.get("content_type").asText());
        assertTrue(attachment.get("data").isTextual(), "npm sends the bundle as JSON text, not base64");
        assertEquals(attachment.get("data").asText().length(), attachment.get("length").asInt());

        // The tarball as the registry serves it, and the bundle as it arrived, checked by sigstore-js.
        Path consumer = Files.createDirectories(work.resolve("consumer"));
        Files.writeString(consumer.resolve(".npmrc"), "registry=" + verdaccio.url() + "\n"
                + "//127.0.0.1:" + verdaccio.url().getPort() + "/:_authToken=" + registryToken + "\n");
        NpmCli.run(consumer, "pack", "@acme/web@1.0.0", "--registry", verdaccio.url().toString())
                .orFail("npm pack from Verdaccio");
        Path served = consumer.resolve("acme-web-1.0.0.tgz");
        assertTrue(Files.isRegularFile(served), "npm pack wrote " + served);
        Path bundle = work.resolve("arrived.sigstore");
        Files.writeString(bundle, attachment.get("data").asText());
        Path root = work.resolve("trusted_root.json");
        Files.writeString(root, sigstore.trustedRoot().toString());
        SigstoreJs.Result verdict = SigstoreJs.verify(bundle, root, served, "pkg:npm/%40acme/web@1.0.0",
                "https://gitlab.com/acme/web//.gitlab-ci.yml@refs/tags/v1.0.0");
        assertEquals(0, verdict.exitCode(), verdict.stdout() + verdict.stderr());

        String log = run.log().all();
        assertTrue(log.contains("Provenance: on (trusted publishing"), log);
        assertTrue(log.contains("Provenance statement published to transparency log: " + sigstore.url()
                + "/api/v1/log/entries?logIndex="), log);
        assertTrue(front.seen().contains("GET /-/package/@acme%2fweb/visibility"), front.seen().toString());
    }

    @Test
    void dryRunShowsTheStatementAndLogsNothingToRekor() throws Exception {
        int sigstoreRequests = sigstore.requests().size();
        Run run = publish("@acme/dry", "1.0.0", ProvenanceMode.TRUE, true);
        assertEquals(PublishOutcome.Result.DRY_RUN, run.outcome().result());
        assertEquals(sigstoreRequests, sigstore.requests().size(), "a dry run sends nothing to Fulcio or Rekor");
        String log = run.log().all();
        assertTrue(log.contains("Dry run: provenance statement that would be signed"), log);
        assertTrue(log.contains("\"buildType\" : \"https://github.com/npm/cli/gitlab/v0alpha1\""), log);
        assertTrue(log.contains("pkg:npm/%40acme/dry@1.0.0"), log);
    }

    @Test
    void aVersionAlreadyInTheRegistryIsNotSigned() throws Exception {
        publish("@acme/again", "1.0.0", ProvenanceMode.TRUE, false);
        int sigstoreRequests = sigstore.requests().size();
        try {
            publish("@acme/again", "1.0.0", ProvenanceMode.TRUE, false);
        } catch (io.github.npmreg.NpmregException expected) {
            assertTrue(expected.getMessage().contains("already"), expected.getMessage());
        }
        assertEquals(sigstoreRequests, sigstore.requests().size(), "no transparency-log entry for a refused version");
    }

    @Test
    void aRegistryThatRefusesTheBundleIsExplained() {
        // Verdaccio itself (no npmjs front): it refuses any publish with a second attachment.
        io.github.npmreg.NpmregException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.npmreg.NpmregException.class,
                () -> publish("@acme/plain", "1.0.0", ProvenanceMode.TRUE, false, false));
        assertTrue(e.problem().contains("unsupported registry call"), e.getMessage());
        assertTrue(e.problem().contains("@acme/plain-1.0.0.sigstore"), e.getMessage());
        assertTrue(e.fix().contains("npmreg.provenance=false"), e.getMessage());
    }
}
