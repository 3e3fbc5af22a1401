package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry answers the fixtures do not produce (a 403 whoami, no ping route, an expired PAT), from a stub server. */
class AuthenticationCheckTest {
    private static final String NPM_TOKEN = "npm_abcdefghijklmnop1234";
    private static final String PAT = "glpat-abcdefghijklmnop5678";
    @TempDir
    Path dir;

    private List<Finding> auth(StubRegistry stub, String registryPath, String token) {
        return new AuthenticationCheck().run(Setup.hello(dir, stub.base() + registryPath)
                .credentials(Setup.token(token)).network(Networks.direct()).build());
    }

    @Test
    void whoamiForbidden() {
        try (StubRegistry stub = new StubRegistry().on("/-/whoami", 403, "{\"error\":\"forbidden\"}")
                .on("/-/ping", 200, "{}")) {
            Finding f = Setup.only(auth(stub, "/", NPM_TOKEN));
            assertEquals(FindingKind.ACCESS_FORBIDDEN.id(), f.id());
            assertTrue(f.evidence().contains("403"), f.evidence());
        }
    }

    @Test
    void whoamiWithoutUserAndNoPingRoute() {
        try (StubRegistry stub = new StubRegistry().on("/npm/-/whoami", 200, "{}")) {
            List<Finding> findings = auth(stub, "/npm/", NPM_TOKEN);
            assertEquals(List.of(FindingKind.NOT_AUTHENTICATED.id(), FindingKind.REGISTRY_PING_FAILED.id()),
                    Setup.problems(findings));
            assertEquals(Status.WARN, findings.get(1).status());
            assertTrue(stub.requests.stream().allMatch(r -> r.startsWith("GET ")), stub.requests.toString());
        }
    }

    @Test
    void aWhoamiThatNamesTheUserNeedsNoPing() {
        try (StubRegistry stub = new StubRegistry().on("/npm/-/whoami", 200, "{\"username\":\"ci\"}")) {
            Finding f = Setup.only(auth(stub, "/npm/", NPM_TOKEN));
            assertEquals(Status.PASS, f.status());
            assertTrue(f.evidence().contains("'ci'"), f.evidence());
            assertEquals(1, stub.requests.size(), stub.requests.toString());
            assertTrue(stub.requests.get(0).contains("/npm/-/whoami"), stub.requests.toString());
        }
    }

    @Test
    void expiredGitLabToken() {
        try (StubRegistry stub = new StubRegistry().on("/api/v4/personal_access_tokens/self", 200,
                "{\"name\":\"ci\",\"scopes\":[\"api\"],\"expires_at\":\"2026-11-22\",\"active\":true}")) {
            Finding f = Setup.only(auth(stub, "/api/v4/projects/42/packages/npm/", PAT));
            assertEquals(FindingKind.GITLAB_TOKEN_EXPIRED.id(), f.id());
            assertTrue(f.evidence().contains("****5678") && !f.evidence().contains(PAT), f.evidence());
        }
    }

    @Test
    void gitlabWithoutTheSelfEndpoint() {
        try (StubRegistry stub = new StubRegistry()) {
            assertEquals(FindingKind.TOKEN_SCOPES_UNKNOWN.id(),
                    Setup.only(auth(stub, "/api/v4/projects/42/packages/npm/", PAT)).id());
        }
    }

    @Test
    void gitlabJobTokenIsNotAskedForScopes() {
        try (StubRegistry stub = new StubRegistry()) {
            List<Finding> findings = new AuthenticationCheck().run(Setup.hello(dir,
                    stub.base() + "/api/v4/projects/42/packages/npm/").environment(Setup.gitlabCi())
                    .credentials(Setup.token("glcbt-64_jobtokenjobtoken1234")).network(Networks.direct()).build());
            assertEquals(Status.PASS, Setup.only(findings).status());
            assertEquals(List.of(), stub.requests);
        }
    }

    @Test
    void forbiddenMetadataOnGitLab() {
        try (StubRegistry stub = new StubRegistry().on("/api/v4/projects/42/packages/npm/@acme%2fhello", 403,
                "{\"message\":\"403 Forbidden\"}")) {
            Finding f = Setup.only(new PublishingStateCheck().run(Setup.hello(dir,
                    stub.base() + "/api/v4/projects/42/packages/npm/").credentials(Setup.token(PAT))
                    .network(Networks.direct()).build()));
            assertEquals(FindingKind.ACCESS_FORBIDDEN.id(), f.id());
        }
    }
}
