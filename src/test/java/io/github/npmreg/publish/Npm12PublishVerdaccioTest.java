package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.npm.packagejson.PackageJsonNormalizer;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.provenance.ProvenanceMode;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.RecordingLog;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import io.github.npmreg.sigstore.KeylessSigner;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.Verdaccio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same package published to Verdaccio by the real npm 12.2.2 (version 1.0.0) and by the plugin under npm 12's
 * rules (version 1.0.1): the version manifests in the packument agree apart from what names the publishing tool
 * and the version itself, and so do the tarballs' file counts and sizes. The package has what npm 12 treats
 * differently from npm 11: patchedDependencies (dropped), an empty overrides (dropped), a server.js (no
 * scripts.start any more), files globs with a slashless negation.
 */
class Npm12PublishVerdaccioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys that name the publishing tool or the version, or that only the registry's request handling sets. */
    private static final List<String> TOOL_KEYS = List.of("version", "_id", "dist", "_npmVersion", "_nodeVersion",
            "_npmUser", "maintainers", "_resolved", "_integrity", "_from", "_shasum", "_hasShrinkwrap",
            "contributors");
    private static Path work;
    private static Verdaccio verdaccio;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"), "registry-tests",
                "npm12-" + System.nanoTime())).toAbsolutePath();
        verdaccio = Verdaccio.start(work.resolve("verdaccio"));
        token = verdaccio.addUser(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (verdaccio != null) {
            verdaccio.close();
        }
    }

    private static Path packageDir(String name, String version) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name + "-" + version));
        Files.writeString(dir.resolve("package.json"), "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version
                + "\",\n  \"main\": \"lib/index.js\",\n  \"license\": \"MIT\",\n  \"files\": [\"lib\", \"server.js\","
                + " \"notes.md\", \"!notes.md\"],\n  \"overrides\": {},\n  \"patchedDependencies\": {\n"
                + "    \"left-pad@1.3.0\": \"patches/left-pad.patch\"\n  }\n}\n");
        for (String f : List.of("lib/index.js", "lib/notes.md", "notes.md", "server.js", "patches/left-pad.patch",
                "npm-shrinkwrap.json")) {
            Path file = dir.resolve(f);
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.endsWith(".json") ? "{}\n" : "// " + f + "\n");
        }
        String hostPath = verdaccio.url().toString().replaceFirst("^https?:", "");
        Files.writeString(dir.resolve(".npmrc"), "registry=" + verdaccio.url() + "\n" + hostPath + ":_authToken="
                + token + "\n");
        return dir;
    }

    @Test
    void versionManifestMatchesNpm12s() throws Exception {
        String name = "npmreg-npm12-manifest";
        Path npmDir = packageDir(name, "1.0.0");
        NpmCli.run12(npmDir, "publish", "--ignore-scripts").orFail("npm 12 publish");

        Path ourDir = packageDir(name, "1.0.1");
        ObjectNode manifest = (ObjectNode) JSON.readTree(ourDir.resolve("package.json").toFile());
        Path out = Files.createDirectories(work.resolve("ours-out"));
        PackResult packed = new Packer().pack(new PackRequest(ourDir, ourDir.resolve("package.json"), manifest, out,
                out.resolve("pack.json")));
        assertEquals(12, packed.npm(), packed.npmReason());
        RecordingLog log = new RecordingLog();
        try (RegistryClient client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", log))) {
            Map<String, String> env = Map.of("NPM_TOKEN", token);
            PublishSettings settings = PublishSettings.builder(ourDir, ourDir.resolve("package.json"), manifest)
                    .registry(verdaccio.url().toString()).npmConfig(NpmConfig.of(List.of())).env(env)
                    .access("public").dryRun(false).build();
            Release release = PublishPlanner.plan(settings);
            Publisher publisher = new Publisher(client, () -> new OidcExchange(client.http(), Clock.systemUTC(), log),
                    new io.github.npmreg.gitlab.BackgroundProcessing.Wait(java.time.Duration.ZERO,
                            java.time.Duration.ofSeconds(1)), Clock.systemUTC(), log);
            PublishOutcome outcome = publisher.publish(release, ourDir, manifest, packed, env, null, false,
                    new ProvenanceSettings(ProvenanceMode.FALSE, null, KeylessSigner.Services.PUBLIC,
                            Clock.systemUTC()));
            assertEquals(PublishOutcome.Result.PUBLISHED, outcome.result());
        }

        JsonNode packument = get(name);
        ObjectNode npm = (ObjectNode) packument.at("/versions/1.0.0");
        ObjectNode ours = (ObjectNode) packument.at("/versions/1.0.1");
        assertEquals(npm.at("/dist/fileCount"), ours.at("/dist/fileCount"), "file counts differ");
        assertEquals(npm.at("/dist/unpackedSize"), ours.at("/dist/unpackedSize"), "unpacked sizes differ");
        for (ObjectNode v : List.of(npm, ours)) {
            assertFalse(v.has("patchedDependencies"), v.toString());
            assertFalse(v.has("overrides"), v.toString());
            assertFalse(v.path("scripts").has("start"), "npm 12 adds no start script for server.js: " + v);
            TOOL_KEYS.forEach(v::remove);
        }
        assertEquals(npm.toPrettyString(), ours.toPrettyString());
    }

    @Test
    void packageExtensionsIsRefusedAsNpm12RefusesIt() throws Exception {
        String name = "npmreg-npm12-extensions";
        Path dir = packageDir(name, "1.0.0");
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("package.json").toFile());
        manifest.putObject("packageExtensions").putObject("x@1").putObject("dependencies").put("y", "1");
        Files.writeString(dir.resolve("package.json"), manifest.toPrettyString() + "\n");
        NpmCli.Result npm = NpmCli.run12(dir, "publish", "--ignore-scripts");
        assertTrue(npm.exitCode() != 0 && npm.stderr().contains("EPACKAGEEXTENSIONS"), npm.stderr());
        String reason = "packageExtensions is only honored at the project root and must not be published.";
        assertTrue(npm.stderr().contains(reason), npm.stderr());
        NpmregException e = org.junit.jupiter.api.Assertions.assertThrows(NpmregException.class,
                () -> PackageJsonNormalizer.forPublish(manifest, dir, null, 12));
        assertTrue(e.getMessage().contains(reason) && e.getMessage().contains("EPACKAGEEXTENSIONS"), e.getMessage());
        PackageJsonNormalizer.forPublish(manifest, dir, null, 11); // npm 11 publishes it
        assertEquals(404, status(name), "npm 12 published nothing");
    }

    private static JsonNode get(String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(verdaccio.url() + name)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static int status(String name) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(verdaccio.url() + name))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
