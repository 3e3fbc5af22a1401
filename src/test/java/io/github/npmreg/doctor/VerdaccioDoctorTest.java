package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.Verdaccio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broken setups against a real registry (Verdaccio 6, test-registry-verdaccio.md): each built as package.json and
 * .npmrc files, checked by the whole doctor, then fixed and checked again.
 */
class VerdaccioDoctorTest {
    private static Verdaccio verdaccio;
    private static Path work;
    private static String token;
    private static String hostKey;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "doctor-tests",
                "verdaccio-" + System.nanoTime()));
        verdaccio = Verdaccio.start(work.resolve("verdaccio"));
        token = verdaccio.addUser(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD);
        hostKey = "//" + verdaccio.url().getAuthority() + "/";
        for (String version : List.of("1.0.0", "2.0.0")) {
            Path seed = work.resolve("seed-" + version);
            ProjectSetup.write(seed, hello(version), npmrc("${NPM_TOKEN}"));
            NpmCli.run(seed, Map.of("NPM_TOKEN", token), "publish").orFail("seeding @acme/hello@" + version);
        }
    }

    @AfterAll
    static void stop() {
        if (verdaccio != null) {
            verdaccio.close();
        }
    }

    private static String hello(String version) {
        return "{\"name\":\"@acme/hello\",\"version\":\"" + version + "\"}";
    }

    private static String npmrc(String tokenValue) {
        return "@acme:registry=" + verdaccio.url() + "\n" + hostKey + ":_authToken=" + tokenValue + "\n";
    }

    private static Report verify(String name, String packageJson, String npmrc, Map<String, String> env) {
        Path dir = work.resolve(name);
        ProjectSetup.write(dir, packageJson, npmrc);
        return Doctor.standard().run(ProjectSetup.read(dir, env, null).build(), EnumSet.allOf(Category.class));
    }

    private static List<String> problems(Report report) {
        return report.problems().stream().map(Finding::id).toList();
    }

    @Test
    void aWorkingSetupPassesEveryCheck() {
        Report report = verify("fixed", hello("2.1.0"), npmrc("${NPM_TOKEN}"), Map.of("NPM_TOKEN", token));
        assertEquals(List.of(), problems(report), report.toText());
        assertFalse(report.failed());
        assertTrue(report.find("authentication").orElseThrow().evidence().contains("authenticated as 'ci'"),
                report.toText());
        assertFalse(report.toText().contains(token) || report.toJson().contains(token), "the token never shows");
    }

    @Test
    void badTokenIsNotAuthenticatedAlthoughWhoamiAnswers200() {
        Report report = verify("bad-token", hello("2.1.0"), npmrc("not-a-verdaccio-token-1234"), Map.of());
        assertTrue(report.failed());
        assertEquals(FindingKind.NOT_AUTHENTICATED.id(), report.problems().get(0).id(), report.toText());
        assertTrue(report.problems().get(0).evidence().contains("answered 200 without a username"), report.toText());
    }

    @Test
    void versionAlreadyPublished() {
        Report report = verify("exists", hello("1.0.0"), npmrc("${NPM_TOKEN}"), Map.of("NPM_TOKEN", token));
        assertTrue(problems(report).contains(FindingKind.VERSION_EXISTS.id()), report.toText());
        assertTrue(report.failed());
        // npm agrees: the same setup fails to publish.
        NpmCli.Result npm = NpmCli.run(work.resolve("exists"), Map.of("NPM_TOKEN", token), "publish");
        assertTrue(npm.exitCode() != 0, npm.stdout());
    }

    @Test
    void latestWouldMoveBackwards() {
        Report report = verify("backwards", hello("1.5.0"), npmrc("${NPM_TOKEN}"), Map.of("NPM_TOKEN", token));
        assertEquals(List.of(FindingKind.DIST_TAG_BACKWARDS.id()), problems(report), report.toText());
        Report fixed = Doctor.standard().run(ProjectSetup.read(work.resolve("backwards"),
                Map.of("NPM_TOKEN", token), null, b -> b.tag("latest-1")).build(), EnumSet.allOf(Category.class));
        assertFalse(fixed.failed(), fixed.toText());
    }

    @Test
    void unsetVariableInNpmrc() {
        Report report = verify("unset-var", hello("2.1.0"), npmrc("${NPM_TOKEN}"), Map.of());
        assertTrue(problems(report).contains(FindingKind.NPMRC_VARIABLE_UNRESOLVED.id()), report.toText());
        assertTrue(report.failed());
    }

    @Test
    void offlineRunsOnlyLocalChecks() {
        Path dir = work.resolve("offline");
        ProjectSetup.write(dir, hello("2.1.0"), npmrc("${NPM_TOKEN}"));
        Report report = Doctor.standard().run(ProjectSetup.read(dir, Map.of("NPM_TOKEN", token), null).build(),
                Doctor.categoriesFor(true));
        assertEquals(Status.SKIPPED, report.find("network").orElseThrow().status());
        assertEquals(Status.SKIPPED, report.find("authentication").orElseThrow().status());
        assertEquals(Status.SKIPPED, report.find("publishing-state").orElseThrow().status());
        assertEquals(Status.PASS, report.find("credentials").orElseThrow().status());
    }
}
