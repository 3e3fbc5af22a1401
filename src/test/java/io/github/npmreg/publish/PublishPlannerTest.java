package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishPlannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> GITLAB_CI = Map.of("GITLAB_CI", "true",
            "CI_API_V4_URL", "https://gitlab.example.com/api/v4", "CI_PROJECT_ID", "42",
            "CI_JOB_TOKEN", "job-token-value-123456", "CI_PROJECT_ROOT_NAMESPACE", "acme");

    @TempDir
    Path dir;

    private ObjectNode manifest(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private PublishSettings settings(ObjectNode manifest, String registry, Optional<ServerCredentials> server,
            Map<String, String> env, String tag, String access, NpmConfig npmrc) {
        return new PublishSettings(dir, dir.resolve("package.json"), manifest, registry, server, npmrc, env, tag,
                access, null, false, false, false, null, false);
    }

    private PublishSettings settings(ObjectNode manifest, Map<String, String> env) {
        return settings(manifest, null, Optional.empty(), env, null, null, NpmConfig.of());
    }

    @Test
    void gitlabCiWithNothingConfiguredPublishesToTheProjectWithTheJobToken() throws Exception {
        PublishPlan plan = PublishPlanner.plan(settings(manifest("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}"), GITLAB_CI));
        assertEquals("https://gitlab.example.com/api/v4/projects/42/packages/npm/", plan.registry().url().toString());
        assertTrue(plan.registry().reason().contains("GitLab CI"));
        Credentials.Token token = assertInstanceOf(Credentials.Token.class, plan.credentials());
        assertEquals("job-token-value-123456", token.token());
        assertEquals("latest", plan.tag());
    }

    @Test
    void aSettingsServerBeatsTheJobToken() throws Exception {
        PublishPlan plan = PublishPlanner.plan(settings(manifest("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}"), null,
                Optional.of(new ServerCredentials("gitlab", null, "glpat-abcdefghijklmnop")), GITLAB_CI, null, null,
                NpmConfig.of()));
        assertEquals("settings.xml server 'gitlab'", plan.credentials().source());
    }

    @Test
    void theJobTokenIsNotSentToAnotherHost() throws Exception {
        PublishPlan plan = PublishPlanner.plan(settings(manifest("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}"),
                "https://npm.other.example/", Optional.empty(), GITLAB_CI, null, null, NpmConfig.of()));
        assertInstanceOf(Credentials.None.class, plan.credentials());
    }

    @Test
    void trustedPublishingKeepsNpmjsAndWaitsForTheExchange() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(GITLAB_CI);
        env.put("NPM_ID_TOKEN", "a.b.c");
        PublishPlan plan = PublishPlanner.plan(settings(manifest("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}"), env));
        assertEquals("https://registry.npmjs.org/", plan.registry().url().toString());
        assertTrue(plan.trustedPublishing());
    }

    @Test
    void aGroupLevelUrlIsRefusedBeforeAnythingIsSent() throws Exception {
        NpmregException e = assertThrows(NpmregException.class, () -> PublishPlanner.plan(settings(
                manifest("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}"),
                "https://gitlab.example.com/api/v4/groups/7/-/packages/npm/", Optional.empty(), Map.of(), null, null,
                NpmConfig.of())));
        assertTrue(e.getMessage().contains("project"), e.getMessage());
    }

    @Test
    void aPrereleaseNeedsATagAsInNpm() throws Exception {
        NpmregException e = assertThrows(NpmregException.class, () -> PublishPlanner.plan(
                settings(manifest("{\"name\":\"x\",\"version\":\"2.0.0-rc.1\"}"), Map.of())));
        assertTrue(e.fix().contains("npmreg.tag"), e.fix());
        assertEquals("next", PublishPlanner.plan(settings(manifest("{\"name\":\"x\",\"version\":\"2.0.0-rc.1\"}"), null,
                Optional.empty(), Map.of(), "next", null, NpmConfig.of())).tag());
        assertEquals("beta", PublishPlanner.plan(settings(manifest(
                "{\"name\":\"x\",\"version\":\"2.0.0-rc.1\",\"publishConfig\":{\"tag\":\"beta\"}}"), Map.of())).tag());
    }

    @Test
    void aVersionLikeTagIsRefused() throws Exception {
        assertThrows(NpmregException.class, () -> PublishPlanner.plan(settings(
                manifest("{\"name\":\"x\",\"version\":\"1.0.0\"}"), null, Optional.empty(), Map.of(), "1.2.3", null,
                NpmConfig.of())));
    }

    @Test
    void accessRules() throws Exception {
        assertNull(PublishPlanner.plan(settings(manifest("{\"name\":\"x\",\"version\":\"1.0.0\"}"), Map.of())).access());
        assertEquals("restricted", PublishPlanner.plan(settings(manifest("{\"name\":\"@s/x\",\"version\":\"1.0.0\"}"),
                null, Optional.empty(), Map.of(), null, "private", NpmConfig.of())).access());
        assertEquals("public", PublishPlanner.plan(settings(manifest(
                "{\"name\":\"@s/x\",\"version\":\"1.0.0\",\"publishConfig\":{\"access\":\"public\"}}"), Map.of())).access());
        NpmregException e = assertThrows(NpmregException.class, () -> PublishPlanner.plan(settings(
                manifest("{\"name\":\"x\",\"version\":\"1.0.0\"}"), null, Optional.empty(), Map.of(), null, "restricted",
                NpmConfig.of())));
        assertTrue(e.getMessage().contains("EUNSCOPED"), e.getMessage());
    }

    @Test
    void credentialsOverPlainHttpToARemoteHostAreWarnedAbout() throws Exception {
        PublishPlan plan = PublishPlanner.plan(settings(manifest("{\"name\":\"x\",\"version\":\"1.0.0\"}"),
                "http://npm.example.com/", Optional.of(new ServerCredentials("s", null, "token-abcdefghijkl")), Map.of(),
                null, null, NpmConfig.of()));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("plain http://")), plan.notes().toString());
        PublishPlan local = PublishPlanner.plan(settings(manifest("{\"name\":\"x\",\"version\":\"1.0.0\"}"),
                "http://127.0.0.1:4873/", Optional.of(new ServerCredentials("s", null, "token-abcdefghijkl")), Map.of(),
                null, null, NpmConfig.of()));
        assertTrue(local.notes().stream().noneMatch(n -> n.contains("plain http://")), local.notes().toString());
    }

    @Test
    void npmrcScopeLineChoosesTheRegistryAndItsAuthLine() throws Exception {
        Npmrc project = Npmrc.parse("@acme:registry=https://npm.example.com/r/\n"
                + "//npm.example.com/r/:_authToken=secret-token-value\n", dir.resolve(".npmrc"), Map.of());
        PublishPlan plan = PublishPlanner.plan(settings(manifest("{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}"), null,
                Optional.empty(), Map.of(), null, null, NpmConfig.of(project)));
        assertEquals("https://npm.example.com/r/", plan.registry().url().toString());
        assertEquals("secret-token-value", ((Credentials.Token) plan.credentials()).token());
    }
}
