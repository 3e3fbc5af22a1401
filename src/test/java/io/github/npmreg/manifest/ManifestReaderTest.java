package io.github.npmreg.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("package.json"), json);
    }

    @Test
    void keepsKeyOrder() throws IOException {
        ObjectNode m = ManifestReader.read(write("{\"version\":\"1.0.0\",\"zeta\":1,\"name\":\"x\",\"alpha\":2}"));
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("version", "zeta", "name", "alpha"), keys);
    }

    @Test
    void missingFileNamesThePath() {
        NpmregException e = assertThrows(NpmregException.class, () -> ManifestReader.read(dir.resolve("package.json")));
        assertTrue(e.problem().contains(dir.resolve("package.json").toString()), e.problem());
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws IOException {
        Path p = write("{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n  \"main\": \"index.js\"\n}\n");
        NpmregException e = assertThrows(NpmregException.class, () -> ManifestReader.read(p));
        assertTrue(e.problem().contains("line 4, column 3"), e.problem());
        assertTrue(e.problem().contains(p.toString()), e.problem());
    }

    @Test
    void notAnObject() throws IOException {
        Path p = write("[1,2]");
        NpmregException e = assertThrows(NpmregException.class, () -> ManifestReader.read(p));
        assertTrue(e.problem().contains("array, not an object"), e.problem());
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("");
        assertTrue(assertThrows(NpmregException.class, () -> ManifestReader.read(p)).problem().contains("is empty"));
    }

    @Test
    void acceptsUtf8Bom() throws IOException {
        Path p = dir.resolve("package.json");
        Files.write(p, ("\uFEFF{\"name\":\"x\",\"version\":\"1.0.0\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("x", ManifestReader.read(p).get("name").textValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"version\":\"1.0.0\"}|\"name\" is missing",
        "{\"name\":3,\"version\":\"1.0.0\"}|not a string",
        "{\"name\":\"x\"}|\"version\" is missing",
        "{\"name\":\"x\",\"version\":\"1.2\"}|not a valid semantic version",
        "{\"name\":\"x\",\"version\":\"01.2.3\"}|not a valid semantic version",
        "{\"name\":\"x\",\"version\":1}|not a valid semantic version",
    })
    void validation(String json, String fragment) throws IOException {
        Path p = write(json);
        NpmregException e = assertThrows(NpmregException.class, () -> ManifestReader.read(p));
        assertTrue(e.problem().contains(fragment), e.problem());
        assertTrue(e.problem().contains(p.toString()), e.problem());
        assertTrue(e.fix() != null && !e.fix().isBlank());
    }

    @ParameterizedTest
    @CsvSource({"v1.0.0, 1.0.0", "=1.0.0, 1.0.0", "' 1.0.0 ', 1.0.0", "1.0.0+build.7, 1.0.0", "1.0.0-rc.1, 1.0.0-rc.1",
        "1.0.0-rc.1+b, 1.0.0-rc.1", "vv1.0.0, 1.0.0"})
    void versionsAreCleanedAsNpmDoes(String raw, String cleaned) {
        assertEquals(cleaned, NpmVersion.clean(raw).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"1.2", "01.0.0", "1.0.0beta", "1.0.0-01", "latest", "''"})
    void versionsNpmCleansLooselyAreRejected(String raw) {
        assertTrue(NpmVersion.clean(raw).isEmpty(), raw);
    }
}
