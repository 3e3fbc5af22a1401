package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.npm.packlist.PacklistRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnOutputsTest {
    @TempDir
    Path dir;

    @Test
    void thePluginsOwnOutputsAreLeftOutAndTheRestOfTargetFollowsNpm() throws Exception {
        ObjectNode manifest = packageJson("{\"name\":\"x\",\"version\":\"1.0.0\"}");
        write("index.js", "");
        write("target/npmreg/pack.json", "{}");
        write("target/x-1.0.0.tgz", "old");
        write("target/.x-1.0.0.tgz123.tmp", "partial");
        write("target/other.txt", "npm packs this");
        List<String> files = OwnOutputs.excluding(List.of(dir.resolve("target/npmreg"), dir.resolve("target/x-1.0.0.tgz")), null)
                .list(dir, manifest, PacklistRules.NPM_11).files();
        assertEquals(new TreeSet<>(List.of("index.js", "package.json", "target/other.txt")), new TreeSet<>(files));
    }

    @Test
    void filesOfTheBuildDirectoryThatStillGoInAreNamedInAWarning() throws Exception {
        ObjectNode manifest = packageJson("{\"name\":\"x\",\"version\":\"1.1.0\"}");
        write("index.js", "");
        write("target/x-1.0.0.tgz", "an earlier build's tarball");
        write("target/classes/A.class", "");
        PackList.Result listed = OwnOutputs.excluding(List.of(dir.resolve("target/x-1.1.0.tgz")), dir.resolve("target"))
                .list(dir, manifest, PacklistRules.NPM_12);
        // the files are npm's: the warning changes nothing in the tarball
        assertEquals(new TreeSet<>(List.of("index.js", "package.json", "target/classes/A.class", "target/x-1.0.0.tgz")),
                new TreeSet<>(listed.files()));
        assertEquals(1, listed.warnings().size(), listed.warnings().toString());
        String warning = listed.warnings().get(0);
        assertTrue(warning.startsWith("2 files of the Maven build directory target/ go into the tarball"), warning);
        assertTrue(warning.contains("target/x-1.0.0.tgz") && warning.contains("target/classes/A.class"), warning);
        assertTrue(warning.contains("/target/ to .npmignore"), warning);
    }

    @Test
    void noWarningWhenAnIgnoreFileOrFilesDecides() throws Exception {
        write("target/dist/index.js", "");
        write("target/x-1.0.0.tgz", "old");
        ObjectNode listing = packageJson("{\"name\":\"x\",\"version\":\"1.1.0\",\"files\":[\"target/dist\"]}");
        PackList.Result listed = OwnOutputs.excluding(List.of(), dir.resolve("target"))
                .list(dir, listing, PacklistRules.NPM_12);
        assertEquals(List.of("package.json", "target/dist/index.js"), List.copyOf(new TreeSet<>(listed.files())));
        assertEquals(List.of(), listed.warnings());

        ObjectNode plain = packageJson("{\"name\":\"x\",\"version\":\"1.1.0\"}");
        write(".npmignore", "/target/\n");
        listed = OwnOutputs.excluding(List.of(), dir.resolve("target")).list(dir, plain, PacklistRules.NPM_12);
        assertEquals(List.of("package.json"), List.copyOf(new TreeSet<>(listed.files())));
        assertEquals(List.of(), listed.warnings());
    }

    private ObjectNode packageJson(String json) throws Exception {
        write("package.json", json);
        return (ObjectNode) new ObjectMapper().readTree(json);
    }

    private void write(String file, String content) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
