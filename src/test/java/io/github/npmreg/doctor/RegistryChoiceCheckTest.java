package io.github.npmreg.doctor;

import static io.github.npmreg.doctor.Setup.GITLAB;
import static io.github.npmreg.doctor.Setup.npmrc;
import static io.github.npmreg.doctor.Setup.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryChoiceCheckTest {
    private static final String NPMJS = "https://registry.npmjs.org/";
    private final RegistryChoiceCheck check = new RegistryChoiceCheck();
    @TempDir
    Path dir;

    @Test
    void passNamesTheRegistryAndWhy() {
        Finding f = Setup.only(check.run(Setup.hello(dir, GITLAB).build()));
        assertEquals(Status.PASS, f.status());
        assertEquals(GITLAB + " (the plugin's registry parameter)", f.evidence());
    }

    @Test
    void aRegistryUrlWithCredentialsIsRefusedFromEachPlaceAndNeverShown() {
        String url = "http://alice:S3cretPass99@registry.example.com/npm/";
        List<String[]> setups = List.of(
                new String[] {"{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"publishConfig\":{\"registry\":\"" + url
                        + "\"}}", null},
                new String[] {"{\"name\":\"@acme/hello\",\"version\":\"1.0.0\"}", "@acme:registry=" + url + "\n"},
                new String[] {"{\"name\":\"hello\",\"version\":\"1.0.0\"}", "registry=" + url + "\n"});
        for (String[] setup : setups) {
            ProjectSetup.write(dir, setup[0], setup[1]);
            if (setup[1] == null) {
                dir.resolve(".npmrc").toFile().delete();
            }
            Report report = Doctor.standard().run(ProjectSetup.read(dir, Map.of(), null).build(),
                    Doctor.categoriesFor(true));
            Finding f = report.find(FindingKind.REGISTRY_URL_CREDENTIALS.id()).orElseThrow(() -> new AssertionError(report.toText()));
            assertEquals(Status.FAIL, f.status());
            assertTrue(f.evidence().contains("http://alice:***@registry.example.com/npm/"), f.evidence());
            assertTrue(f.fix().contains("settings.xml <server>") && f.fix().contains(
                    "//registry.example.com/npm/:_authToken="), f.fix());
            assertTrue(!report.toText().contains("S3cretPass99"), report.toText());
        }
        ProjectSetup.write(dir, "{\"name\":\"hello\",\"version\":\"1.0.0\"}", null);
        Report explicit = Doctor.standard().run(ProjectSetup.read(dir, Map.of(), null,
                b -> b.registry("https://tok3nOnly1234@registry.example.com/")).build(), Doctor.categoriesFor(true));
        assertTrue(explicit.find(FindingKind.REGISTRY_URL_CREDENTIALS.id()).isPresent(), explicit.toText());
        assertTrue(!explicit.toText().contains("tok3nOnly1234"), explicit.toText());
    }

    @Test
    void scopeWithoutRegistryLineFallsBackToNpmjs() {
        DoctorContext.Builder broken = Setup.hello(dir, NPMJS)
                .npmrc(npmrc(dir, 1, "@acme-corp:registry", GITLAB));
        Finding f = Setup.only(check.run(broken.build()));
        assertEquals(FindingKind.SCOPE_REGISTRY_MISSING.id(), f.id());
        assertEquals("add to .npmrc: @acme:registry=" + GITLAB, f.fix());

        DoctorContext.Builder fixed = Setup.hello(dir, GITLAB).npmrc(npmrc(dir, 1, "@acme:registry", GITLAB));
        assertEquals(List.of(), problems(check.run(fixed.build())));
    }

    @Test
    void scopeWithoutRegistryLineDetectedFromAnAuthLine() {
        DoctorContext.Builder broken = Setup.hello(dir, NPMJS)
                .npmrc(npmrc(dir, 2, "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken", "x"));
        assertEquals(List.of(FindingKind.SCOPE_REGISTRY_MISSING.id()), problems(check.run(broken.build())));
    }

    @Test
    void aScopedPackageMeantForNpmjsIsFine() {
        assertEquals(List.of(), problems(check.run(Setup.hello(dir, NPMJS).build())));
    }

    @Test
    void publishConfigRegistryOverriddenByScopeLine() {
        String other = "http://127.0.0.1:4880/";
        DoctorContext.Builder broken = Setup.of(dir,
                "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"publishConfig\":{\"registry\":\"" + GITLAB + "\"}}",
                other).npmrc(npmrc(dir, 1, "@acme:registry", other));
        Finding f = Setup.only(check.run(broken.build()));
        assertEquals(FindingKind.PUBLISH_CONFIG_REGISTRY_OVERRIDDEN.id(), f.id());
        assertTrue(f.fix().contains("@acme:registry=" + GITLAB), f.fix());

        DoctorContext.Builder fixed = Setup.of(dir,
                "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"publishConfig\":{\"registry\":\"" + GITLAB + "\"}}",
                GITLAB).npmrc(npmrc(dir, 1, "@acme:registry", GITLAB));
        assertEquals(List.of(), problems(check.run(fixed.build())));
    }

    @Test
    void groupLevelUrlCannotPublish() {
        Finding f = Setup.only(check.run(Setup.hello(dir,
                "https://gitlab.example.com/api/v4/groups/7/-/packages/npm/").environment(Setup.gitlabCi()).build()));
        assertEquals(FindingKind.GITLAB_GROUP_ENDPOINT_FOR_PUBLISH.id(), f.id());
        assertTrue(f.fix().contains(GITLAB), "the fix names this job's project endpoint: " + f.fix());
    }

    @Test
    void instanceLevelUrlCannotPublish() {
        assertEquals(List.of(FindingKind.GITLAB_INSTANCE_ENDPOINT_FOR_PUBLISH.id()),
                problems(check.run(Setup.hello(dir, "https://gitlab.example.com/api/v4/packages/npm/").build())));
    }

    @Test
    void plainHttpWithCredentialsToARemoteHost() {
        String http = "http://registry.example.com/";
        Finding f = Setup.only(check.run(Setup.hello(dir, http).credentials(Setup.token("npm_abcdefghijklmnop"))
                .build()));
        assertEquals(FindingKind.REGISTRY_HTTP_WITH_CREDENTIALS.id(), f.id());
        assertEquals(Status.WARN, f.status());
        assertEquals("registry=https://registry.example.com/", f.fix());
        assertTrue(f.evidence().contains("****mnop") && !f.evidence().contains("abcdefghijklmnop"), f.evidence());
        assertEquals(List.of(), problems(check.run(Setup.hello(dir, "http://127.0.0.1:4873/")
                .credentials(Setup.token("npm_abcdefghijklmnop")).build())), "loopback test registries are fine");
        assertEquals(List.of(), problems(check.run(Setup.hello(dir, http).build())), "nothing to leak");
    }

    @Test
    void registryWithoutTrailingSlash() {
        Finding f = Setup.only(check.run(Setup.hello(dir,
                "https://gitlab.example.com/api/v4/projects/42/packages/npm").build()));
        assertEquals(FindingKind.REGISTRY_URL_NO_TRAILING_SLASH.id(), f.id());
        assertTrue(f.evidence().contains("//gitlab.example.com/api/v4/projects/42/packages/ instead of "
                + "//gitlab.example.com/api/v4/projects/42/packages/npm/"), f.evidence());
        assertEquals(List.of(), problems(check.run(Setup.hello(dir, "https://registry.npmjs.org").build())),
                "a URL without a path has nothing to drop");
    }

    @Test
    void registryUrlThatIsNotAUrl() {
        assertEquals(List.of(FindingKind.REGISTRY_URL_INVALID.id()),
                problems(check.run(Setup.hello(dir, "gitlab.example.com/api/v4").build())));
    }

    @Test
    void noRegistryIsASkip() {
        DoctorContext context = DoctorContext.builder().environment(Map.of()).build();
        assertEquals(Status.SKIPPED, Setup.only(check.run(context)).status());
    }
}
