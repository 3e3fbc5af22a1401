package io.github.npmreg.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.BuildLog;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import io.github.npmreg.sigstore.Dsse;
import io.github.npmreg.sigstore.KeylessSigner;
import io.github.npmreg.testing.GitLabJobEnv;
import io.github.npmreg.testing.IdTokens;
import io.github.npmreg.testing.SigstoreJs;
import io.github.npmreg.testing.TestSigstore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * npm's own statement as the oracle: libnpmpublish's {@code generateProvenance} (from the npm 12 the build installs)
 * runs under Node 24 with the same CI variables against the in-test Fulcio and Rekor; the statement it signed is
 * compared with the plugin's field by field, in key order and byte for byte. npm's bundle and the plugin's are
 * also compared in shape (the same JSON paths), and both verify with sigstore-js.
 */
class GitLabStatementNpmParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestSigstore sigstore;
    private static RegistryClient client;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        sigstore = TestSigstore.start();
        client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT));
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "sigstore-tests",
                "parity-" + System.nanoTime()));
    }

    @AfterAll
    static void stop() {
        client.close();
        sigstore.close();
    }

    /** npm's bundle for these variables; SIGSTORE_ID_TOKEN is added as a job would have it. */
    private static JsonNode npmBundle(Map<String, String> ci, Subject subject) {
        Map<String, String> env = new LinkedHashMap<>(ci);
        env.put("SIGSTORE_ID_TOKEN", IdTokens.gitlab("sigstore"));
        SigstoreJs.Result r = SigstoreJs.generateProvenance(env, subject.name(), subject.sha512Hex(), sigstore.url(),
                sigstore.url());
        assertEquals(0, r.exitCode(), "npm's generateProvenance failed:\n" + r.stderr());
        JsonNode out = r.json();
        assertTrue(out.get("npm").asText().startsWith("12."), "npm 12 is the oracle: " + out.get("npm"));
        return out.get("bundle");
    }

    private static byte[] payload(JsonNode bundle) {
        return Base64.getDecoder().decode(bundle.at("/dsseEnvelope/payload").asText());
    }

    private void assertSameStatement(Map<String, String> ci, Subject subject) throws Exception {
        JsonNode npm = npmBundle(ci, subject);
        byte[] npmPayload = payload(npm);
        var ours = GitLabStatement.build(List.of(subject), ci);
        List<String> differences = new ArrayList<>();
        compare("", JSON.readTree(npmPayload), ours, differences);
        assertEquals(List.of(), differences, "the plugin's statement differs from npm's");
        assertArrayEquals(npmPayload, GitLabStatement.payload(ours), () -> "payload bytes differ:\nnpm:  "
                + new String(npmPayload, StandardCharsets.UTF_8) + "\nours: "
                + new String(GitLabStatement.payload(ours), StandardCharsets.UTF_8));
        assertEquals(Dsse.IN_TOTO_PAYLOAD_TYPE, npm.at("/dsseEnvelope/payloadType").asText());
    }

    @Test
    void tagPipelineStatementEqualsNpms() throws Exception {
        assertSameStatement(GitLabJobEnv.tagPipeline(), Subject.of("@acme/web", "1.0.0", "ab".repeat(64)));
    }

    @Test
    void branchPipelineWithFewVariablesEqualsNpms() throws Exception {
        // A minimal job: most variables unset (left out, or 'undefined' where npm uses a template string).
        Map<String, String> ci = new LinkedHashMap<>();
        ci.put("GITLAB_CI", "true");
        ci.put("CI_COMMIT_BRANCH", "main");
        ci.put("CI_JOB_NAME", "release job");
        ci.put("CI_PROJECT_PATH", "acme/sub/web");
        assertSameStatement(ci, Subject.of("plain-name", "2.0.0-rc.1", "cd".repeat(64)));
    }

    @Test
    void bundlesHaveTheSameShapeAndBothVerify() throws Exception {
        Map<String, String> ci = GitLabJobEnv.tagPipeline();
        Path tarball = work.resolve("web-1.0.0.tgz");
        Files.writeString(tarball, "tarball bytes");
        String sha512 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512")
                .digest(Files.readAllBytes(tarball)));
        Subject subject = Subject.of("@acme/web", "1.0.0", sha512);
        JsonNode npm = npmBundle(ci, subject);
        KeylessSigner signer = new KeylessSigner(client.http(), new KeylessSigner.Services(sigstore.url(),
                sigstore.url()), d -> { }, "npmreg-test");
        JsonNode ours = signer.attest(GitLabStatement.payload(GitLabStatement.build(List.of(subject), ci)),
                Dsse.IN_TOTO_PAYLOAD_TYPE, IdTokens.gitlab("sigstore"), "project_path:acme/web:ref_type:tag:ref:v1.0.0")
                .bundle();
        assertEquals(paths("", npm), paths("", ours), "npm's bundle and the plugin's have different fields");
        Path root = work.resolve("trusted_root.json");
        Files.writeString(root, sigstore.trustedRoot().toString());
        for (JsonNode bundle : List.of(npm, ours)) {
            Path file = work.resolve("bundle-" + System.nanoTime() + ".json");
            Files.writeString(file, bundle.toString());
            SigstoreJs.Result r = SigstoreJs.verify(file, root, tarball, subject.name(), null);
            assertEquals(0, r.exitCode(), r.stdout());
        }
    }

    /** Every difference as a path: missing or extra keys, other values, other key order. */
    private static void compare(String path, JsonNode npm, JsonNode ours, List<String> out) {
        if (npm.isObject() && ours.isObject()) {
            List<String> npmKeys = new ArrayList<>();
            npm.fieldNames().forEachRemaining(npmKeys::add);
            List<String> ourKeys = new ArrayList<>();
            ours.fieldNames().forEachRemaining(ourKeys::add);
            if (!npmKeys.equals(ourKeys)) {
                out.add(path + ": keys npm " + npmKeys + ", ours " + ourKeys);
            }
            for (String k : npmKeys) {
                if (ours.has(k)) {
                    compare(path + "/" + k, npm.get(k), ours.get(k), out);
                }
            }
        } else if (npm.isArray() && ours.isArray() && npm.size() == ours.size()) {
            for (int i = 0; i < npm.size(); i++) {
                compare(path + "/" + i, npm.get(i), ours.get(i), out);
            }
        } else if (!npm.equals(ours)) {
            out.add(path + ": npm " + npm + ", ours " + ours);
        }
    }

    private static List<String> paths(String prefix, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(prefix + "/" + k);
                out.addAll(paths(prefix + "/" + k, node.get(k)));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            out.addAll(paths(prefix + "/0", node.get(0)));
        }
        return out;
    }
}
