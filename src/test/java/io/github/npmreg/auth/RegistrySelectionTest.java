package io.github.npmreg.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import io.github.npmreg.testing.NpmPublishDryRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrySelectionTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Each case is run through our selection and through {@code npm publish --dry-run} with the same files; both
     * must pick the same registry. Columns: package name, publishConfig (JSON), project .npmrc, user .npmrc
     * (lines separated by '|'), expected registry, expected reason fragment.
     */
    @ParameterizedTest(name = "{0} {1} project[{2}] user[{3}]")
    @CsvSource(delimiter = ';', value = {
        "@acme/hello; {}; ; ; https://registry.npmjs.org/; npm's default",
        "@acme/hello; {\"registry\":\"http://127.0.0.1:4881/p/\"}; ; ; http://127.0.0.1:4881/p/; publishConfig.registry",
        "@acme/hello; {\"registry\":\"http://127.0.0.1:4881/p/\"}; @acme:registry=http://127.0.0.1:4880/; ; http://127.0.0.1:4880/; .npmrc line @acme:registry",
        "@acme/hello; {\"registry\":\"http://127.0.0.1:4881/p/\"}; ; @acme:registry=http://127.0.0.1:4882/; http://127.0.0.1:4882/; .npmrc line @acme:registry",
        "@acme/hello; {\"@acme:registry\":\"http://127.0.0.1:4883/\"}; @acme:registry=http://127.0.0.1:4880/; ; http://127.0.0.1:4883/; publishConfig[\"@acme:registry\"]",
        "@acme/hello; {}; registry=http://127.0.0.1:4884/; registry=http://127.0.0.1:4885/; http://127.0.0.1:4884/; .npmrc line registry",
        "@acme/hello; {}; ; registry=http://127.0.0.1:4885/; http://127.0.0.1:4885/; .npmrc line registry",
        "@acme/hello; {\"registry\":\"http://127.0.0.1:4881/p/\"}; registry=http://127.0.0.1:4884/; ; http://127.0.0.1:4881/p/; publishConfig.registry",
        "@acme/hello; {}; @other:registry=http://127.0.0.1:4886/|registry=http://127.0.0.1:4884/; ; http://127.0.0.1:4884/; .npmrc line registry",
        "@acme/hello; {}; @acme:registry=http://127.0.0.1:4880/; @acme:registry=http://127.0.0.1:4882/; http://127.0.0.1:4880/; .npmrc line @acme:registry",
        "hello; {}; scope=acme|@acme:registry=http://127.0.0.1:4880/; ; http://127.0.0.1:4880/; .npmrc line @acme:registry",
        "hello; {\"@acme:registry\":\"http://127.0.0.1:4883/\"}; registry=http://127.0.0.1:4884/; ; http://127.0.0.1:4884/; .npmrc line registry",
    })
    void precedenceMatchesNpm(String name, String publishConfig, String projectRc, String userRc, String expected,
            String reason) throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree("{\"name\":\"" + name + "\",\"version\":\"1.0.0\",\"publishConfig\":"
                + publishConfig + "}");
        Path packageJson = Files.writeString(dir.resolve("package.json"), JSON.writeValueAsString(manifest));
        Path project = Files.writeString(dir.resolve(".npmrc"), lines(projectRc));
        Path user = Files.writeString(dir.resolve("user-npmrc"), lines(userRc));
        NpmConfig config = NpmConfig.of(Npmrc.read(project, Map.of()), Npmrc.read(user, Map.of()));

        SelectedRegistry ours = RegistrySelection.select(null, new PackageName(name), manifest, packageJson, config);
        assertEquals(expected, ours.url().toString());
        assertTrue(ours.reason().contains(reason), ours.reason());

        NpmPublishDryRun.Outcome npm = NpmPublishDryRun.run(dir, user);
        assertEquals(expected, npm.registry(), npm.output());
    }

    private static String lines(String cell) {
        return cell == null ? "" : cell.replace('|', '\n') + "\n";
    }

    @Test
    void scopeLineBeatsPublishConfigRegistryAndSaysSo() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(
                "{\"name\":\"@acme/x\",\"version\":\"1.0.0\",\"publishConfig\":{\"registry\":\"https://gitlab.example.com/api/v4/projects/1/packages/npm/\"}}");
        Npmrc project = Npmrc.parse("@acme:registry=https://registry.npmjs.org/\n", Path.of("/x/.npmrc"), Map.of());
        SelectedRegistry s = RegistrySelection.select(null, new PackageName("@acme/x"), manifest, Path.of("/x/package.json"),
                NpmConfig.of(project));
        assertEquals("https://registry.npmjs.org/", s.url().toString());
        assertEquals(".npmrc line @acme:registry in /x/.npmrc (it overrides publishConfig.registry in /x/package.json, as in npm)",
                s.reason());
    }

    @Test
    void explicitParameterWinsOverEverything() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(
                "{\"name\":\"@acme/x\",\"version\":\"1.0.0\",\"publishConfig\":{\"@acme:registry\":\"https://a.example/\"}}");
        SelectedRegistry s = RegistrySelection.select("https://explicit.example/npm", new PackageName("@acme/x"), manifest,
                Path.of("package.json"), NpmConfig.of());
        assertEquals("https://explicit.example/npm/", s.url().toString());
        assertTrue(s.trailingSlashAdded());
        assertEquals("the plugin's registry parameter", s.reason());
    }

    @Test
    void slashIsKeptWhenPresent() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree("{\"name\":\"x\",\"version\":\"1.0.0\"}");
        assertFalse(RegistrySelection.select("https://r.example/", new PackageName("x"), manifest, Path.of("p"),
                NpmConfig.of()).trailingSlashAdded());
    }

    @Test
    void invalidUrlNamesItsSource() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"publishConfig\":{\"registry\":\"gitlab.example.com/api\"}}");
        NpmregException e = assertThrows(NpmregException.class, () -> RegistrySelection.select(null, new PackageName("x"),
                manifest, Path.of("/x/package.json"), NpmConfig.of()));
        assertTrue(e.problem().contains("publishConfig.registry in /x/package.json"), e.problem());
    }
}
