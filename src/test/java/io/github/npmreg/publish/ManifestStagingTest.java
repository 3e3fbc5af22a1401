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
        ManifestStaging.Result r = ManifestStaging.stage(new ManifestStaging.Request(source, staged, "1.2.0-SNAPSHOT",
                START, URI.create("https://gitlab.example.com/api/v4/projects/42/packages/npm/"), null, null, false));
        assertEquals("1.2.0-SNAPSHOT.20261122013320", r.version());
        assertEquals("snapshot", r.publishConfig().get("tag"));
        String text = Files.readString(staged);
        assertTrue(text.contains("\"version\": \"1.2.0-SNAPSHOT.20261122013320\""), text);
        assertTrue(text.contains("\"@acme:registry\": \"https://gitlab.example.com/api/v4/projects/42/packages/npm/\""), text);
        assertTrue(text.startsWith("{\n    \"name\""), "indentation kept: " + text);
        assertTrue(!text.endsWith("\n"), "no final newline added: " + text);
        assertEquals(SOURCE, Files.readString(source));
    }

    @Test
    void updateSourceWritesTheSameChangeIntoTheSource() throws Exception {
        Path source = Files.writeString(dir.resolve("package.json"), SOURCE);
        ManifestStaging.stage(new ManifestStaging.Request(source, dir.resolve("staged.json"), "2.0.0", START, null,
                "next", "public", true));
        assertEquals(Files.readString(dir.resolve("staged.json")), Files.readString(source));
        assertTrue(Files.readString(source).contains("\"tag\": \"next\""));
    }

    @Test
    void anUnscopedPackageGetsTheRegistryKeyAndNoVersionKeepsTheSourceVersion() throws Exception {
        Path source = Files.writeString(dir.resolve("package.json"), "{\"name\":\"plain\",\"version\":\"3.1.4\"}\n");
        ManifestStaging.Result r = ManifestStaging.stage(new ManifestStaging.Request(source, dir.resolve("s.json"), null,
                START, URI.create("https://npm.example.com/"), null, null, false));
        assertEquals("3.1.4", r.version());
        assertEquals("https://npm.example.com/", r.publishConfig().get("registry"));
    }
}
