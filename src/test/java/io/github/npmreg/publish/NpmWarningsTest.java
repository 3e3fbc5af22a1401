package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.json.JsonTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpmWarningsTest {
    private static final Path FILE = Path.of("/p/package.json");

    @Test
    void replacementCharacterAnywhereIsNamed() throws Exception {
        for (String json : List.of("{\"name\":\"x\",\"description\":\"a\uFFFDb\"}",
                "{\"name\":\"x\",\"scripts\":{\"t\uFFFD\":\"x\"}}",
                "{\"name\":\"x\",\"keywords\":[\"ok\",[\"deep\uFFFD\"]]}")) {
            List<String> warnings = NpmWarnings.of((ObjectNode) JsonTree.read(json), FILE, null);
            assertEquals(1, warnings.size(), json + ": " + warnings);
            assertTrue(warnings.get(0).contains("not valid UTF-8"), warnings.get(0));
        }
    }

    @Test
    void cleanManifestHasNoWarning() throws Exception {
        assertEquals(List.of(), NpmWarnings.of((ObjectNode) JsonTree.read(
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"files\":[\"dist/\"],\"n\":[1,2.5,null,true]}"), FILE, null));
    }
}
