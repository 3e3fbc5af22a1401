package io.github.npmreg.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.testing.NpmCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestRewriterTest {
    @TempDir
    Path dir;

    private static final Map<String, String> PUBLISH = new LinkedHashMap<>();

    static {
        PUBLISH.put("registry", "https://gitlab.example.com/api/v4/projects/42/packages/npm/");
        PUBLISH.put("@acme:registry", "https://gitlab.example.com/api/v4/projects/42/packages/npm/");
        PUBLISH.put("access", "public");
    }

    /** Standard layouts (as JSON.stringify writes them) x manifest shapes. */
    static Stream<Arguments> layouts() {
        List<String> bodies = List.of(
                "{\"name\":\"@acme/x\",\"version\":\"1.0.0\",\"main\":\"index.js\"}",
                "{\"name\":\"@acme/x\",\"version\":\"1.0.0\",\"publishConfig\":{\"registry\":\"https://old.example/\",\"tag\":\"next\"},\"license\":\"MIT\"}",
                "{\"name\":\"@acme/x\",\"version\":\"1.0.0\",\"publishConfig\":{},\"files\":[\"a\",{\"b\":[]}]}",
                "{\"name\":\"@acme/x\",\"version\":\"1.0.0\",\"scripts\":{\"t\":\"echo \\\"}\\\" \\\\u00e9\"},\"publishConfig\":{\"access\":\"restricted\"}}");
        List<String[]> formats = List.of(new String[] {"  ", "\n"}, new String[] {"    ", "\n"}, new String[] {"\t", "\n"},
                new String[] {"  ", "\r\n"});
        return bodies.stream().flatMap(b -> formats.stream().map(f -> Arguments.of(b, f[0], f[1])));
    }

    /** The oracle: npm pkg set rewrites standard files the same way (it re-serialises with the detected format). */
    @ParameterizedTest
    @MethodSource("layouts")
    void matchesNpmPkgSet(String body, String indent, String newline) throws Exception {
        JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        String text = new com.fasterxml.jackson.databind.ObjectMapper().writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                        .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter(indent, newline))
                        .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter(indent, newline))
                        .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)))
                .writeValueAsString(tree) + newline;
        text = text.replace("{ }", "{}").replace("[ ]", "[]");
        Path npmDir = Files.createDirectories(dir.resolve("npm"));
        Files.writeString(npmDir.resolve("package.json"), text);
        List<String> args = new java.util.ArrayList<>(List.of("pkg", "set", "version=2.0.0-rc.1"));
        PUBLISH.forEach((k, v) -> args.add("publishConfig." + k + "=" + v));
        NpmCli.run(npmDir, args.toArray(String[]::new)).orFail("npm pkg set");
        String expected = Files.readString(npmDir.resolve("package.json"));

        String ours = ManifestRewriter.setPublishConfig(ManifestRewriter.setVersion(text, "2.0.0-rc.1"), PUBLISH);
        assertEquals(expected, ours);
    }

    @Test
    void onlyTheValueChangesInOddFormatting() {
        String text = "{ \"name\" :\"x\",\r\n\t\"version\":   \"1.0.0\" , \"x\":[1,2,{\"version\":\"9\"}],\r\n\"publishConfig\" : { \"tag\" : \"beta\" } }";
        String out = ManifestRewriter.setVersion(text, "1.1.0");
        assertEquals(text.replace("\"1.0.0\"", "\"1.1.0\""), out);
        String pc = ManifestRewriter.setPublishConfig(text, Map.of("tag", "next"));
        assertEquals(text.replace("\"beta\"", "\"next\""), pc);
    }

    @Test
    void noFinalNewlineStaysAbsent() {
        String text = "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}";
        assertEquals("{\n  \"name\": \"x\",\n  \"version\": \"1.0.1\"\n}", ManifestRewriter.setVersion(text, "1.0.1"));
    }

    @Test
    void compactFilesStayCompact() {
        String text = "{\"name\":\"x\",\"version\":\"1.0.0\"}";
        assertEquals("{\"name\":\"x\",\"version\":\"1.0.0\",\"publishConfig\":{\"tag\":\"next\"}}",
                ManifestRewriter.setPublishConfig(text, Map.of("tag", "next")));
    }

    @Test
    void missingVersionIsAdded() {
        assertEquals("{\n\t\"name\": \"x\",\n\t\"version\": \"1.0.0\"\n}\n",
                ManifestRewriter.setVersion("{\n\t\"name\": \"x\"\n}\n", "1.0.0"));
    }

    @Test
    void duplicateKeysChangeTheOneJsonParseKeeps() {
        assertEquals("{\"version\":\"1\",\"version\":\"3\"}", ManifestRewriter.setVersion("{\"version\":\"1\",\"version\":\"2\"}", "3"));
    }

    @Test
    void publishConfigThatIsNotAnObjectIsReplacedAsNpmIgnoresIt() {
        // npm 11 warns "Unknown publishConfig config" and ignores a non-object publishConfig.
        assertEquals("{\"publishConfig\":{\"tag\":\"a\"}}",
                ManifestRewriter.setPublishConfig("{\"publishConfig\":\"x\"}", Map.of("tag", "a")));
    }

    @Test
    void rewriteIsAtomicAndKeepsPermissions() throws Exception {
        Path file = dir.resolve("package.json");
        Files.writeString(file, "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ManifestRewriter.rewrite(file, t -> ManifestRewriter.setVersion(t, "3.0.0"));
        assertEquals("{\n  \"name\": \"x\",\n  \"version\": \"3.0.0\"\n}\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temp file left");
        }
    }

    @Test
    void byteOrderMarkIsKept() {
        String text = "\uFEFF{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"publishConfig\": {}\n}\n";
        assertEquals("\uFEFF{\n  \"name\": \"x\",\n  \"version\": \"2.0.0\",\n  \"publishConfig\": {\n    \"tag\": \"next\"\n  }\n}\n",
                ManifestRewriter.setPublishConfig(ManifestRewriter.setVersion(text, "2.0.0"), Map.of("tag", "next")));
    }
}
