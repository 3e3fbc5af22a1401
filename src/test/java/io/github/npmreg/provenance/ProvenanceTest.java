package io.github.npmreg.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import io.github.npmreg.sigstore.KeylessSigner;
import io.github.npmreg.sigstore.SigstoreException;
import io.github.npmreg.testing.GitLabJobEnv;
import io.github.npmreg.testing.IdTokens;
import io.github.npmreg.registry.RecordingLog;
import io.github.npmreg.testing.TestSigstore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** npm's provenance rules and every failure explained: each case builds the broken setup. */
class ProvenanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI NPMJS = URI.create("https://registry.npmjs.org/");
    private static final String INTEGRITY = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);
    private static TestSigstore sigstore;
    private static RegistryClient client;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sigstore = TestSigstore.start();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT));
    }

    @AfterAll
    static void stop() {
        client.close();
        sigstore.close();
    }

    private static Map<String, String> job(String sigstoreToken) {
        Map<String, String> env = new LinkedHashMap<>(GitLabJobEnv.tagPipeline());
        env.put("NPM_ID_TOKEN", IdTokens.gitlab("npm:registry.npmjs.org"));
        if (sigstoreToken != null) {
            env.put("SIGSTORE_ID_TOKEN", sigstoreToken);
        }
        return env;
    }

    private static Provenance.Request request(Map<String, String> env, ProvenanceMode mode, URI registry,
            String repository, KeylessSigner.Services services, Path file, boolean dryRun) {
        return new Provenance.Request("@acme/web", "1.0.0", INTEGRITY, env, mode, file, "public", registry,
                repository, true, services, dryRun, Instant.now());
    }

    private static Provenance.Request request(Map<String, String> env, ProvenanceMode mode) {
        return request(env, mode, NPMJS, "git+https://gitlab.com/acme/web.git", local(), null, false);
    }

    private static KeylessSigner.Services local() {
        return new KeylessSigner.Services(sigstore.url(), sigstore.url());
    }

    private static Optional<Provenance.Attachment> prepare(Provenance.Request r, RecordingLog log, Boolean visible) {
        return new Provenance(log).prepare(r, () -> Optional.ofNullable(visible), () -> false,
                () -> new KeylessSigner(client.http(), r.services(), d -> { }, "npmreg-test"));
    }

    private static NpmregException fails(Provenance.Request r) {
        return assertThrows(NpmregException.class, () -> prepare(r, new RecordingLog(), true));
    }

    @Test
    void trueSignsAndReturnsNpmsAttachment() throws Exception {
        RecordingLog log = new RecordingLog();
        Provenance.Attachment a = prepare(request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE), log, true)
                .orElseThrow();
        assertEquals("@acme/web-1.0.0.sigstore", a.fileName());
        assertEquals("application/vnd.dev.sigstore.bundle.v0.3+json", a.contentType());
        JsonNode bundle = JSON.readTree(a.data());
        assertEquals(a.data(), bundle.toString(), "compact JSON, as JSON.stringify writes it");
        String logIndex = bundle.at("/verificationMaterial/tlogEntries/0/logIndex").asText();
        assertEquals(sigstore.url() + "/api/v1/log/entries?logIndex=" + logIndex, a.entryUrl().toString());
        assertTrue(log.all().contains("Provenance statement published to transparency log: " + a.entryUrl()));
    }

    @Test
    void missingSigstoreTokenFailsWithNpmsMessage() {
        NpmregException e = fails(request(job(null), ProvenanceMode.TRUE));
        assertTrue(e.problem().startsWith("Provenance generation in GitLab CI requires \"SIGSTORE_ID_TOKEN\" with"
                + " \"sigstore\" audience to be present in \"id_tokens\"."), e.problem());
        assertTrue(e.fix().contains("SIGSTORE_ID_TOKEN: { aud: sigstore }"), e.fix());
    }

    @Test
    void wrongAudienceFailsBeforeFulcioIsAsked() {
        int before = sigstore.requests().size();
        Provenance.Request r = request(job(IdTokens.gitlab("npm:registry.npmjs.org")), ProvenanceMode.TRUE, NPMJS,
                "git+https://gitlab.com/acme/web.git", KeylessSigner.Services.PUBLIC, null, false);
        NpmregException e = fails(r);
        assertTrue(e.problem().contains("audience npm:registry.npmjs.org"), e.problem());
        assertTrue(e.fix().contains("aud: sigstore"), e.fix());
        assertEquals(before, sigstore.requests().size());
    }

    @Test
    void wrongAudienceRefusedByAPrivateFulcioIsExplainedWithTheClaims() {
        Map<String, String> env = job(IdTokens.gitlab("sigstore-internal"));
        RecordingLog log = new RecordingLog();
        SigstoreException e = assertThrows(SigstoreException.class,
                () -> prepare(request(env, ProvenanceMode.TRUE), log, true));
        assertEquals(SigstoreException.Service.FULCIO, e.service());
        assertEquals(401, e.status());
        assertTrue(e.problem().contains("There was an error processing the identity token"), e.problem());
        assertTrue(e.problem().contains("aud sigstore-internal (Fulcio wants sigstore)"), e.problem());
        assertTrue(e.fix().contains("aud: sigstore"), e.fix());
        assertTrue(log.all().contains("audience sigstore-internal"), "warned before signing: " + log.all());
        assertFalse(e.getMessage().contains(env.get("SIGSTORE_ID_TOKEN")), "the token is never in a message");
    }

    @Test
    void expiredTokenFails() {
        String expired = IdTokens.gitlab("sigstore", Instant.now().minusSeconds(90), Map.of());
        NpmregException e = fails(request(job(expired), ProvenanceMode.TRUE));
        assertTrue(e.problem().startsWith("SIGSTORE_ID_TOKEN expired at "), e.problem());
        assertTrue(e.fix().contains("timeout"), e.fix());
    }

    @Test
    void repositoryUrlNotMatchingTheProjectFailsForNpmjsWithBothValues() {
        Provenance.Request r = request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE, NPMJS,
                "git+https://github.com/acme/web.git", local(), null, false);
        NpmregException e = fails(r);
        assertTrue(e.problem().contains("\"git+https://github.com/acme/web.git\""), e.problem());
        assertTrue(e.problem().contains("CI_PROJECT_URL=\"https://gitlab.com/acme/web\""), e.problem());
        assertTrue(e.fix().contains("\"url\": \"git+https://gitlab.com/acme/web.git\""), e.fix());
    }

    @Test
    void repositoryUrlMismatchOnlyWarnsForOtherRegistries() {
        RecordingLog log = new RecordingLog();
        Provenance.Request r = request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE,
                URI.create("https://npm.example.com/"), null, local(), null, false);
        assertTrue(prepare(r, log, true).isPresent());
        assertTrue(log.all().contains("WARN Provenance: package.json has no repository.url"), log.all());
    }

    @Test
    void selfHostedRunnerFailsForNpmjs() {
        String token = IdTokens.gitlab("sigstore", Instant.now().plusSeconds(300),
                Map.of("runner_environment", "self-hosted"));
        NpmregException e = fails(request(job(token), ProvenanceMode.TRUE));
        assertTrue(e.problem().contains("runner_environment=self-hosted"), e.problem());
        assertTrue(e.problem().contains("GitLab.com's hosted runners"), e.problem());
    }

    @Test
    void aNewOrPrivatePackageNeedsPublicAccess() {
        Provenance.Request r = new Provenance.Request("@acme/web", "1.0.0", INTEGRITY,
                job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE, null, null, NPMJS,
                "git+https://gitlab.com/acme/web.git", true, local(), false, Instant.now());
        NpmregException e = assertThrows(NpmregException.class, () -> prepare(r, new RecordingLog(), null));
        assertTrue(e.problem().startsWith("Can't generate provenance for new or private package, you must set"
                + " `access` to public."), e.problem());
        assertTrue(e.problem().contains("visibility 404"), e.problem());
    }

    @Test
    void outsideGitLabCiTrueFails() {
        NpmregException e = fails(request(Map.of("CI", "true"), ProvenanceMode.TRUE));
        assertTrue(e.problem().contains("GITLAB_CI is not set"), e.problem());
    }

    @Test
    void automaticRuleFollowsNpm() {
        // All conditions hold: on.
        assertTrue(prepare(request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.AUTO), new RecordingLog(), true)
                .isPresent());
        // Package not public: off, said once.
        RecordingLog log = new RecordingLog();
        assertTrue(prepare(request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.AUTO), log, false).isEmpty());
        assertTrue(log.all().contains("Provenance: off"), log.all());
        // Private project (NPM_ID_TOKEN claim): off, and the visibility is never asked.
        Map<String, String> env = job(IdTokens.gitlab("sigstore"));
        env.put("NPM_ID_TOKEN", IdTokens.gitlab("npm:registry.npmjs.org", Instant.now().plusSeconds(300),
                Map.of("project_visibility", "private")));
        AtomicInteger asked = new AtomicInteger();
        Provenance.Request r = request(env, ProvenanceMode.AUTO);
        assertTrue(new Provenance(new RecordingLog()).prepare(r, () -> {
            asked.incrementAndGet();
            return Optional.of(true);
        }, () -> false, () -> { throw new AssertionError("no signer"); }).isEmpty());
        assertEquals(0, asked.get());
        // No SIGSTORE_ID_TOKEN: off.
        assertTrue(prepare(request(job(null), ProvenanceMode.AUTO), new RecordingLog(), true).isEmpty());
        // No trusted publishing: off, silently.
        RecordingLog quiet = new RecordingLog();
        Provenance.Request token = new Provenance.Request("@acme/web", "1.0.0", INTEGRITY,
                job(IdTokens.gitlab("sigstore")), ProvenanceMode.AUTO, null, "public", NPMJS, null, false, local(),
                false, Instant.now());
        assertTrue(prepare(token, quiet, true).isEmpty());
        assertEquals("", quiet.all());
    }

    @Test
    void falseNeverSigns() {
        assertTrue(new Provenance(new RecordingLog()).prepare(request(job(IdTokens.gitlab("sigstore")),
                ProvenanceMode.FALSE), () -> { throw new AssertionError(); }, () -> false,
                () -> { throw new AssertionError(); }).isEmpty());
    }

    @Test
    void rekorRefusingIsExplained() {
        sigstore.failNext("/api/v1/log/entries", 503, 3, "{\"code\":503,\"message\":\"rekor is down\"}");
        SigstoreException e = assertThrows(SigstoreException.class,
                () -> prepare(request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE), new RecordingLog(), true));
        assertEquals(SigstoreException.Service.REKOR, e.service());
        assertEquals(503, e.status());
        assertTrue(e.problem().contains("rekor is down"), e.problem());
        assertTrue(e.fix().contains("provenance=false"), e.fix());
    }

    @Test
    void rekorRetriesAFailingAnswer() {
        sigstore.failNext("/api/v1/log/entries", 502, 1, "{\"code\":502,\"message\":\"bad gateway\"}");
        assertTrue(prepare(request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE), new RecordingLog(), true)
                .isPresent());
    }

    @Test
    void provenanceAndProvenanceFileExcludeEachOther() throws Exception {
        Path file = Files.writeString(tmp.resolve("b.sigstore"), "{}");
        Provenance.Request r = request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE, NPMJS, null, local(),
                file, false);
        NpmregException e = fails(r);
        assertTrue(e.problem().startsWith("provenance and provenanceFile cannot be used together"), e.problem());
    }

    @Test
    void provenanceFileIsCheckedAgainstTheTarball() throws Exception {
        Provenance.Attachment signed = prepare(request(job(IdTokens.gitlab("sigstore")), ProvenanceMode.TRUE),
                new RecordingLog(), true).orElseThrow();
        Path file = Files.writeString(tmp.resolve("made-elsewhere.sigstore"),
                JSON.readTree(signed.data()).toPrettyString());
        Provenance.Attachment attached = prepare(request(job(null), ProvenanceMode.AUTO, NPMJS, null, local(), file,
                false), new RecordingLog(), true).orElseThrow();
        assertEquals(signed.data(), attached.data(), "attached as JSON.stringify of the file");
        assertEquals(signed.contentType(), attached.contentType());

        Provenance.Request otherTarball = new Provenance.Request("@acme/web", "1.0.0", "sha512-"
                + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), job(null), ProvenanceMode.AUTO, file,
                "public", NPMJS, null, true, local(), false, Instant.now());
        NpmregException e = fails(otherTarball);
        assertTrue(e.problem().contains("Provenance subject digest does not match the package"), e.problem());

        Provenance.Request otherName = new Provenance.Request("@acme/other", "1.0.0", INTEGRITY, job(null),
                ProvenanceMode.AUTO, file, "public", NPMJS, null, true, local(), false, Instant.now());
        e = fails(otherName);
        assertTrue(e.problem().contains("Provenance subject pkg:npm/%40acme/web@1.0.0 does not match the package:"
                + " pkg:npm/%40acme/other@1.0.0"), e.problem());

        ObjectNode tampered = (ObjectNode) JSON.readTree(signed.data());
        ObjectNode envelope = (ObjectNode) tampered.get("dsseEnvelope");
        String statement = new String(Base64.getDecoder().decode(envelope.get("payload").asText()),
                StandardCharsets.UTF_8).replace("publish-npm", "publish-evil");
        envelope.put("payload", Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(file, tampered.toString());
        e = fails(request(job(null), ProvenanceMode.AUTO, NPMJS, null, local(), file, false));
        assertTrue(e.problem().contains("does not verify with the bundle's certificate"), e.problem());
    }
}
