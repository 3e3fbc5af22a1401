package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmreg.registry.ProxyConfig;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One verdict: every kind of the catalog gets the same status from {@code verify} (the whole catalog, network
 * included) and from {@code publish}'s preflight, and that status is the catalog's. A check that reports a kind
 * stands in for the real one, so each kind, including those that need a network, goes through both paths.
 */
class FindingCatalogTest {
    @TempDir
    Path dir;

    /** A network that answers nothing: the stand-in checks never use it, but both paths then run every category. */
    private static final Network SILENT = new Network() {
        public InetAddress[] resolve(String host) { return new InetAddress[0]; }
        public void connect(String host, int port) {}
        public Answer get(URI uri, String authorization) { return new Answer(404, Map.of(), ""); }
        public ProxyConfig proxyFor(URI uri) { return null; }
    };

    private static Check reporting(FindingKind kind, Category category) {
        return new Check() {
            public String id() { return "stand-in"; }
            public String title() { return "stand-in for " + kind.id(); }
            public Category category() { return category; }
            public List<Finding> run(DoctorContext c) {
                return List.of(Finding.of(kind, id(), "evidence", "fix"));
            }
        };
    }

    @Test
    void everyKindHasTheSameStatusInVerifyAndInThePreflight() {
        DoctorContext context = Setup.hello(dir, Setup.GITLAB).credentials(Setup.token("glpat-catalogtoken1234"))
                .network(SILENT).build();
        List<String> differences = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            for (Category category : Category.values()) {
                Doctor doctor = new Doctor(List.of(reporting(kind, category)));
                Finding verify = doctor.run(context, Doctor.categoriesFor(false)).find(kind.id()).orElse(null);
                Finding preflight = doctor.preflight(context).find(kind.id()).orElse(null);
                if (verify == null || preflight == null || verify.status() != kind.status()
                        || preflight.status() != kind.status()) {
                    differences.add(kind.id() + " (" + category + "): verify " + (verify == null ? "absent" : verify.status())
                            + ", preflight " + (preflight == null ? "absent" : preflight.status()));
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theRealChecksGiveTheKindsThatOnceDifferedTheSameStatusInBoth() {
        // The .npmrc rows only npm rejects, and an existing version: once FAIL in verify and WARN/absent in the preflight.
        String registry = "https://gitlab.example.com/api/v4/projects/42/packages/npm/";
        for (String key : List.of("//gitlab.example.com/:_authToken",
                "//gitlab.example.com/api/v4/projects/42/packages/npm:_authToken",
                "//gitlab.example.com:443/api/v4/projects/42/packages/npm/:_authToken",
                "//gitlab.example.com/api/v4/projects/43/packages/npm/:_authToken")) {
            DoctorContext context = Setup.hello(dir, registry).credentials(Setup.token("glpat-catalogtoken1234"))
                    .npmrc(Setup.npmrc(dir, 1, key, "t")).build();
            Report verify = Doctor.standard().run(context, Doctor.categoriesFor(true));
            Report preflight = Doctor.standard().preflight(context);
            assertEquals(statuses(verify), statuses(preflight), verify.toText());
            verify.problems().forEach(f -> assertEquals(f.kind().status(), f.status(), f.toString()));
        }
    }

    private static Map<String, Status> statuses(Report report) {
        Map<String, Status> out = new java.util.TreeMap<>();
        report.findings().forEach(f -> out.put(f.id(), f.status()));
        return out;
    }

    @Test
    void onlyNpmsOwnRejectionsAreWarnings() {
        Set<FindingKind> npmOnly = EnumSet.of(FindingKind.NPMRC_AUTH_REGISTRY_NO_TRAILING_SLASH,
                FindingKind.NPMRC_AUTH_KEY_NO_TRAILING_SLASH, FindingKind.NPMRC_AUTH_DEFAULT_PORT,
                FindingKind.NPMRC_AUTH_HOST_ONLY, FindingKind.NPMRC_AUTH_OTHER_PATH);
        for (FindingKind kind : npmOnly) {
            assertEquals(Status.WARN, kind.status(), kind.id());
            assertEquals(true, kind.cause().contains("ENEEDAUTH"), kind.id() + " names npm's error");
        }
    }
}
