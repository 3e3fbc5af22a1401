package io.github.npmreg.doctor;

import static io.github.npmreg.doctor.Setup.GITLAB;
import static io.github.npmreg.doctor.Setup.gitlabCi;
import static io.github.npmreg.doctor.Setup.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiCheckTest {
    private static final String NPMJS = "https://registry.npmjs.org/";
    private static final String JOB_TOKEN = "glcbt-64_jobtokenjobtoken1234";
    private final CiCheck check = new CiCheck();
    @TempDir
    Path dir;

    private List<String> run(DoctorContext.Builder setup) {
        return problems(check.run(setup.build()));
    }

    private DoctorContext.Builder job(String registry, String... env) {
        return Setup.hello(dir, registry).environment(gitlabCi(env))
                .credentials(new Credentials.Token(JOB_TOKEN, "GitLab CI job token (CI_JOB_TOKEN)"));
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void aConsistentJobPasses() {
        assertEquals(List.of(), run(job(GITLAB)));
        assertEquals(Status.PASS, Setup.only(check.run(job(GITLAB).build())).status());
    }

    @Test
    void outsideCiThereIsNothingToCheck() {
        assertEquals(List.of(), run(Setup.hello(dir, NPMJS).environment(Map.of())));
    }

    @Test
    void ciVariableMissing() {
        assertEquals(List.of(FindingKind.CI_VARIABLE_MISSING.id()), run(job(GITLAB, "CI_PROJECT_ID", null)));
    }

    @Test
    void jobTokenSentToAnotherServer() {
        assertEquals(List.of(FindingKind.CI_REGISTRY_OTHER_SERVER.id()),
                run(job("https://gitlab.other.org/api/v4/projects/42/packages/npm/")));
    }

    @Test
    void jobTokenPublishingToAnotherProject() {
        Finding f = Setup.only(check.run(job("https://gitlab.example.com/api/v4/projects/99/packages/npm/").build()));
        assertEquals(FindingKind.CI_JOB_TOKEN_OTHER_PROJECT.id(), f.id());
        assertEquals(Status.WARN, f.status());
    }

    @Test
    void scopeIsNotTheRootNamespace() {
        assertEquals(List.of(FindingKind.GITLAB_SCOPE_NOT_ROOT_NAMESPACE.id()),
                run(job(GITLAB, "CI_PROJECT_ROOT_NAMESPACE", "other", "CI_PROJECT_PATH", "other/hello")));
    }

    @Test
    void requireTagInABranchPipeline() {
        assertEquals(List.of(FindingKind.RELEASE_TAG_MISSING.id()), run(job(GITLAB).requireTag(true)));
        assertEquals(List.of(), run(job(GITLAB, "CI_COMMIT_TAG", "v1.0.0").requireTag(true)));
    }

    @Test
    void tagNamesAnotherVersion() {
        Finding f = Setup.only(check.run(job(GITLAB, "CI_COMMIT_TAG", "v1.0.1").requireTag(true).build()));
        assertEquals(FindingKind.RELEASE_TAG_VERSION_MISMATCH.id(), f.id());
        assertTrue(f.fix().contains("\"version\": \"1.0.1\""), f.fix());
    }

    private DoctorContext.Builder trusted(String... env) {
        return Setup.hello(dir, NPMJS).environment(gitlabCi(env)).credentials(Credentials.none())
                .trustedPublishing(true);
    }

    private static String claims(String aud, long exp, String runner) {
        return jwt("{\"aud\":\"" + aud + "\",\"exp\":" + exp + ",\"namespace_path\":\"acme\",\"project_path\":"
                + "\"acme/hello\",\"runner_environment\":\"" + runner + "\"}");
    }

    private static final long LATER = Setup.NOW.getEpochSecond() + 300;

    @Test
    void trustedPublishingWithAGoodIdTokenPasses() {
        List<Finding> findings = check.run(trusted("NPM_ID_TOKEN", claims("npm:registry.npmjs.org", LATER,
                "gitlab-hosted")).build());
        assertEquals(List.of(), problems(findings));
        assertTrue(findings.get(0).evidence().contains("namespace acme, project hello"), findings.toString());
    }

    @Test
    void idTokenMissing() {
        assertEquals(List.of(FindingKind.ID_TOKEN_MISSING.id()), run(trusted()));
    }

    @Test
    void idTokenNotAJwt() {
        assertEquals(List.of(FindingKind.ID_TOKEN_UNREADABLE.id()), run(trusted("NPM_ID_TOKEN", "not-a-jwt")));
    }

    @Test
    void idTokenWrongAudience() {
        Finding f = Setup.only(check.run(trusted("NPM_ID_TOKEN", claims("sigstore", LATER, "gitlab-hosted"))
                .build()));
        assertEquals(FindingKind.ID_TOKEN_AUDIENCE_MISMATCH.id(), f.id());
        assertEquals("id_tokens: { NPM_ID_TOKEN: { aud: \"npm:registry.npmjs.org\" } }", f.fix());
    }

    @Test
    void idTokenExpired() {
        assertEquals(List.of(FindingKind.ID_TOKEN_EXPIRED.id()), run(trusted("NPM_ID_TOKEN",
                claims("npm:registry.npmjs.org", Setup.NOW.getEpochSecond() - 1, "gitlab-hosted"))));
    }

    @Test
    void idTokenFromASelfHostedRunner() {
        assertEquals(List.of(FindingKind.ID_TOKEN_SELF_HOSTED_RUNNER.id()), run(trusted("NPM_ID_TOKEN",
                claims("npm:registry.npmjs.org", LATER, "self-hosted"))));
    }

    @Test
    void provenanceWithoutSigstoreToken() {
        String good = claims("npm:registry.npmjs.org", LATER, "gitlab-hosted");
        assertEquals(List.of(FindingKind.SIGSTORE_ID_TOKEN_MISSING.id()),
                run(trusted("NPM_ID_TOKEN", good).provenance(true)));
        assertEquals(List.of(), run(trusted("NPM_ID_TOKEN", good, "SIGSTORE_ID_TOKEN", good).provenance(true)));
    }
}
