package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.publish.VersionOrigin;
import io.github.npmreg.testing.GitLabNpmServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release verify judges is the one publish makes (version from the POM, SNAPSHOT mapping, requireTag, skipExisting),
 * and each broken setup shows its one root cause: the GitLab double's project API, protection rules and token
 * answers, checked by the whole doctor as verify and the preflight run it.
 */
class ReleaseJudgementTest {
    private static final String API = "glpat-judgementapitoken1";
    private static final String DEVELOPER = "glpat-judgementdevtoken2";
    private static final String EXPIRED = "glpat-judgementexpired03";
    private static final String REVOKED = "glpat-judgementrevoked04";
    private static final String WRONG = "glpat-judgementunknown05";
    private static GitLabNpmServer gitlab;
    private static Path work;
    private static String endpoint;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "doctor-tests",
                "judgement-" + System.nanoTime()));
        gitlab = GitLabNpmServer.start().project(42, "acme/tools/hello").project(43, "acme/tools/guarded")
                .forwarding(false)
                .personalAccessToken(API, "api").personalAccessToken(DEVELOPER, "api").role(DEVELOPER, 30)
                .personalAccessToken(EXPIRED, LocalDate.of(2020, 1, 1), "api")
                .revokedPersonalAccessToken(REVOKED, "api")
                .protectionRule(43, "@acme/guarded*", "maintainer");
        endpoint = gitlab.projectEndpoint(42).toString();
        key = "//" + gitlab.baseUrl().getAuthority() + "/api/v4/projects/42/packages/npm/";
        // 1.0.0 and then 2.0.0 published: latest is 2.0.0.
        seed("@acme/hello", "1.0.0", "latest");
        seed("@acme/hello", "2.0.0", "latest");
    }

    @AfterAll
    static void stop() {
        if (gitlab != null) {
            gitlab.close();
        }
    }

    private static void seed(String name, String version, String tag) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"versions\":{\"" + version + "\":{\"name\":\"" + name
                + "\",\"version\":\"" + version + "\",\"dist\":{\"shasum\":\"00\"}}},\"dist-tags\":{\"" + tag + "\":\""
                + version + "\"},\"_attachments\":{\"" + name + "-" + version + ".tgz\":{\"data\":\"AAAA\"}}}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(endpoint + name.replace("/", "%2f")))
                .header("Authorization", "Bearer " + API).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static Report verify(String name, String packageJson, String npmrc, Map<String, String> env,
            Consumer<io.github.npmreg.publish.PublishSettings.Builder> choices) {
        Path dir = work.resolve(name);
        ProjectSetup.write(dir, packageJson, npmrc);
        return Doctor.standard().run(ProjectSetup.read(dir, env, null, choices).build(), EnumSet.allOf(Category.class));
    }

    private static Report preflight(String name, Map<String, String> env,
            Consumer<io.github.npmreg.publish.PublishSettings.Builder> choices) {
        return Doctor.standard().preflight(ProjectSetup.read(work.resolve(name), env, null, choices).build());
    }

    private static String npmrc() {
        return "@acme:registry=" + endpoint + "\n" + key + ":_authToken=${GITLAB_TOKEN}\n";
    }

    private static List<String> problems(Report report) {
        return report.problems().stream().map(Finding::id).toList();
    }

    private static final String SOURCE_ZERO = "{\"name\":\"@acme/hello\",\"version\":\"0.0.0\"}";

    @Test
    void thePomVersionIsJudgedNotPackageJsons() {
        // The README's setup: package.json says 0.0.0, the POM's 3.0.0 is what publish would publish.
        Report report = verify("pom-new", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", API),
                b -> b.version("3.0.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(List.of(), problems(report), report.toText());
        assertTrue(report.find("package").orElseThrow().evidence().contains("@acme/hello@3.0.0"), report.toText());
    }

    @Test
    void anExistingVersionIsVersionExistsWhateverTheTagsSayAndTheFixBumpsThePom() {
        // 1.0.0 exists and latest is 2.0.0: the cause is the existing version, not the dist-tag order.
        Report report = verify("pom-exists", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", API),
                b -> b.version("1.0.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(List.of(FindingKind.VERSION_EXISTS.id()), problems(report), report.toText());
        Finding f = report.find(FindingKind.VERSION_EXISTS.id()).orElseThrow();
        assertTrue(f.fix().startsWith("bump the project <version> in pom.xml to 1.0.1"), f.fix());
        Report preflight = preflight("pom-exists", Map.of("GITLAB_TOKEN", API),
                b -> b.version("1.0.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(Status.FAIL, preflight.find(FindingKind.VERSION_EXISTS.id()).orElseThrow().status());
    }

    @Test
    void skipExistingSkipsAnExistingVersionInVerifyAndThePreflight() {
        Consumer<io.github.npmreg.publish.PublishSettings.Builder> choices =
                b -> b.version("1.0.0", VersionOrigin.PROJECT_VERSION).skipExisting(true);
        Report report = verify("skip-existing", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", API), choices);
        assertFalse(report.failed(), report.toText());
        assertTrue(report.find("publishing-state").orElseThrow().evidence().contains("publish skips it"),
                report.toText());
        assertFalse(preflight("skip-existing", Map.of("GITLAB_TOKEN", API), choices).failed());
    }

    @Test
    void aNewLowerVersionIsTheDistTagOrder() {
        Report report = verify("backwards", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", API),
                b -> b.version("1.5.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(List.of(FindingKind.DIST_TAG_BACKWARDS.id()), problems(report), report.toText());
    }

    @Test
    void aNamedTagMovesBackAsNpmPublishTagDoes() {
        Report report = verify("backwards-named", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", API),
                b -> b.version("1.5.0", VersionOrigin.PROJECT_VERSION).tag("latest"));
        assertEquals(List.of(), problems(report), report.toText());
        assertTrue(report.find("publishing-state").orElseThrow().evidence().contains("moves back from"),
                report.toText());
    }

    @Test
    void anExpiredGitLabTokenIsOneFinding() {
        Report report = verify("expired", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", EXPIRED),
                b -> b.version("3.0.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(List.of(FindingKind.GITLAB_TOKEN_EXPIRED.id()), problems(report), report.toText());
        assertEquals(Status.SKIPPED, report.find("publishing-state").orElseThrow().status());
        assertEquals(1, report.toText().split("\n    fix: ", -1).length - 1, "one fix: " + report.toText());
    }

    @Test
    void aRevokedOrUnknownTokenIsOneTokenRejected() {
        for (String token : List.of(REVOKED, WRONG)) {
            Report report = verify("rejected-" + token.substring(token.length() - 2), SOURCE_ZERO, npmrc(),
                    Map.of("GITLAB_TOKEN", token), b -> {});
            assertEquals(List.of(FindingKind.TOKEN_REJECTED.id()), problems(report), report.toText());
            Finding f = report.find(FindingKind.TOKEN_REJECTED.id()).orElseThrow();
            assertFalse(f.fix().contains("personal_access_tokens"), f.fix());
        }
    }

    @Test
    void aWrongServerIdNamesTheIdsThatExistAndSendsNothing() {
        Path dir = work.resolve("server-id");
        ProjectSetup.write(dir, SOURCE_ZERO, "@acme:registry=" + endpoint + "\n");
        gitlab.clearRequests();
        DoctorContext.SettingsServer facts = new DoctorContext.SettingsServer("gitlab-nmp", false, null, null, false,
                List.of("gitlab-npm", "central"), "/home/ci/custom-settings.xml");
        Report report = Doctor.standard().run(ProjectSetup.read(dir, Map.of(), null).server(facts).build(),
                EnumSet.allOf(Category.class));
        assertEquals(List.of(FindingKind.SETTINGS_SERVER_MISSING.id()), problems(report), report.toText());
        Finding f = report.find(FindingKind.SETTINGS_SERVER_MISSING.id()).orElseThrow();
        assertTrue(f.evidence().contains("'gitlab-nmp'") && f.evidence().contains("gitlab-npm, central")
                && f.evidence().contains("/home/ci/custom-settings.xml"), f.evidence());
        assertTrue(f.fix().contains("/home/ci/custom-settings.xml"), f.fix());
        assertTrue(gitlab.requests().stream().noneMatch(r -> r.header("authorization") != null),
                "nothing was sent with credentials");
    }

    @Test
    void aMissingJobTokenInCiIsOneFindingWithOneFix() {
        Map<String, String> env = new HashMap<>(Map.of("GITLAB_CI", "true",
                "CI_API_V4_URL", gitlab.baseUrl() + "api/v4", "CI_PROJECT_ID", "42",
                "CI_PROJECT_ROOT_NAMESPACE", "acme", "CI_SERVER_HOST", "127.0.0.1"));
        Report report = verify("no-job-token", SOURCE_ZERO, null, env, b -> {});
        assertEquals(List.of(FindingKind.CI_VARIABLE_MISSING.id()), problems(report), report.toText());
        assertTrue(report.find(FindingKind.CI_VARIABLE_MISSING.id()).orElseThrow().evidence().contains("CI_JOB_TOKEN"));
    }

    @Test
    void aScopeThatIsNotTheRootNamespaceIsFoundOutsideCi() {
        Report report = verify("scope", "{\"name\":\"@tools/hello\",\"version\":\"1.0.0\"}",
                "@tools:registry=" + endpoint + "\n" + key + ":_authToken=${GITLAB_TOKEN}\n",
                Map.of("GITLAB_TOKEN", API), b -> {});
        assertEquals(List.of(FindingKind.GITLAB_SCOPE_NOT_ROOT_NAMESPACE.id()), problems(report), report.toText());
        Finding f = report.find(FindingKind.GITLAB_SCOPE_NOT_ROOT_NAMESPACE.id()).orElseThrow();
        assertTrue(f.evidence().contains("'acme'") && f.fix().contains("@acme/hello"), f.toString());
        assertFalse(report.failed());
    }

    @Test
    void aProtectedNameIsFoundBeforeTheUpload() {
        String guarded = gitlab.projectEndpoint(43).toString();
        String guardedKey = "//" + gitlab.baseUrl().getAuthority() + "/api/v4/projects/43/packages/npm/";
        String npmrc = "@acme:registry=" + guarded + "\n" + guardedKey + ":_authToken=${GITLAB_TOKEN}\n";
        Report developer = verify("protected", "{\"name\":\"@acme/guarded-web\",\"version\":\"1.0.0\"}", npmrc,
                Map.of("GITLAB_TOKEN", DEVELOPER), b -> {});
        // A Developer cannot list the rules; the upload would answer 403 Package protected. No false alarm here.
        assertEquals(List.of(), problems(developer), developer.toText());
        assertTrue(developer.find("gitlab-project").orElseThrow().evidence().contains("not readable"),
                developer.toText());
        Report maintainer = verify("protected-ok", "{\"name\":\"@acme/guarded-web\",\"version\":\"1.0.0\"}", npmrc,
                Map.of("GITLAB_TOKEN", API), b -> {});
        assertEquals(List.of(), problems(maintainer), maintainer.toText());
        assertTrue(maintainer.find("gitlab-project").orElseThrow().evidence().contains("'@acme/guarded*' needs maintainer"),
                maintainer.toText());
    }

    @Test
    void aRuleAboveTheUsersRoleIsAFailure() {
        gitlab.protectionRule(43, "@acme/owner-only", "owner");
        String guarded = gitlab.projectEndpoint(43).toString();
        String guardedKey = "//" + gitlab.baseUrl().getAuthority() + "/api/v4/projects/43/packages/npm/";
        Report report = verify("owner-only", "{\"name\":\"@acme/owner-only\",\"version\":\"1.0.0\"}",
                "@acme:registry=" + guarded + "\n" + guardedKey + ":_authToken=${GITLAB_TOKEN}\n",
                Map.of("GITLAB_TOKEN", API), b -> {});
        assertEquals(List.of(FindingKind.GITLAB_PACKAGE_PROTECTED.id()), problems(report), report.toText());
        Finding f = report.find(FindingKind.GITLAB_PACKAGE_PROTECTED.id()).orElseThrow();
        assertTrue(f.evidence().contains("'@acme/owner-only'") && f.evidence().contains("needs owner")
                && f.evidence().contains("Maintainer"), f.evidence());
    }

    @Test
    void aProjectTheTokenCannotReadIsAWarningThatNothingCouldBeChecked() {
        gitlab.deployToken("gldt-judgementdeploy0007", "write_package_registry", "read_package_registry");
        Report report = verify("unreadable", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", "gldt-judgementdeploy0007"),
                b -> b.version("3.0.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(List.of(FindingKind.TOKEN_SCOPES_UNKNOWN.id(), FindingKind.GITLAB_PROJECT_UNREADABLE.id()),
                problems(report), report.toText());
        assertEquals(Status.WARN, report.find(FindingKind.GITLAB_PROJECT_UNREADABLE.id()).orElseThrow().status());
        assertFalse(report.failed(), "a correct deploy-token setup must not fail: " + report.toText());
    }

    @Test
    void aReadOnlyTokenIsOneFinding() {
        gitlab.personalAccessToken("glpat-judgementreadreg06", "read_registry");
        Report report = verify("read-only", SOURCE_ZERO, npmrc(), Map.of("GITLAB_TOKEN", "glpat-judgementreadreg06"),
                b -> b.version("3.0.0", VersionOrigin.PROJECT_VERSION));
        assertEquals(List.of(FindingKind.GITLAB_TOKEN_READ_ONLY.id()), problems(report), report.toText());
    }

    @Test
    void aVersionLikeTagAndAnUnusableAccessAreFoundLocally() {
        Report report = Doctor.standard().run(ProjectSetup.read(dirWith("tag-access",
                        "{\"name\":\"plain\",\"version\":\"1.0.0\"}"), Map.of(), null,
                b -> b.tag("1.x").access("restricted").registry(endpoint)).build(), Doctor.categoriesFor(true));
        assertEquals(List.of(FindingKind.DIST_TAG_INVALID.id(), FindingKind.ACCESS_INVALID.id(),
                FindingKind.NPMRC_AUTH_MISSING.id()), problems(report), report.toText());
    }

    private static Path dirWith(String name, String packageJson) {
        Path dir = work.resolve(name);
        ProjectSetup.write(dir, packageJson, null);
        return dir;
    }

    @Test
    void requireTagJudgesThePomVersion() throws Exception {
        Map<String, String> env = Map.of("GITLAB_TOKEN", API, "CI_COMMIT_TAG", "v3.0.0");
        Report tagged = verify("require-tag", SOURCE_ZERO, npmrc(), env,
                b -> b.version("3.0.0", VersionOrigin.PROJECT_VERSION).requireTag(true));
        assertEquals(List.of(), problems(tagged), tagged.toText());
        Report other = verify("require-tag-other", SOURCE_ZERO, npmrc(), env,
                b -> b.version("3.0.1", VersionOrigin.PROJECT_VERSION).requireTag(true));
        assertEquals(List.of(FindingKind.RELEASE_TAG_VERSION_MISMATCH.id()), problems(other), other.toText());
        Finding f = other.find(FindingKind.RELEASE_TAG_VERSION_MISMATCH.id()).orElseThrow();
        assertTrue(f.fix().contains("bump the project <version> in pom.xml to 3.0.0"), f.fix());
        assertFalse(f.evidence().contains("0.0.0"), "package.json's version is not the one judged: " + f.evidence());
    }
}
