package io.github.npmreg.doctor;

import static io.github.npmreg.doctor.Setup.GITLAB;
import static io.github.npmreg.doctor.Setup.npmrc;
import static io.github.npmreg.doctor.Setup.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.doctor.DoctorContext.SettingsServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ENEEDAUTH rows of test-registry-verdaccio.md §6 and npm-pack-and-publish.md §5, one broken setup each. */
class CredentialsCheckTest {
    private static final String NPMJS = "https://registry.npmjs.org/";
    private static final String PAT = "glpat-abcdefghijklmnopqrst";
    private final CredentialsCheck check = new CredentialsCheck();
    @TempDir
    Path dir;

    private Finding problem(DoctorContext.Builder setup) {
        List<Finding> problems = check.run(setup.build()).stream().filter(Finding::isProblem).toList();
        return Setup.only(problems);
    }

    @Test
    void tokenFromSettingsPassesWithKindAndHintOnly() {
        Finding f = Setup.only(check.run(Setup.hello(dir, GITLAB).credentials(Setup.token(PAT)).build()));
        assertEquals(Status.PASS, f.status());
        assertTrue(f.evidence().contains("****qrst") && f.evidence().contains("GitLab personal/project/group access"),
                f.evidence());
        assertFalse(f.evidence().contains(PAT));
    }

    @Test
    void settingsServerMissing() {
        Finding f = problem(Setup.hello(dir, GITLAB).server(new SettingsServer("gitlab", false, null, null, false)));
        assertEquals(FindingKind.SETTINGS_SERVER_MISSING.id(), f.id());
        assertTrue(f.fix().contains("<server><id>gitlab</id>"), f.fix());
    }

    @Test
    void settingsServerDoesNotDecrypt() {
        assertEquals(FindingKind.SETTINGS_SERVER_DECRYPT_FAILED.id(), problem(Setup.hello(dir, GITLAB)
                .server(new SettingsServer("gitlab", true, "master password not found", null, true))).id());
    }

    @Test
    void settingsServerWithAnUnsetVariableNamesTheVariable() {
        var unusable = io.github.npmreg.auth.SettingsPassword.variableUnset("gitlab", "settings.xml", "env.NPM_TOKEN");
        Finding f = problem(Setup.hello(dir, GITLAB).server(SettingsServer.unusable("gitlab", null,
                java.util.List.of("gitlab"), "settings.xml", unusable)));
        assertEquals(FindingKind.SETTINGS_SERVER_VARIABLE_UNSET.id(), f.id());
        assertTrue(f.fix().contains("NPM_TOKEN"), f.fix());
    }

    @Test
    void emptyToken() {
        assertEquals(FindingKind.TOKEN_EMPTY.id(), problem(Setup.hello(dir, GITLAB).credentials(Setup.token(""))).id());
        assertEquals(FindingKind.TOKEN_EMPTY.id(), problem(Setup.hello(dir, GITLAB)
                .credentials(new Credentials.Basic("ci", "", "settings.xml server 'x'"))).id());
        assertEquals(FindingKind.TOKEN_EMPTY.id(), problem(Setup.hello(dir, GITLAB)
                .server(new SettingsServer("gitlab", true, null, null, false))).id());
    }

    @Test
    void gitlabTokenSentToNpmjs() {
        Finding f = problem(Setup.hello(dir, NPMJS).credentials(Setup.token(PAT)));
        assertEquals(FindingKind.TOKEN_KIND_MISMATCH.id(), f.id());
        assertFalse(f.evidence().contains(PAT), f.evidence());
    }

    @Test
    void npmTokenSentToGitLab() {
        assertEquals(FindingKind.TOKEN_KIND_MISMATCH.id(),
                problem(Setup.hello(dir, GITLAB).credentials(Setup.token("npm_abcdefghijklmnopqrst"))).id());
    }

    @Test
    void bareAuthTokenWithoutRegistry() {
        Finding f = problem(Setup.hello(dir, GITLAB).credentials(Setup.token(PAT))
                .npmrc(npmrc(dir, 3, "_authToken", PAT)));
        assertEquals(FindingKind.NPMRC_AUTH_NOT_NERF_DARTED.id(), f.id());
        assertTrue(f.fix().contains("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken"), f.fix());
    }

    @Test
    void unresolvedVariableInAnNpmrcThePublishDoesNotUseIsAWarningNamingWhatThePublishUses() throws Exception {
        // npmreg:npmrc with tokensFromEnvironment wrote ${NPM_TOKEN}; the publish takes settings.xml's server.
        String json = "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\"}";
        java.nio.file.Files.writeString(dir.resolve("package.json"), json);
        io.github.npmreg.publish.Release release = io.github.npmreg.publish.PublishPlanner.plan(
                io.github.npmreg.publish.PublishSettings.builder(dir, dir.resolve("package.json"),
                        (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(json))
                        .buildStart(Setup.NOW).registry(GITLAB)
                        .server(new io.github.npmreg.auth.ServerCredentials("gitlab", null, PAT)).build());
        assertEquals(io.github.npmreg.auth.CredentialOrigin.SETTINGS_SERVER, release.credentialOrigin());
        Finding f = problem(Setup.hello(dir, GITLAB).release(release).credentials(release.credentials())
                .npmrc(npmrc(dir, 2, "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken",
                        "${NPM_TOKEN}")));
        assertEquals(FindingKind.NPMRC_VARIABLE_UNRESOLVED_UNUSED.id(), f.id());
        assertEquals(Status.WARN, f.status());
        assertTrue(f.evidence().contains("the publish uses settings.xml server 'gitlab'"), f.evidence());
        assertFalse(f.evidence().contains(PAT), f.evidence());
    }

    @Test
    void unresolvedVariable() {
        Finding f = problem(Setup.hello(dir, GITLAB)
                .credentials(new Credentials.Token("${NPM_TOKEN}", ".npmrc"))
                .npmrc(npmrc(dir, 2, "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken",
                        "${NPM_TOKEN}")));
        assertEquals(FindingKind.NPMRC_VARIABLE_UNRESOLVED.id(), f.id());
        assertTrue(f.evidence().contains("line 2") && f.evidence().contains("${NPM_TOKEN}"), f.evidence());
    }

    @Test
    void noCredentialsAtAll() {
        Finding f = problem(Setup.hello(dir, GITLAB));
        assertEquals(FindingKind.NPMRC_AUTH_MISSING.id(), f.id());
        assertTrue(f.fix().contains("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=${NPM_TOKEN}"));
    }

    @Test
    void trustedPublishingNeedsNoStoredToken() {
        assertEquals(List.of(), problems(check.run(Setup.hello(dir, NPMJS).trustedPublishing(true).build())));
    }

    @Test
    void registryWithoutSlashKeyWithSlash() {
        assertEquals(FindingKind.NPMRC_AUTH_REGISTRY_NO_TRAILING_SLASH.id(), problem(Setup.hello(dir,
                "https://gitlab.example.com/api/v4/projects/42/packages/npm").credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken", "t"))).id());
    }

    @Test
    void keyWithoutSlash() {
        Finding f = problem(Setup.hello(dir, GITLAB).credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com/api/v4/projects/42/packages/npm:_authToken", "t")));
        assertEquals(FindingKind.NPMRC_AUTH_KEY_NO_TRAILING_SLASH.id(), f.id());
        assertTrue(f.fix().contains("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=…"), f.fix());
    }

    @Test
    void keyForAnotherProject() {
        assertEquals(FindingKind.NPMRC_AUTH_OTHER_PATH.id(), problem(Setup.hello(dir, GITLAB).credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com/api/v4/projects/43/packages/npm/:_authToken", "t"))).id());
    }

    @Test
    void hostOnlyKeyDoesNotCoverPublish() {
        assertEquals(FindingKind.NPMRC_AUTH_HOST_ONLY.id(), problem(Setup.hello(dir, GITLAB).credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com/:_authToken", "t"))).id());
        assertEquals(FindingKind.NPMRC_AUTH_HOST_ONLY.id(), problem(Setup.hello(dir,
                "http://127.0.0.1:4881/api/v4/projects/42/packages/npm/").credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//127.0.0.1:4881/:_authToken", "t"))).id());
    }

    @Test
    void defaultPortInKey() {
        Finding f = problem(Setup.hello(dir, GITLAB).credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com:443/api/v4/projects/42/packages/npm/:_authToken", "t")));
        assertEquals(FindingKind.NPMRC_AUTH_DEFAULT_PORT.id(), f.id());
        assertTrue(f.fix().contains("write //gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken"), f.fix());
    }
    /** The rows above are npm's problem only: the plugin has credentials, so they warn and name npm's error. */
    private static final Credentials PLUGIN = Setup.token("plugin-token-abcdef123456");

    @Test
    void anNpmrcOnlyNpmRejectsIsAWarningNamingNpmsError() {
        Finding f = problem(Setup.hello(dir, GITLAB).credentials(PLUGIN)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com/:_authToken", "t")));
        assertEquals(Status.WARN, f.status());
        assertTrue(f.evidence().contains("ENEEDAUTH"), f.evidence());
    }

    @Test
    void withoutAnyCredentialsTheNearMissIsTheEvidenceOfOneFailure() {
        List<Finding> findings = check.run(Setup.hello(dir, GITLAB)
                .npmrc(npmrc(dir, 1, "//gitlab.example.com/api/v4/projects/42/packages/npm:_authToken", "t")).build());
        assertEquals(List.of(FindingKind.NPMRC_AUTH_MISSING.id()), problems(findings));
        Finding f = findings.stream().filter(Finding::isProblem).findFirst().orElseThrow();
        assertTrue(f.evidence().contains(FindingKind.NPMRC_AUTH_KEY_NO_TRAILING_SLASH.id()), f.evidence());
        assertTrue(f.fix().contains("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=…"), f.fix());
        assertTrue(f.falsifies().contains(Premise.CREDENTIALS));
    }
}
