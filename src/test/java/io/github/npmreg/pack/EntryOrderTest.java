package io.github.npmreg.pack;

import io.github.npmreg.npm.NodePath;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.testing.NpmCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryOrderTest {
    @Test
    void referenceSampleOrder() {
        List<String> expected = List.of("COPYING", "LICENSE", "lib/sub/a.js", "bin/cli.js", "lib/index.js",
                "package.json", "readme.markdown", "docs/a.md", "README.md", "LICENCE.txt");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(1));
        assertEquals(expected, EntryOrder.sort(shuffled));
    }

    @Test
    void rootEntriesStartingWithAtSortAsDotSlashAt() {
        assertEquals(List.of("_foo/x.js", "@foo/x.js", ".hidden/x.js", "afoo/x.js"),
                EntryOrder.sort(List.of("afoo/x.js", ".hidden/x.js", "@foo/x.js", "_foo/x.js")));
    }

    @Test
    void tiesKeepTheirInputOrder() {
        // Canonically equivalent names compare equal; the sort is stable.
        assertEquals(List.of("e\u0301.js", "\u00e9.js"), EntryOrder.sort(List.of("e\u0301.js", "\u00e9.js")));
        assertEquals(List.of("\u00e9.js", "e\u0301.js"), EntryOrder.sort(List.of("\u00e9.js", "e\u0301.js")));
    }

    @ParameterizedTest
    @CsvSource({"'..',''", "'...','.'", "'..a','.a'", "'file.','.'", "'.eslintrc',''", "'.js',''", "'.a.b','.b'",
        "'lib/a.js','.js'", "'lib.d/a',''", "'a/.b',''", "'a.tar.gz','.gz'"})
    void extnameIsNodes(String path, String ext) {
        assertEquals(ext, NodePath.extname(path));
    }

    /** Node itself sorts the same names with npm-packlist's comparator: both orders must agree. */
    @Test
    void sameOrderAsNode() throws Exception {
        List<String> names = new ArrayList<>(List.of("-foo", "..", ".babelrc", ".eslintrc", ".js", "A.JS", "a.js", "B.js",
                "b.js", "å.js", "a\u0302\u0323.js", "Ꟁ.md", "ꟁ.md", "𐕰.txt", "𐖗.txt", "ß.txt", "ss.txt", "SS.txt",
                "ǅ.js", "lib/ab.js", "file10.js", "file9.js", "file.JSON", "file.json", "résumé.md", "resume.md",
                "日本.js", "中文.js", "😀.txt", "@scope/a.js", "_a.js", "~a.js", "$a.js", "1.js", "10.js", "2.js",
                "index.d.ts", "index.ts", "index.mjs", "index.cjs", "Makefile", "makefile", "LICENSE", "licence",
                "dist/x.min.js", "dist/x.js", "ı.js", "İ.js", "i.js", "I.js", "ﬁ.js", "fi.js", "Ω.js", "ω.js",
                "Å.js", "\u212B.js"));
        Collections.shuffle(names, new Random(7));
        assertEquals(nodeSort(names), EntryOrder.sort(names));
    }

    /** Random printable-ASCII paths (the order computed without ICU) against Node's npm-packlist comparator. */
    @Test
    void asciiPathsOrderAsNode() throws Exception {
        List<String> names = new ArrayList<>();
        Random random = new Random(20261207);
        String alphabet = "aAbBzZ019._-/@~ ()!$";
        for (int n = 0; n < 3000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                s.append(random.nextInt(6) == 0 ? (char) (0x20 + random.nextInt(95))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // Node's side strips a leading "./" it adds to "@…" names: a name of its own starting so is no path.
            if (!s.toString().startsWith("./")) {
                names.add(s.toString());
            }
        }
        assertEquals(nodeSort(names), EntryOrder.sort(names));
    }

    private static List<String> nodeSort(List<String> names) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String script = "const {extname, basename} = require('path');"
                + "const sort = (a, b) => { const exta = extname(a).toLowerCase(), extb = extname(b).toLowerCase();"
                + "const basea = basename(a).toLowerCase(), baseb = basename(b).toLowerCase();"
                + "return exta.localeCompare(extb, 'en') || basea.localeCompare(baseb, 'en') || a.localeCompare(b, 'en') };"
                + "const names = " + json.writeValueAsString(names) + ";"
                + "console.log(JSON.stringify(names.map(e => /^@/.test(e) ? `./${e}` : e).sort(sort)"
                + ".map(e => e.replace(/^\\.\\//, ''))))";
        String out = NpmCli.node(Path.of("."), script).orFail("node").stdout();
        return Arrays.asList(json.readValue(out, String[].class));
    }
}
