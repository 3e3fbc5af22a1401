package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.CredentialOrigin;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.RegistryOrigin;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.gitlab.GitLabShorthand;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishPlannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-22T01:33:20Z");
    private static final Map<String, String> GITLAB_CI = Map.of("GITLAB_CI", "true",
            "CI_API_V4_URL", "https://gitlab.example.com/api/v4", "CI_PROJECT_ID", "42",
            "CI_JOB_TOKEN", "job-token-value-123456", "CI_PROJECT_ROOT_NAMESPACE", "acme");

    @TempDir
    Path dir;

    private PublishSettings.Builder settings(String json) throws Exception {
        return PublishSettings.builder(dir, dir.resolve("package.json"), (ObjectNode) JSON.readTree(json))
                .buildStart(START);
    }

    private static final String ACME = "{\"name\":\"@acme/x\",\"version\":\"1.0.0\"}";

    @Test
    void gitlabCiWithNothingConfiguredPublishesToTheProjectWithTheJobToken() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME).env(GITLAB_CI).build());
        assertEquals("https://gitlab.example.com/api/v4/projects/42/packages/npm/", release.registry().url().toString());
        assertEquals(RegistryOrigin.GITLAB_CI_PROJECT, release.registry().origin());
        assertEquals(CredentialOrigin.GITLAB_JOB_TOKEN, release.credentialOrigin());
        assertEquals("job-token-value-123456", assertInstanceOf(Credentials.Token.class, release.credentials()).token());
        assertEquals("latest", release.tag().name());
        assertEquals(DistTag.Origin.DEFAULT_LATEST, release.tag().origin());
        assertEquals(VersionOrigin.PACKAGE_JSON, release.version().origin());
    }

    @Test
    void thePomVersionIsTheReleaseVersionAndASnapshotIsMappedUnderTheSnapshotTag() throws Exception {
        Release release = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"0.0.0\"}")
                .version("1.2.0-SNAPSHOT", VersionOrigin.PROJECT_VERSION).build());
        assertEquals("1.2.0-SNAPSHOT.20261122013320", release.version().published());
        assertEquals("1.2.0-SNAPSHOT", release.version().configured());
        assertEquals(VersionOrigin.PROJECT_VERSION, release.version().origin());
        assertTrue(release.version().snapshot());
        assertEquals(new DistTag("snapshot", DistTag.Origin.SNAPSHOT_DEFAULT), release.tag());
        assertTrue(release.problems().isEmpty(), release.problems().toString());
        Release plain = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"0.0.0\"}")
                .version("1.2", VersionOrigin.VERSION_PARAMETER).build());
        assertEquals("1.2.0", plain.version().published());
        assertEquals("latest", plain.tag().name());
    }

    @Test
    void aPomVersionThatIsNoSemverIsAProblemNamingThePom() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME).version("1.2.3.4", VersionOrigin.PROJECT_VERSION).build());
        ReleaseProblem p = release.problem(ReleaseProblem.Kind.VERSION_INVALID).orElseThrow();
        assertTrue(p.detail().problem().contains("POM"), p.detail().problem());
        assertThrows(NpmregException.class, release::requireValid);
    }

    @Test
    void theFixForAVersionNamesWhereItLives() {
        Path pkg = Path.of("/p/package.json");
        assertTrue(VersionOrigin.PROJECT_VERSION.changeTo("1.0.1", pkg).startsWith("bump the project <version> in pom.xml"));
        assertTrue(VersionOrigin.PACKAGE_JSON.changeTo("1.0.1", pkg).contains("\"version\": \"1.0.1\" in /p/package.json"));
        assertEquals("pass -Dnpmreg.version=1.0.1", VersionOrigin.VERSION_PROPERTY.changeTo("1.0.1", pkg));
    }

    @Test
    void aSettingsServerBeatsTheJobToken() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME).env(GITLAB_CI)
                .server(new ServerCredentials("gitlab", null, "glpat-abcdefghijklmnop")).build());
        assertEquals("settings.xml server 'gitlab'", release.credentials().source());
        assertEquals(CredentialOrigin.SETTINGS_SERVER, release.credentialOrigin());
    }

    @Test
    void theJobTokenIsNotSentToAnotherHost() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME).env(GITLAB_CI).registry("https://npm.other.example/").build());
        assertInstanceOf(Credentials.None.class, release.credentials());
        assertEquals(CredentialOrigin.NONE, release.credentialOrigin());
        assertEquals(RegistryOrigin.PLUGIN_PARAMETER, release.registry().origin());
    }

    @Test
    void theGitLabShorthandIsItsOwnOrigin() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME)
                .gitlab(new GitLabShorthand("https://gitlab.example.com", "42", null, false)).build());
        assertEquals("https://gitlab.example.com/api/v4/projects/42/packages/npm/", release.registry().url().toString());
        assertEquals(RegistryOrigin.GITLAB_SHORTHAND, release.registry().origin());
        assertEquals("<gitlab> in the plugin configuration", release.registry().reason());
        Release noProject = PublishPlanner.plan(settings(ACME)
                .gitlab(new GitLabShorthand("https://gitlab.example.com", null, null, false)).build());
        assertTrue(noProject.problem(ReleaseProblem.Kind.GITLAB_SHORTHAND_INVALID).isPresent());
    }

    @Test
    void trustedPublishingKeepsNpmjsAndWaitsForTheExchange() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(GITLAB_CI);
        env.put("NPM_ID_TOKEN", "a.b.c");
        Release release = PublishPlanner.plan(settings(ACME).env(env).build());
        assertEquals("https://registry.npmjs.org/", release.registry().url().toString());
        assertTrue(release.registry().isNpmDefault());
        assertTrue(release.trustedPublishing());
    }

    @Test
    void aGroupLevelUrlIsAProblemBeforeAnythingIsSent() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME)
                .registry("https://gitlab.example.com/api/v4/groups/7/-/packages/npm/").build());
        ReleaseProblem p = release.problem(ReleaseProblem.Kind.GITLAB_GROUP_ENDPOINT).orElseThrow();
        assertTrue(p.detail().fix().contains("project"), p.detail().fix());
        NpmregException e = assertThrows(NpmregException.class, release::requireValid);
        assertTrue(e.problem().contains("the plugin's registry parameter"), e.problem());
    }

    @Test
    void aGroupLevelUrlsFixNamesTheConfiguredProject() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME)
                .registry("https://gitlab.example.com/api/v4/groups/7/-/packages/npm/")
                .gitlab(new GitLabShorthand("https://gitlab.example.com", "42", null, false)).build());
        String fix = release.problem(ReleaseProblem.Kind.GITLAB_GROUP_ENDPOINT).orElseThrow().detail().fix();
        assertTrue(fix.contains("https://gitlab.example.com/api/v4/projects/42/packages/npm/"), fix);
        assertFalse(fix.contains("<project ID>"), fix);
    }

    @Test
    void aPrereleaseNeedsATagAsInNpm() throws Exception {
        Release release = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"2.0.0-rc.1\"}").build());
        assertTrue(release.version().prerelease());
        ReleaseProblem p = release.problem(ReleaseProblem.Kind.PRERELEASE_WITHOUT_TAG).orElseThrow();
        assertTrue(p.detail().fix().contains("npmreg.tag"), p.detail().fix());
        assertEquals("next", PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"2.0.0-rc.1\"}").tag("next")
                .build()).tag().name());
        Release beta = PublishPlanner.plan(settings(
                "{\"name\":\"x\",\"version\":\"2.0.0-rc.1\",\"publishConfig\":{\"tag\":\"beta\"}}").build());
        assertEquals(new DistTag("beta", DistTag.Origin.PUBLISH_CONFIG), beta.tag());
        assertTrue(beta.problems().isEmpty());
    }

    @Test
    void aVersionLikeTagIsAProblem() throws Exception {
        assertTrue(PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"1.0.0\"}").tag("1.2.3").build())
                .problem(ReleaseProblem.Kind.TAG_INVALID).isPresent());
    }

    @Test
    void accessRules() throws Exception {
        assertNull(PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"1.0.0\"}").build()).access());
        assertEquals("restricted", PublishPlanner.plan(settings("{\"name\":\"@s/x\",\"version\":\"1.0.0\"}")
                .access("private").build()).access());
        assertEquals("public", PublishPlanner.plan(settings(
                "{\"name\":\"@s/x\",\"version\":\"1.0.0\",\"publishConfig\":{\"access\":\"public\"}}").build()).access());
        Release unscoped = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"1.0.0\"}").access("restricted")
                .build());
        assertTrue(unscoped.problem(ReleaseProblem.Kind.ACCESS_INVALID).orElseThrow().detail().problem()
                .contains("EUNSCOPED"));
    }

    @Test
    void npmrcScopeLineChoosesTheRegistryAndItsAuthLine() throws Exception {
        Npmrc project = Npmrc.parse("@acme:registry=https://npm.example.com/r/\n"
                + "//npm.example.com/r/:_authToken=secret-token-value\n", dir.resolve(".npmrc"), Map.of());
        Release release = PublishPlanner.plan(settings(ACME).npmConfig(NpmConfig.of(project)).build());
        assertEquals("https://npm.example.com/r/", release.registry().url().toString());
        assertEquals(RegistryOrigin.NPMRC_SCOPE, release.registry().origin());
        assertEquals(CredentialOrigin.NPMRC, release.credentialOrigin());
        assertEquals("secret-token-value", ((Credentials.Token) release.credentials()).token());
    }

    @Test
    void anUnsetVariableInTheAuthLineIsAProblemNotAThrow() throws Exception {
        Npmrc project = Npmrc.parse("@acme:registry=https://npm.example.com/r/\n"
                + "//npm.example.com/r/:_authToken=${NOT_SET_ANYWHERE}\n", dir.resolve(".npmrc"), Map.of());
        Release release = PublishPlanner.plan(settings(ACME).npmConfig(NpmConfig.of(project)).build());
        assertTrue(release.problem(ReleaseProblem.Kind.CREDENTIALS_UNUSABLE).isPresent());
        assertInstanceOf(Credentials.None.class, release.credentials());
    }

    @Test
    void aRegistryUrlWithUserInfoIsRefusedAsNpmDoesAndNeverShown() throws Exception {
        Release release = PublishPlanner.plan(settings(ACME).registry("https://me:secret@npm.example.com/r/").build());
        assertNull(release.registry());
        ReleaseProblem p = release.problem(ReleaseProblem.Kind.REGISTRY_URL_CREDENTIALS).orElseThrow();
        assertTrue(p.detail().problem().contains("https://me:***@npm.example.com/r/"), p.detail().problem());
        assertTrue(p.detail().problem().contains("ENEEDAUTH"), p.detail().problem());
        assertFalse(p.detail().getMessage().contains("secret"), p.detail().getMessage());
        assertTrue(p.detail().fix().contains("//npm.example.com/r/:_authToken="), p.detail().fix());
    }

    @Test
    void aPrivatePackageIsARefusedReleaseWithNpmsEprivate() throws Exception {
        for (String value : new String[] {"true", "\"false\"", "1"}) {
            Release release = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"1.0.0\",\"private\":"
                    + value + "}").registry("https://registry.example.com/").build());
            NpmregException e = assertThrows(NpmregException.class, release::requireValid);
            assertTrue(e.problem().contains("EPRIVATE"), e.problem());
            assertTrue(e.fix().contains("remove the 'private' field"), e.fix());
            assertTrue(release.problem(ReleaseProblem.Kind.PACKAGE_PRIVATE).isPresent());
        }
        for (String value : new String[] {"false", "0", "\"\"", "null"}) {
            Release release = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"1.0.0\",\"private\":"
                    + value + "}").registry("https://registry.example.com/").build());
            assertEquals(java.util.List.of(), release.problems(), value);
        }
    }

    @Test
    void aPackageJsonVersionIsCleanedAsNpmPublishesIt() throws Exception {
        for (String raw : new String[] {"v1.0.0", "=1.0.0", " 1.0.0 ", "  =v1.0.0", "1.0.0+build.7"}) {
            Release release = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"" + raw + "\"}")
                    .registry("https://registry.example.com/").build());
            assertEquals("1.0.0", release.version().published(), raw);
            assertEquals(raw, release.version().configured());
            assertTrue(release.version().cleaned());
            assertEquals(java.util.List.of(), release.problems());
        }
        Release bad = PublishPlanner.plan(settings("{\"name\":\"x\",\"version\":\"1.0\"}")
                .registry("https://registry.example.com/").build());
        assertTrue(bad.problem(ReleaseProblem.Kind.VERSION_INVALID).isPresent());
        assertThrows(NpmregException.class, bad::requireValid);
    }
}
