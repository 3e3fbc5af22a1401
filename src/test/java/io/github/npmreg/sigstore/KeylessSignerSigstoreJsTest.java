package io.github.npmreg.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.provenance.GitLabStatement;
import io.github.npmreg.provenance.Subject;
import io.github.npmreg.BuildLog;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import io.github.npmreg.testing.GitLabJobEnv;
import io.github.npmreg.testing.IdTokens;
import io.github.npmreg.testing.SigstoreJs;
import io.github.npmreg.testing.TestSigstore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle the plugin signs, verified by sigstore-js itself against the in-test sigstore's trust root (CA chain,
 * CT log, Rekor log key): certificate chain and SCT, Rekor's signed entry timestamp, the inclusion proof against
 * the signed checkpoint, the DSSE signature, and npm's subject check against the tarball.
 */
class KeylessSignerSigstoreJsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestSigstore sigstore;
    private static RegistryClient client;
    private static Path work;

    @BeforeAll
    static void start() throws IOException {
        sigstore = TestSigstore.start();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT));
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "sigstore-tests",
                "signer-" + System.nanoTime()));
    }

    @AfterAll
    static void stop() {
        client.close();
        sigstore.close();
    }

    private KeylessSigner signer() {
        return new KeylessSigner(client.http(), new KeylessSigner.Services(sigstore.url(), sigstore.url()),
                d -> { }, "npmreg-test");
    }

    private record Signed(Path tarball, Path bundle, Path trustedRoot, String purl, ObjectNode json) {}

    private Signed sign(String name) throws Exception {
        Path tarball = work.resolve(name.replace("@", "").replace("/", "-") + ".tgz");
        Files.write(tarball, ("pretend tarball of " + name).getBytes(StandardCharsets.UTF_8));
        String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(tarball)));
        Subject subject = Subject.of(name, "1.0.0", sha512);
        byte[] payload = GitLabStatement.payload(GitLabStatement.build(List.of(subject), GitLabJobEnv.tagPipeline()));
        KeylessSigner.Attestation a = signer().attest(payload, Dsse.IN_TOTO_PAYLOAD_TYPE, IdTokens.gitlab("sigstore"),
                "project_path:acme/web:ref_type:tag:ref:v1.0.0");
        Path bundle = work.resolve(tarball.getFileName() + ".sigstore");
        Files.writeString(bundle, a.bundle().toString());
        Path root = work.resolve("trusted_root.json");
        Files.writeString(root, sigstore.trustedRoot().toString());
        return new Signed(tarball, bundle, root, subject.name(), a.bundle());
    }

    @Test
    void sigstoreJsVerifiesTheBundle() throws Exception {
        Signed s = sign("@acme/web");
        SigstoreJs.Result r = SigstoreJs.verify(s.bundle(), s.trustedRoot(), s.tarball(), s.purl(),
                "https://gitlab.com/acme/web//.gitlab-ci.yml@refs/tags/v1.0.0");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonNode out = r.json();
        assertTrue(out.get("ok").asBoolean(), r.stdout());
        assertEquals("https://gitlab.com", out.get("issuer").asText());
        assertEquals(SigstoreJs.verifyVersion(), out.get("verifier").asText());

        JsonNode tlog = s.json().at("/verificationMaterial/tlogEntries/0");
        assertEquals("dsse", tlog.at("/kindVersion/kind").asText());
        assertEquals("0.0.1", tlog.at("/kindVersion/version").asText());
        assertTrue(tlog.at("/inclusionProof/hashes").size() > 0, "the entry is not alone in the log");
        assertFalse(tlog.at("/inclusionProof/checkpoint/envelope").asText().isEmpty());
        assertEquals(SigstoreBundle.MEDIA_TYPE_V03, s.json().get("mediaType").asText());
    }

    @Test
    void aTamperedTarballFails() throws Exception {
        Signed s = sign("tampered-tarball");
        Files.write(s.tarball(), "other bytes".getBytes(StandardCharsets.UTF_8));
        SigstoreJs.Result r = SigstoreJs.verify(s.bundle(), s.trustedRoot(), s.tarball(), s.purl(), null);
        assertEquals(1, r.exitCode(), r.stdout());
        assertEquals("SUBJECT_ERROR", r.json().get("code").asText(), r.stdout());
    }

    @Test
    void aTamperedStatementFails() throws Exception {
        Signed s = sign("tampered-statement");
        ObjectNode bundle = s.json().deepCopy();
        ObjectNode envelope = (ObjectNode) bundle.get("dsseEnvelope");
        String statement = new String(Base64.getDecoder().decode(envelope.get("payload").asText()),
                StandardCharsets.UTF_8);
        envelope.put("payload", Base64.getEncoder().encodeToString(statement.replace("publish-npm", "publish-evil")
                .getBytes(StandardCharsets.UTF_8)));
        Files.writeString(s.bundle(), bundle.toString());
        SigstoreJs.Result r = SigstoreJs.verify(s.bundle(), s.trustedRoot(), s.tarball(), s.purl(), null);
        assertEquals(1, r.exitCode(), r.stdout());
        assertTrue(r.json().get("code").asText().startsWith("TLOG_BODY_ERROR")
                || r.json().get("code").asText().startsWith("SIGNATURE_ERROR"), r.stdout());
    }

    @Test
    void anotherTrustRootFails() throws Exception {
        Signed s = sign("other-root");
        try (TestSigstore other = TestSigstore.start()) {
            Path otherRoot = work.resolve("other_root.json");
            Files.writeString(otherRoot, other.trustedRoot().toString());
            SigstoreJs.Result r = SigstoreJs.verify(s.bundle(), otherRoot, s.tarball(), s.purl(), null);
            assertEquals(1, r.exitCode(), r.stdout());
            assertFalse(r.json().get("ok").asBoolean());
        }
    }
}
