package io.github.npmreg.doctor;

import static io.github.npmreg.doctor.Setup.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.provenance.ProvenanceMode;
import io.github.npmreg.testing.IdTokens;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's provenance findings: each built from its broken setup, and the fixed setup passes. */
class ProvenanceReadinessCheckTest {
    private static final String NPMJS = "https://registry.npmjs.org/";
    private static final String GOOD_PACKAGE = "{\"name\":\"@acme/web\",\"version\":\"1.0.0\",\"repository\":"
            + "{\"type\":\"git\",\"url\":\"git+https://gitlab.com/acme/web.git\"}}";
    private final ProvenanceReadinessCheck check = new ProvenanceReadinessCheck();
    @TempDir
    Path dir;

    private static Map<String, String> job(String sigstoreToken) {
        Map<String, String> env = new LinkedHashMap<>(Setup.gitlabCi("CI_PROJECT_URL", "https://gitlab.com/acme/web",
                "CI_SERVER_HOST", "gitlab.com"));
        env.put("NPM_ID_TOKEN", IdTokens.gitlab("npm:registry.npmjs.org", Setup.NOW.plusSeconds(300), Map.of()));
        if (sigstoreToken != null) {
            env.put("SIGSTORE_ID_TOKEN", sigstoreToken);
        }
        return env;
    }

    private static String sigstore(Map<String, String> extra) {
        return IdTokens.gitlab("sigstore", Setup.NOW.plusSeconds(300), extra);
    }

    private DoctorContext.Builder setup(String packageJson, String registry, Map<String, String> env,
            ProvenanceMode mode) {
        return Setup.of(dir, packageJson, registry).environment(env).trustedPublishing(true)
                .provenance(new DoctorContext.ProvenanceSetup(mode, false, true, "public"));
    }

    private List<String> run(DoctorContext.Builder b) {
        return problems(check.run(b.build()));
    }

    @Test
    void aReadyTrustedPublishingJobPasses() {
        List<Finding> findings = check.run(setup(GOOD_PACKAGE, NPMJS, job(sigstore(Map.of())), ProvenanceMode.AUTO)
                .build());
        assertEquals(Status.PASS, Setup.only(findings).status(), findings.toString());
    }

    @Test
    void automaticRuleOffIsASkipNotAProblem() {
        Finding f = Setup.only(check.run(setup(GOOD_PACKAGE, NPMJS, job(null), ProvenanceMode.AUTO).build()));
        assertEquals(Status.SKIPPED, f.status());
        assertTrue(f.evidence().contains("SIGSTORE_ID_TOKEN is not set"), f.evidence());
    }

    @Test
    void notInGitLabCi() {
        assertEquals(List.of(FindingKind.PROVENANCE_NOT_GITLAB_CI.id()),
                run(setup(GOOD_PACKAGE, NPMJS, Map.of("CI", "true"), ProvenanceMode.TRUE)));
    }

    @Test
    void unreadableSigstoreToken() {
        assertEquals(List.of(FindingKind.SIGSTORE_ID_TOKEN_UNREADABLE.id()),
                run(setup(GOOD_PACKAGE, NPMJS, job("not-a-jwt"), ProvenanceMode.TRUE)));
    }

    @Test
    void wrongAudience() {
        String token = IdTokens.gitlab("npm:registry.npmjs.org", Setup.NOW.plusSeconds(300), Map.of());
        assertEquals(List.of(FindingKind.SIGSTORE_ID_TOKEN_AUDIENCE_MISMATCH.id()),
                run(setup(GOOD_PACKAGE, NPMJS, job(token), ProvenanceMode.AUTO)));
    }

    @Test
    void expiredToken() {
        String token = IdTokens.gitlab("sigstore", Setup.NOW.minusSeconds(10), Map.of());
        assertEquals(List.of(FindingKind.SIGSTORE_ID_TOKEN_EXPIRED.id()),
                run(setup(GOOD_PACKAGE, NPMJS, job(token), ProvenanceMode.TRUE)));
    }

    @Test
    void selfHostedRunnerFailsForNpmjsAndWarnsElsewhere() {
        String token = sigstore(Map.of("runner_environment", "self-hosted"));
        assertEquals(List.of(FindingKind.PROVENANCE_SELF_HOSTED_RUNNER.id()),
                run(setup(GOOD_PACKAGE, NPMJS, job(token), ProvenanceMode.TRUE)));
        Finding elsewhere = Setup.only(check.run(setup(GOOD_PACKAGE, "https://npm.example.com/", job(token),
                ProvenanceMode.TRUE).build()));
        assertEquals(Status.WARN, elsewhere.status());
    }

    @Test
    void otherGitLabInstance() {
        String token = sigstore(Map.of("iss", "https://gitlab.example.com"));
        assertEquals(List.of(FindingKind.PROVENANCE_NOT_GITLAB_COM.id()),
                run(setup(GOOD_PACKAGE, NPMJS, job(token), ProvenanceMode.TRUE)));
    }

    @Test
    void repositoryMissing() {
        assertEquals(List.of(FindingKind.PROVENANCE_REPOSITORY_MISSING.id()),
                run(setup("{\"name\":\"@acme/web\",\"version\":\"1.0.0\"}", NPMJS, job(sigstore(Map.of())),
                        ProvenanceMode.TRUE)));
    }

    @Test
    void repositoryMismatchShowsBothValues() {
        Finding f = Setup.only(check.run(setup("{\"name\":\"@acme/web\",\"version\":\"1.0.0\",\"repository\":"
                + "\"github:acme/web\"}", NPMJS, job(sigstore(Map.of())), ProvenanceMode.TRUE).build()));
        assertEquals(FindingKind.PROVENANCE_REPOSITORY_MISMATCH.id(), f.id());
        assertTrue(f.evidence().contains("\"github:acme/web\"") && f.evidence().contains("https://gitlab.com/acme/web"),
                f.evidence());
        // The shorthand npm expands to the same project matches.
        assertEquals(List.of(), run(setup("{\"name\":\"@acme/web\",\"version\":\"1.0.0\",\"repository\":"
                + "\"gitlab:acme/web\"}", NPMJS, job(sigstore(Map.of())), ProvenanceMode.TRUE)));
    }

    @Test
    void privatePackageWhenTheRegistrySaysSo() {
        Network registry = Networks.answering((uri, authorization) -> {
            assertEquals("/-/package/@acme%2fweb/visibility", uri.getRawPath());
            return new Network.Answer(200, Map.of(), "{\"public\":false}");
        });
        DoctorContext.Builder b = Setup.of(dir, GOOD_PACKAGE, NPMJS).environment(job(sigstore(Map.of())))
                .trustedPublishing(true).network(registry)
                .provenance(new DoctorContext.ProvenanceSetup(ProvenanceMode.TRUE, false, true, null));
        assertEquals(List.of(FindingKind.PROVENANCE_PRIVATE_PACKAGE.id()), run(b));
    }
}
