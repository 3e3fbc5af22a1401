package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.testing.GitLabNpmServer;
import io.github.npmreg.testing.NpmCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broken setups against GitLab's npm API contract ({@link GitLabNpmServer}): built as files, checked by the whole
 * doctor; where npm itself is the judge (the ENEEDAUTH rows), the real npm runs the same setup first.
 */
class GitLabDoctorTest {
    private static final String API = "glpat-apiscopetoken0001";
    private static final String READ_API = "glpat-readapitoken00002";
    private static final String SOON = "glpat-expiressoontoken3";
    private static final String DEPLOY = "gldt-deploytokenwrite04";
    private static GitLabNpmServer gitlab;
    private static Path work;
    private static String endpoint;
    private static String authority;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "doctor-tests",
                "gitlab-" + System.nanoTime()));
        gitlab = GitLabNpmServer.start().project(42, "acme/hello").forwarding(false)
                .personalAccessToken(API, "api")
                .personalAccessToken(READ_API, "read_api")
                .personalAccessToken(SOON, LocalDate.now().plusDays(3), "api")
                .deployToken(DEPLOY, "write_package_registry");
        endpoint = gitlab.projectEndpoint(42).toString();
        authority = gitlab.baseUrl().getAuthority();
    }

    @AfterAll
    static void stop() {
        if (gitlab != null) {
            gitlab.close();
        }
    }

    private static final String HELLO = "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\"}";

    private static String npmrc(String registry, String authKey) {
        return "@acme:registry=" + registry + "\n" + authKey + ":_authToken=${GITLAB_TOKEN}\n";
    }

    private static String projectKey(int id) {
        return "//" + authority + "/api/v4/projects/" + id + "/packages/npm/";
    }

    private static Report verify(String name, String packageJson, String npmrc, String token) {
        Path dir = work.resolve(name);
        ProjectSetup.write(dir, packageJson, npmrc);
        return Doctor.standard().run(ProjectSetup.read(dir, Map.of("GITLAB_TOKEN", token), null).build(),
                EnumSet.allOf(Category.class));
    }

    private static List<String> problems(Report report) {
        return report.problems().stream().map(Finding::id).toList();
    }

    /** Runs the real npm publish on the setup verify just looked at; it must fail with ENEEDAUTH. */
    private static void npmSaysEneedauth(String name) {
        NpmCli.Result npm = NpmCli.run(work.resolve(name), Map.of("GITLAB_TOKEN", API), "publish");
        assertTrue(npm.exitCode() != 0 && (npm.stdout() + npm.stderr()).contains("ENEEDAUTH"),
                "npm publish should fail with ENEEDAUTH:\n" + npm.stderr());
    }

    @Test
    void aWorkingSetupPasses() {
        Report report = verify("fixed", HELLO, npmrc(endpoint, projectKey(42)), API);
        assertEquals(List.of(), problems(report), report.toText());
        assertTrue(report.find("authentication").orElseThrow().evidence().contains("scopes [api]"), report.toText());
        assertTrue(gitlab.requests().stream().allMatch(r -> r.method().equals("GET")), "verify only reads");
    }

    @Test
    void tokenFromSettingsXmlNeedsNoNpmrcAuthLine() {
        Path dir = work.resolve("settings");
        ProjectSetup.write(dir, HELLO, "@acme:registry=" + endpoint + "\n");
        Report report = Doctor.standard().run(ProjectSetup.read(dir, Map.of(),
                new io.github.npmreg.auth.ServerCredentials("gitlab", null, API)).build(),
                EnumSet.allOf(Category.class));
        assertEquals(List.of(), problems(report), report.toText());
        assertTrue(report.find("credentials").orElseThrow().evidence().startsWith(
                "token ****0001 from settings.xml server 'gitlab'"), report.toText());
    }

    @Test
    void readApiTokenCannotPublish() {
        Report report = verify("read-api", HELLO, npmrc(endpoint, projectKey(42)), READ_API);
        assertEquals(List.of(FindingKind.GITLAB_TOKEN_READ_ONLY.id()), problems(report), report.toText());
    }

    @Test
    void tokenExpiringSoonIsAWarning() {
        Report report = verify("soon", HELLO, npmrc(endpoint, projectKey(42)), SOON);
        assertEquals(List.of(FindingKind.GITLAB_TOKEN_EXPIRES_SOON.id()), problems(report), report.toText());
        assertFalse(report.failed());
    }

    @Test
    void unknownTokenIsRejected() {
        Report report = verify("unknown", HELLO, npmrc(endpoint, projectKey(42)), "glpat-revokedtoken00005");
        assertTrue(problems(report).contains(FindingKind.TOKEN_REJECTED.id()), report.toText());
        assertTrue(report.failed());
    }

    @Test
    void deployTokenScopesCannotBeRead() {
        Report report = verify("deploy", HELLO, npmrc(endpoint, projectKey(42)), DEPLOY);
        assertEquals(List.of(FindingKind.TOKEN_SCOPES_UNKNOWN.id(), FindingKind.GITLAB_PROJECT_UNREADABLE.id()),
                problems(report), report.toText());
        assertFalse(report.failed(), report.toText());
    }

    @Test
    void wrongProjectId() {
        String other = gitlab.projectEndpoint(4242).toString();
        Report report = verify("wrong-project", HELLO, npmrc(other, projectKey(4242)), API);
        assertEquals(List.of(FindingKind.GITLAB_PROJECT_NOT_FOUND.id()), problems(report), report.toText());
    }

    @Test
    void wrongProjectIdWithADeployTokenNamesTheProjectNotTheTokensLimits() {
        // A deploy token cannot read the projects API, so GET /projects/:id says nothing; the npm endpoint does.
        String other = gitlab.projectEndpoint(4242).toString();
        Report report = verify("wrong-project-deploy", HELLO, npmrc(other, projectKey(4242)), DEPLOY);
        List<String> problems = problems(report);
        assertTrue(problems.contains(FindingKind.GITLAB_PROJECT_NOT_FOUND.id()), report.toText());
        assertFalse(problems.contains(FindingKind.GITLAB_PROJECT_UNREADABLE.id()), report.toText());
        assertFalse(report.toText().contains("<scope>"), report.toText());
    }

    @Test
    void deployTokenWarningNamesThePackagesScope() {
        Report report = verify("deploy-scope", HELLO, npmrc(endpoint, projectKey(42)), DEPLOY);
        Finding f = report.find(FindingKind.GITLAB_PROJECT_UNREADABLE.id()).orElseThrow();
        assertFalse(f.fix().contains("<scope>"), f.fix());
        assertTrue(f.fix().contains("@acme"), f.fix());
    }

    @Test
    void groupLevelUrlForPublishing() {
        String group = gitlab.groupEndpoint(7).toString();
        Report report = verify("group", HELLO,
                npmrc(group, "//" + authority + "/api/v4/groups/7/-/packages/npm/"), API);
        assertTrue(problems(report).contains(FindingKind.GITLAB_GROUP_ENDPOINT_FOR_PUBLISH.id()), report.toText());
    }

    @Test
    void forwardingHidesAMissingPackage() {
        gitlab.forwarding(true);
        try {
            Report report = verify("forwarded", HELLO, npmrc(endpoint, projectKey(42)), API);
            assertEquals(List.of(FindingKind.GITLAB_METADATA_REDIRECTED.id()), problems(report), report.toText());
            assertTrue(report.problems().get(0).evidence().contains("registry.npmjs.org"), report.toText());
        } finally {
            gitlab.forwarding(false);
        }
    }

    @Test
    void scopeWithoutRegistryLineGoesToNpmjs() {
        Report report = verify("mistyped-scope", HELLO,
                "@acme-corp:registry=" + endpoint + "\n" + projectKey(42) + ":_authToken=${GITLAB_TOKEN}\n", API);
        assertTrue(problems(report).contains(FindingKind.SCOPE_REGISTRY_MISSING.id()), report.toText());
    }

    @Test
    void authLineForAnotherProject() {
        Report report = verify("other-path", HELLO, npmrc(endpoint, projectKey(43)), API);
        assertEquals(List.of(FindingKind.NPMRC_AUTH_MISSING.id()), problems(report), report.toText());
        assertTrue(report.find(FindingKind.NPMRC_AUTH_MISSING.id()).orElseThrow().evidence()
                .contains(FindingKind.NPMRC_AUTH_OTHER_PATH.id()), report.toText());
        npmSaysEneedauth("other-path");
    }

    @Test
    void hostOnlyAuthLineIsAWarningInVerifyAsInThePreflight() {
        Report report = verify("host-only", HELLO, npmrc(endpoint, "//" + authority + "/"), API);
        Finding f = report.find(FindingKind.NPMRC_AUTH_HOST_ONLY.id()).orElseThrow(() -> new AssertionError(report.toText()));
        assertTrue(f.evidence().contains("this plugin still finds"), f.evidence());
        assertEquals("add to .npmrc: " + projectKey(42) + ":_authToken=${NPM_TOKEN}", f.fix());
        assertEquals(Status.WARN, f.status(), "only npm stops (ENEEDAUTH): this plugin publishes");
        assertFalse(report.failed(), report.toText());
        npmSaysEneedauth("host-only");
    }

    @Test
    void thePluginsPreflightOnlyWarnsAboutAnNpmrcOnlyNpmCannotUse() {
        Path dir = work.resolve("host-only-preflight");
        ProjectSetup.write(dir, HELLO, npmrc(endpoint, "//" + authority + "/"));
        Report preflight = Doctor.standard().preflight(ProjectSetup.read(dir, Map.of("GITLAB_TOKEN", API), null).build());
        Finding f = preflight.find(FindingKind.NPMRC_AUTH_HOST_ONLY.id()).orElseThrow(() -> new AssertionError(preflight.toText()));
        assertEquals(Status.WARN, f.status());
        assertFalse(preflight.failed(), preflight.toText());
    }

    @Test
    void authKeyWithoutTrailingSlash() {
        String key = projectKey(42);
        Report report = verify("key-no-slash", HELLO, npmrc(endpoint, key.substring(0, key.length() - 1)), API);
        Finding f = report.find(FindingKind.NPMRC_AUTH_KEY_NO_TRAILING_SLASH.id()).orElseThrow(() -> new AssertionError(report.toText()));
        // The plugin finds the token and publishes; only npm stops: a warning naming npm's error, as in the preflight.
        assertEquals(Status.WARN, f.status());
        assertTrue(f.evidence().contains("ENEEDAUTH"), f.evidence());
        assertFalse(report.failed(), report.toText());
        Report preflight = Doctor.standard().preflight(ProjectSetup.read(work.resolve("key-no-slash"),
                Map.of("GITLAB_TOKEN", API), null).build());
        assertEquals(Status.WARN, preflight.find(f.id()).orElseThrow().status());
        npmSaysEneedauth("key-no-slash");
    }

    @Test
    void registryWithoutTrailingSlash() {
        Report report = verify("registry-no-slash", HELLO,
                npmrc(endpoint.substring(0, endpoint.length() - 1), projectKey(42)), API);
        // The plugin adds the slash and publishes; npm looks up the parent path's key and stops with ENEEDAUTH.
        assertEquals(List.of(FindingKind.REGISTRY_URL_NO_TRAILING_SLASH.id(),
                FindingKind.NPMRC_AUTH_REGISTRY_NO_TRAILING_SLASH.id()), problems(report), report.toText());
        assertFalse(report.failed(), "warnings only: the plugin publishes, npm would not");
        npmSaysEneedauth("registry-no-slash");
    }
}
