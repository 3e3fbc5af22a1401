package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
    private static final String SECRET = "glpat-supersecretvalue9876";
    @TempDir
    Path dir;

    /** A check that quotes a secret, as a registry answer might: the report must not. */
    private static final Check LEAKY = new Check() {
        public String id() { return "leaky"; }
        public String title() { return "Leaky"; }
        public Category category() { return Category.LOCAL; }
        public List<Finding> run(DoctorContext c) {
            return List.of(Finding.of(FindingKind.TOKEN_REJECTED, id(), "server said: bad token " + SECRET,
                    "replace " + SECRET));
        }
    };

    private static final Check CRASHING = new Check() {
        public String id() { return "crashing"; }
        public String title() { return "Crashing"; }
        public Category category() { return Category.LOCAL; }
        public List<Finding> run(DoctorContext c) { throw new IllegalStateException("boom"); }
    };

    @Test
    void secretsNeverReachTheReport() {
        DoctorContext context = Setup.hello(dir, Setup.GITLAB).credentials(Setup.token(SECRET)).build();
        Report report = new Doctor(List.of(LEAKY)).run(context, EnumSet.allOf(Category.class));
        assertFalse(report.toText().contains(SECRET), report.toText());
        assertFalse(report.toJson().contains(SECRET), report.toJson());
        assertTrue(report.toText().contains("****9876"), report.toText());
    }

    @Test
    void aCrashingCheckIsAFailureNotALostCheck() {
        Report report = new Doctor(List.of(CRASHING)).run(Setup.hello(dir, Setup.GITLAB).build(),
                EnumSet.allOf(Category.class));
        Finding f = Setup.only(report.findings());
        assertEquals(FindingKind.CHECK_CRASHED.id(), f.id());
        assertTrue(f.evidence().contains("IllegalStateException: boom"), f.evidence());
        assertTrue(report.failed());
    }

    @Test
    void preflightRunsNetworkChecksOnlyWhenThereIsANetwork() {
        DoctorContext offline = Setup.hello(dir, Setup.GITLAB).credentials(Setup.token(SECRET)).build();
        Report report = Doctor.standard().preflight(offline);
        assertEquals(Status.SKIPPED, report.find("network").orElseThrow().status());
        assertEquals(Status.PASS, report.find("package").orElseThrow().status());
        assertFalse(report.failed(), report.toText());
    }

    @Test
    void preflightFailsABrokenSetupWithTheSameFindingAsVerify() {
        DoctorContext broken = Setup.hello(dir, "https://gitlab.example.com/api/v4/packages/npm/")
                .credentials(Setup.token(SECRET)).build();
        Report preflight = Doctor.standard().preflight(broken);
        Report verify = Doctor.standard().run(broken, Doctor.categoriesFor(true));
        assertTrue(preflight.failed());
        assertEquals(verify.problems(), preflight.problems());
        assertEquals(FindingKind.GITLAB_INSTANCE_ENDPOINT_FOR_PUBLISH.id(), preflight.problems().get(0).id());
    }

    @Test
    void textReportHasOneLinePerFindingAndTheFixIndented() {
        DoctorContext broken = Setup.hello(dir, "https://gitlab.example.com/api/v4/projects/42/packages/npm")
                .credentials(Setup.token(SECRET)).build();
        String text = Doctor.standard().run(broken, Doctor.categoriesFor(true)).toText();
        assertTrue(text.startsWith("[PASS] package.json: @acme/hello@1.0.0"), text);
        assertTrue(text.contains("\n[WARN] registry URL has a path but no trailing slash "
                + "(registry-url-no-trailing-slash)\n    cause: npm computes"), text);
        assertTrue(text.contains("\n    fix: use https://gitlab.example.com/api/v4/projects/42/packages/npm/ "), text);
        assertTrue(text.contains("\n[SKIP] Network: not run: offline"), text);
        assertTrue(text.endsWith("verify passed: 3 passed, 1 warnings, 0 failed, 5 skipped\n"), text);
    }

    @Test
    void jsonReportHasStableFieldsAndIsWrittenAtomically() throws Exception {
        DoctorContext broken = Setup.hello(dir, "https://gitlab.example.com/api/v4/groups/7/-/packages/npm/")
                .environment(Map.of()).credentials(Setup.token(SECRET)).build();
        Report report = Doctor.standard().run(broken, Doctor.categoriesFor(true));
        Path file = dir.resolve("target/npmreg/verify.json");
        report.writeJson(file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertTrue(json.get("failed").asBoolean());
        assertEquals(1, json.get("counts").get("fail").asInt());
        List<String> fields = new java.util.ArrayList<>();
        json.get("findings").get(1).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "status", "check", "title", "cause", "evidence", "fix"), fields);
        assertEquals("gitlab-group-endpoint-for-publish", json.get("findings").get(1).get("id").asText());
        assertEquals("FAIL", json.get("findings").get(1).get("status").asText());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temp file is left behind");
        }
    }
}
