package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmreg.auth.Credentials;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpmrcContentTest {
    private static final Credentials TOKEN = new Credentials.Token("tok-123456789012", "test");

    @Test
    void aGitlabGroupRegistryAlsoGetsAnAuthLineForTheProjectLevelTarballs() {
        List<String> lines = NpmrcContent.lines(List.of(new NpmrcContent.Registry("@acme",
                URI.create("https://gitlab.example.com/api/v4/groups/7/-/packages/npm"), TOKEN, null)));
        assertEquals(List.of(
                "@acme:registry=https://gitlab.example.com/api/v4/groups/7/-/packages/npm/",
                "//gitlab.example.com/api/v4/groups/7/-/packages/npm/:_authToken=tok-123456789012",
                "//gitlab.example.com/api/v4/projects/:_authToken=tok-123456789012"), lines);
    }

    @Test
    void aProjectRegistryNeedsNoExtraLineAndVariablesReplaceSecrets() {
        List<String> lines = NpmrcContent.lines(List.of(new NpmrcContent.Registry("@acme",
                URI.create("https://gitlab.example.com:443/api/v4/projects/42/packages/npm/"), TOKEN, "CI_JOB_TOKEN")));
        assertEquals(List.of(
                "@acme:registry=https://gitlab.example.com/api/v4/projects/42/packages/npm/",
                "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=${CI_JOB_TOKEN}"), lines);
    }

    @Test
    void repeatedLinesAreWrittenOnce() {
        URI url = URI.create("https://npm.example.com/");
        List<String> lines = NpmrcContent.lines(List.of(new NpmrcContent.Registry("@a", url, TOKEN, null),
                new NpmrcContent.Registry("@b", url, TOKEN, null)));
        assertEquals(List.of("@a:registry=https://npm.example.com/", "//npm.example.com/:_authToken=tok-123456789012",
                "@b:registry=https://npm.example.com/"), lines);
    }

    private static Release release(java.util.Map<String, String> env, String registry) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("/p");
        return PublishPlanner.plan(PublishSettings.builder(dir, dir.resolve("package.json"),
                (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}")).registry(registry).env(env).build());
    }

    @Test
    void theTokenVariableIsTheOneTheCredentialsCameFrom() throws Exception {
        java.util.Map<String, String> ci = java.util.Map.of("GITLAB_CI", "true", "CI_API_V4_URL",
                "https://gitlab.example.com/api/v4", "CI_PROJECT_ID", "42", "CI_JOB_TOKEN", "job-token-abcdef123456");
        List<NpmrcContent.Registry> jobToken = NpmrcContent.forRelease(release(ci, null), null, true);
        assertEquals("CI_JOB_TOKEN", jobToken.get(0).secretVariable());
        List<NpmrcContent.Registry> node = NpmrcContent.forRelease(release(java.util.Map.of("NODE_AUTH_TOKEN",
                "node-token-abcdef1234"), "https://npm.example.com/"), null, true);
        assertEquals("NODE_AUTH_TOKEN", node.get(0).secretVariable());
        assertEquals(null, NpmrcContent.forRelease(release(java.util.Map.of("NPM_TOKEN", "npm-token-abcdef1234"),
                "https://npm.example.com/"), null, false).get(0).secretVariable(), "the secret itself when asked");
    }

    @Test
    void npmsDefaultRegistryGetsNoLinesAndAGroupInstallUrlGetsBoth() throws Exception {
        assertEquals(List.of(), NpmrcContent.forRelease(release(java.util.Map.of(), null), null, true));
        List<NpmrcContent.Registry> both = NpmrcContent.forRelease(release(java.util.Map.of("NPM_TOKEN", "t-abcdef123456"),
                        "https://gitlab.example.com/api/v4/projects/42/packages/npm/"),
                new io.github.npmreg.gitlab.GitLabShorthand("https://gitlab.example.com", "42", "acme", false), true);
        assertEquals(List.of(URI.create("https://gitlab.example.com/api/v4/groups/acme/-/packages/npm/"),
                URI.create("https://gitlab.example.com/api/v4/projects/42/packages/npm/")),
                both.stream().map(NpmrcContent.Registry::url).toList());
        assertEquals("@acme", both.get(0).scope());
        assertEquals(null, both.get(1).scope());
    }

    @Test
    void theLogShowsNoSecretButShowsVariables() {
        assertEquals("//h/:_authToken=(secret)", NpmrcContent.forLog("//h/:_authToken=tok-123456789012"));
        assertEquals("//h/:_auth=(secret)", NpmrcContent.forLog("//h/:_auth=dXNlcjpwYXNz"));
        assertEquals("//h/:_authToken=${CI_JOB_TOKEN}", NpmrcContent.forLog("//h/:_authToken=${CI_JOB_TOKEN}"));
        assertEquals("@acme:registry=https://h/", NpmrcContent.forLog("@acme:registry=https://h/"));
    }
}
