package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.testing.NpmCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report's order against Node running npm's getContents order (lib/utils/tar.js) on the same paths. */
class ReportOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void asciiPathsOrderAsNode() throws Exception {
        List<String> paths = new ArrayList<>(List.of("README.md", "readme.md", "Readme.md", "file10.js", "file9.js",
                "file09.js", "file009.js", "a01", "a1", "A1", "_x.js", "-x.js", "~x.js", "$x.js", "@s/x.js", "0.js",
                "lib/a.js", "lib/A.js", "LIB/a.js", "lib-a.js", "lib_a.js", "lib.a.js", "LICENSE", "package.json"));
        Random random = new Random(20261207);
        String alphabet = "aAbBzZ0123456789._-/@~ ()!$";
        for (int n = 0; n < 3000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = 1 + random.nextInt(10); i > 0; i--) {
                s.append(random.nextInt(6) == 0 ? (char) (0x20 + random.nextInt(95))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            paths.add(s.toString());
        }
        assertEquals(nodeOrder(paths), ours(paths));
    }

    @Test
    void nonAsciiPathsOrderAsNode() throws Exception {
        List<String> paths = List.of("résumé.md", "resume.md", "Résumé.md", "ß.txt", "ss.txt", "日本.js", "a.js",
                "Ω.js", "ω.js", "file10.js", "file9.js", "ı.js", "İ.js", "😀.txt", "ǅ.js");
        assertEquals(nodeOrder(paths), ours(paths));
    }

    private static List<String> ours(List<String> paths) {
        return ReportOrder.sort(paths.stream().map(p -> new PackedFile(p, 1, 0644)).toList()).stream()
                .map(PackedFile::path).toList();
    }

    private static List<String> nodeOrder(List<String> paths) throws Exception {
        String script = "const collator = new Intl.Collator('en', {sensitivity: 'case', numeric: true});"
                + "const cmp = (a, b) => collator.compare(a, b);"
                + "const isUpper = s => { const ch = s.charAt(0); return ch === ch.toUpperCase() };"
                + "const files = " + JSON.writeValueAsString(paths) + ";"
                + "const uppers = files.filter(isUpper), others = files.filter(f => !isUpper(f));"
                + "uppers.sort(cmp); others.sort(cmp);"
                + "console.log(JSON.stringify(uppers.concat(others)))";
        String out = NpmCli.node(Path.of("."), script).orFail("node").stdout();
        return Arrays.asList(JSON.readValue(out, String[].class));
    }
}
