package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestStagingTest {
    private static final Instant START = Instant.parse("2026-11-22T01:33:20Z");
    private static final String SOURCE = "{\n    \"name\": \"@acme/hello\",\n    \"version\": \"0.0.0\",\n"
            + "    \"main\": \"index.js\"\n}";

    @TempDir
    Path dir;

    @Test
    void aSnapshotBecomesAUniquePrereleaseUnderTheSnapshotTagAndTheSourceStaysAsItWas() throws Exception {
        Path source = Files.writeString(dir.resolve("package.json"), SOURCE);
        Path staged = dir.resolve("target/npmreg/package.json");
        Release release = PublishPlanner.plan(PublishSettings.builder(dir, source,
                        (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(SOURCE))
                .version("1.2.0-SNAPSHOT", VersionOrigin.PROJECT_VERSION).buildStart(START)
                .registry("https://gitlab.example.com/api/v4/projects/42/packages/npm/").build());
        ManifestStaging.Result r = ManifestStaging.stage(ManifestStaging.Request.of(release, staged, false));
        assertEquals("1.2.0-SNAPSHOT.20261122013320", r.version());
        assertEquals("snapshot", r.publishConfig().get("tag"));
        String text = Files.readString(staged);
        assertTrue(text.contains("\"version\": \"1.2.0-SNAPSHOT.20261122013320\""), text);
        assertTrue(text.contains("\"@acme:registry\": \"https://gitlab.example.com/api/v4/projects/42/packages/npm/\""), text);
        assertTrue(text.startsWith("{\n    \"name\""), "indentation kept: " + text);
        assertTrue(!text.endsWith("\n"), "no final newline added: " + text);
        assertEquals(SOURCE, Files.readString(source));
        if (Files.getFileStore(staged).supportsFileAttributeView("posix")) {
            // Readable as npm's outputs are (the umask's mode), not owner-only like the .npmrc.
            assertTrue(Files.getPosixFilePermissions(staged).contains(
                    java.nio.file.attribute.PosixFilePermission.GROUP_READ) == umaskAllowsGroupRead(dir),
                    Files.getPosixFilePermissions(staged).toString());
        }
    }

    /** Whether a plain new file here is group-readable, i.e. what the umask gives. */
    static boolean umaskAllowsGroupRead(Path dir) throws java.io.IOException {
        Path probe = dir.resolve("umask-probe");
        Files.newOutputStream(probe).close();
        try {
            return Files.getPosixFilePermissions(probe).contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void updateSourceWritesTheSameChangeIntoTheSource() throws Exception {
        Path source = Files.writeString(dir.resolve("package.json"), SOURCE);
        ManifestStaging.stage(new ManifestStaging.Request(source, dir.resolve("staged.json"), "2.0.0", null,
                "next", "public", true));
        assertEquals(Files.readString(dir.resolve("staged.json")), Files.readString(source));
        assertTrue(Files.readString(source).contains("\"tag\": \"next\""));
    }

    @Test
    void anUnscopedPackageGetsTheRegistryKeyAndNoVersionKeepsTheSourceVersion() throws Exception {
        Path source = Files.writeString(dir.resolve("package.json"), "{\"name\":\"plain\",\"version\":\"3.1.4\"}\n");
        ManifestStaging.Result r = ManifestStaging.stage(new ManifestStaging.Request(source, dir.resolve("s.json"), null,
                URI.create("https://npm.example.com/"), null, null, false));
        assertEquals("3.1.4", r.version());
        assertEquals("https://npm.example.com/", r.publishConfig().get("registry"));
    }
}
