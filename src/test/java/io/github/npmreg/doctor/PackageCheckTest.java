package io.github.npmreg.doctor;

import static io.github.npmreg.doctor.Setup.GITLAB;
import static io.github.npmreg.doctor.Setup.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCheckTest {
    private static final String NPMJS = "https://registry.npmjs.org/";
    private final PackageCheck check = new PackageCheck();
    @TempDir
    Path dir;

    private List<String> run(DoctorContext.Builder setup) {
        return problems(check.run(setup.build()));
    }

    @Test
    void aValidPackagePasses() {
        List<Finding> findings = check.run(Setup.hello(dir, GITLAB).build());
        assertEquals(Status.PASS, Setup.only(findings).status());
        assertTrue(findings.get(0).evidence().startsWith("@acme/hello@1.0.0"), findings.toString());
    }

    @Test
    void missingPackageJson() {
        DoctorContext context = DoctorContext.builder().packageDirectory(dir).registry(NPMJS, "default").build();
        Finding f = Setup.only(check.run(context));
        assertEquals(FindingKind.PACKAGE_JSON_MISSING.id(), f.id());
        assertTrue(f.evidence().contains(dir.resolve("package.json").toString()));
    }

    @Test
    void invalidJson() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\",}");
        DoctorContext context = DoctorContext.builder().packageDirectory(dir)
                .manifestError("Invalid JSON in " + dir.resolve("package.json") + " at line 1, column 15")
                .build();
        Finding f = Setup.only(check.run(context));
        assertEquals(FindingKind.PACKAGE_JSON_INVALID.id(), f.id());
        assertTrue(f.evidence().contains("line 1, column 15"));
    }

    @Test
    void nameInvalidForNpm() {
        assertEquals(List.of(FindingKind.PACKAGE_NAME_INVALID.id()),
                run(Setup.of(dir, "{\"name\":\"My Package\",\"version\":\"1.0.0\"}", NPMJS)));
    }

    @Test
    void nameValidForNpmButNotForGitLab() {
        String json = "{\"name\":\"@acme.git/hello\",\"version\":\"1.0.0\"}";
        assertEquals(List.of(FindingKind.PACKAGE_NAME_INVALID_FOR_GITLAB.id()), run(Setup.of(dir, json, GITLAB)));
        assertEquals(List.of(), run(Setup.of(dir, json, NPMJS)), "only GitLab applies its regex");
    }

    @Test
    void aPrivatePackageFails() {
        assertEquals(List.of(FindingKind.PACKAGE_PRIVATE.id()),
                run(Setup.of(dir, "{\"name\":\"hello\",\"version\":\"1.0.0\",\"private\":true}", NPMJS)));
        assertEquals(List.of(), run(Setup.of(dir, "{\"name\":\"hello\",\"version\":\"1.0.0\",\"private\":false}",
                NPMJS)));
    }

    @Test
    void versionNotSemver() {
        assertEquals(List.of(FindingKind.PACKAGE_VERSION_INVALID.id()),
                run(Setup.of(dir, "{\"name\":\"hello\",\"version\":\"1.0\"}", NPMJS)));
    }

    @Test
    void prereleaseNeedsATag() {
        String json = "{\"name\":\"hello\",\"version\":\"2.0.0-beta.1\"}";
        assertEquals(List.of(FindingKind.PRERELEASE_WITHOUT_TAG.id()), run(Setup.of(dir, json, NPMJS)));
        assertEquals(List.of(), run(Setup.of(dir, json, NPMJS).tag("next")));
        assertEquals(List.of(), run(Setup.of(dir,
                "{\"name\":\"hello\",\"version\":\"2.0.0-beta.1\",\"publishConfig\":{\"tag\":\"beta\"}}", NPMJS)));
    }

    @Test
    void manifestTooLargeForGitLabCountsWithoutTheFieldsGitLabDrops() {
        String big = "x".repeat(20_001);
        assertEquals(List.of(FindingKind.MANIFEST_TOO_LARGE_FOR_GITLAB.id()), run(Setup.of(dir,
                "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"description\":\"" + big + "\"}", GITLAB)));
        // (with a description: without one npm would publish the readme's first paragraph as the description)
        assertEquals(List.of(), run(Setup.of(dir, "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\","
                + "\"description\":\"short\",\"readme\":\"" + big + "\"}", GITLAB)));
        assertEquals(List.of(), run(Setup.of(dir,
                "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"description\":\"" + big + "\"}", NPMJS)));
    }

    @Test
    void manifestTooLargeForGitLabIsMeasuredAsPublished() throws Exception {
        // npm fills a missing description from the README's first paragraph; GitLab keeps the description
        Files.writeString(dir.resolve("README.md"), "# Hello\n\n" + "x".repeat(20_001) + "\n");
        assertEquals(List.of(FindingKind.MANIFEST_TOO_LARGE_FOR_GITLAB.id()), run(Setup.of(dir,
                "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\"}", GITLAB)));
        assertEquals(List.of(), run(Setup.of(dir,
                "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"description\":\"short\"}", GITLAB)));
    }

    @Test
    void tarballOverTheLimit() throws Exception {
        Path tgz = Files.write(dir.resolve("hello-1.0.0.tgz"), new byte[100]);
        assertEquals(List.of(FindingKind.TARBALL_TOO_LARGE.id()),
                run(Setup.hello(dir, NPMJS).tarball(tgz).tarballSizeLimit(99L)));
        assertEquals(List.of(), run(Setup.hello(dir, NPMJS).tarball(tgz).tarballSizeLimit(100L)));
        assertEquals(List.of(), run(Setup.hello(dir, GITLAB).tarball(tgz)), "GitLab's 500 MB default applies");
    }
}
