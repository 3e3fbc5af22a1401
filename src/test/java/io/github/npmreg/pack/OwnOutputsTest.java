package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree("{\"name\":\"x\",\"version\":\"1.0.0\"}");
        Files.writeString(dir.resolve("package.json"), manifest.toString());
        Files.writeString(dir.resolve("index.js"), "");
        Files.createDirectories(dir.resolve("target/npmreg"));
        Files.writeString(dir.resolve("target/npmreg/pack.json"), "{}");
        Files.writeString(dir.resolve("target/x-1.0.0.tgz"), "old");
        Files.writeString(dir.resolve("target/.x-1.0.0.tgz123.tmp"), "partial");
        Files.writeString(dir.resolve("target/other.txt"), "npm packs this");
        List<String> files = OwnOutputs.excluding(List.of(dir.resolve("target/npmreg"), dir.resolve("target/x-1.0.0.tgz")))
                .list(dir, manifest, PacklistRules.NPM_11).files();
        assertEquals(new TreeSet<>(List.of("index.js", "package.json", "target/other.txt")), new TreeSet<>(files));
    }
}
