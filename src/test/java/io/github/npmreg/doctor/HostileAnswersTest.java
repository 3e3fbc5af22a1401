package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.registry.ProxyConfig;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What verify says about answers that are not a registry's, and npm's warnings about package.json. */
class HostileAnswersTest {
    private static final String REGISTRY = "https://npm.example.com/";
    @TempDir
    Path dir;

    private static Network answering(int status, String contentType, String body) {
        return new Network() {
            public InetAddress[] resolve(String host) throws java.io.IOException {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            public void connect(String host, int port) {}
            public Answer get(URI uri, String authorization) {
                return new Answer(status, Map.of("Content-Type", List.of(contentType)), body);
            }
            public ProxyConfig proxyFor(URI uri) { return null; }
        };
    }

    @Test
    void anHtmlLoginPageIsNotAnNpmRegistryAnswerNotABadToken() {
        for (String body : List.of("<!DOCTYPE html><html><body>Sign in</body></html>", "{\"username\":\"al",
                "{\"username\":\"al\"} trailing", "plain text")) {
            DoctorContext context = Setup.hello(dir, REGISTRY).credentials(Setup.token("npm_abcdefghijkl123456"))
                    .network(answering(200, body.startsWith("<") ? "text/html" : "text/plain", body)).build();
            List<Finding> findings = new AuthenticationCheck().run(context);
            Finding f = findings.get(0);
            assertEquals(FindingKind.REGISTRY_ANSWER_NOT_NPM.id(), f.id(), findings.toString());
            assertTrue(f.evidence().contains("not an npm registry answer") && f.evidence().contains("content-type"),
                    f.evidence());
            assertTrue(f.fix().contains("registry URL") && f.fix().contains("proxy"), f.fix());
            assertFalse(f.evidence().contains("log in again"), f.evidence());
        }
    }

    @Test
    void npmsWarningsAreWarningsAndStrictMakesThemFailures() {
        ProjectSetup.write(dir, "{\"name\":\"@Acme/Hello\",\"version\":\"v1.0.0\",\"files\":\"index.js\"}", null);
        Report lenient = Doctor.standard().run(ProjectSetup.read(dir, Map.of(), null,
                b -> b.registry(REGISTRY)).build(), Doctor.categoriesFor(true));
        List<Finding> warnings = lenient.findings().stream()
                .filter(f -> f.id().equals(FindingKind.PACKAGE_NPM_WARNING.id())).toList();
        assertEquals(3, warnings.size(), lenient.toText());
        warnings.forEach(f -> assertEquals(Status.WARN, f.status()));
        assertTrue(lenient.toText().contains("capital letters") && lenient.toText().contains("cleaned"),
                lenient.toText());

        Report strict = Doctor.standard().run(ProjectSetup.read(dir, Map.of(), null,
                b -> b.registry(REGISTRY).strict(true)).build(), Doctor.categoriesFor(true));
        assertTrue(strict.find(FindingKind.PACKAGE_NPM_WARNING_STRICT.id()).isPresent(), strict.toText());
        assertEquals(Status.FAIL, strict.find(FindingKind.PACKAGE_NPM_WARNING_STRICT.id()).get().status());
        assertTrue(strict.failed());
        assertFalse(strict.find(FindingKind.PACKAGE_NPM_WARNING.id()).isPresent(), strict.toText());
    }
}
