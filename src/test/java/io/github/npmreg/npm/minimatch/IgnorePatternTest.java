package io.github.npmreg.npm.minimatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.npmreg.testing.NpmCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnorePatternTest {
    private static boolean m(String pattern, String path) {
        return IgnorePattern.ofIgnoreLine(pattern).match(path, false);
    }

    @Test
    void bareNameMatchesBasenameAtAnyDepthIgnoringCase() {
        assertTrue(m("*.log", "a/b/c.LOG"));
        assertTrue(m("test", "lib/Test"));
        assertFalse(m("test", "test/a.js"));
    }

    @Test
    void leadingSlashAnchorsAndTrailingSlashNeedsADirectoryPath() {
        assertTrue(m("/x.js", "/x.js"));
        assertFalse(m("/x.js", "/sub/x.js"));
        assertTrue(m("build/", "build/"));
        assertFalse(m("build/", "build"));
    }

    @Test
    void globstarsBracesClassesAndEscapes() {
        assertTrue(m("a/**/b.js", "a/m/n/b.js"));
        assertTrue(m("a/**/b.js", "a/b.js"));
        assertFalse(m("a/**/b.js", "c/a/b.js"));
        assertTrue(m("*.{md,txt}", "x.txt"));
        assertTrue(m("/readme{,.*[^~$]}", "/README.md"));
        assertTrue(m("/readme{,.*[^~$]}", "/readme"));
        assertFalse(m("/readme{,.*[^~$]}", "/README.md~"));
        assertFalse(m("/readme{,.*[^~$]}", "/readme-x"));
        assertTrue(m("[!x]y.cfg", "ay.cfg"));
        assertFalse(m("[!x]y.cfg", "xy.cfg"));
        assertTrue(m("\\#hash.js", "#hash.js"));
        assertTrue(m("{1..3}.dat", "2.dat"));
        assertTrue(m("file?.js", "file1.js"));
        assertFalse(m("file?.js", "file12.js"));
    }

    @Test
    void negationIsReportedNotApplied() {
        IgnorePattern p = IgnorePattern.ofIgnoreLine("!keep.log");
        assertTrue(p.negate());
        assertTrue(p.match("keep.log", false));
        assertFalse(IgnorePattern.ofIgnoreLine("!!x").negate());
    }

    @Test
    void partialMatchAcceptsAPrefixOfThePattern() {
        IgnorePattern p = IgnorePattern.ofIgnoreLine("!/hidden/index.js");
        assertTrue(p.match("/hidden", true));
        assertFalse(p.match("/hidden", false));
    }

    /** A table of patterns and paths, each decided by the minimatch inside the installed npm and by us. */
    @TempDir
    Path temp;

    @Test
    void agreesWithNpmsMinimatch() throws Exception {
        List<String> patterns = List.of("*", "*.js", "*.JS", "**", "**/*.js", "a/**", "a/**/b", "**/b/**", "/a",
                "/a/", "a/", "a", "?", "??.js", "*.*", ".*", "[a-c]*", "[!a]*", "[^a]*", "[]", "[z-a]x", "[[:alpha:]]x",
                "\\*x", "a\\", "{a,b}/c", "{,.*[^~$]}", "readme{,.*[^~$]}", "/readme{,.*[^~$]}", "x/../y", "**/.git",
                "**/.git/**", ".*.swp", "._*", "**/._*/**", "*.orig", "/archived-packages/**", "a/*/c", "a/*",
                "lib/*.tmp", "#x", "!a", "!!a", "a{b}c", "{a,{b,c}}d", "*.[jt]s", "***", "a/**/", "é*", "日本/*",
                "x/./y", "/.wafpickle-*", "*(x)", "@(a|b)", "!(a)", "!(a|x).js", "+(a|b)c", "?(x)y", "@()", "!()",
                "!(a|)", "*(x", "@(a|[)])*", "a!(b)/c", "!(*.js)", "@(x|!(y))z", "{a..c}x", "x{01..03}", "{a,b}{c,d}",
                "\\{a,b}", "{a,b\\,c}", "${a,b}", "{}x", "a{,b}", "x{a}", "{x,y}/**/z", "e-?.md", "e-??.md", "e-[😀].md",
                "e-*.md", "e-😀.md", "e-[^a].md", "?-😀.md", "ſ*", "k", "*.K",
                // literal-and-star parts (matched without a regex): pieces in order, overlapping, case-folded
                "a*b*c", "*ab*ab", "a*a", "x*.*y", "*ab*b", "GIT", ".GIT", "..", "/..*", "k*K");
        List<String> paths = List.of("a", "/a", "a/", "/a/", "A", "x.js", "X.JS", "a/b", "a/b/c", "/a/b/c", "a/x/b",
                "a/x/y/b", "b/c", "/b/c", ".git", "x/.git", "x/.git/y", ".x.swp", "._x", "z/._x/y", "c.orig",
                "/archived-packages/p", "readme", "README.md", "readme.md~", "/README", "/readme.$", "y", "x/y",
                "*x", "a\\", "abc", "a.js/", ".hidden", "x.ts", "é.txt", "日本/語", "xx", "ax", "/.wafpickle-1",
                "ab.js", "lib/a.tmp", "lib/b/a.tmp", "x/y/", "ac", "bc", "abc", "aac", "y", "xy", "@()", "*(x", "a)",
                "ac/c", "ab/c", "xz", "yz", "xxz", "x.js", "", "x02", "x2", "bd", "{a,b}", "b,c", "${a,b}", "{}x",
                "x{a}", "y/q/z", "cx", "e-😀.md", "e-é.md", "s", "S", "ſx", "K", "\u212A", "x.k",
                "x.\u212A", "aabbcc", "abab", "abcab", "aa", "xay", "x.y", "Xa.bY", "..", "/..", "/...", "kK", "\u212Ak", "xab");
        ArrayNode table = new ObjectMapper().createArrayNode();
        List<String> ours = new ArrayList<>();
        for (String pattern : patterns) {
            IgnorePattern p = IgnorePattern.ofIgnoreLine(pattern);
            for (String path : paths) {
                for (boolean partial : new boolean[] {false, true}) {
                    table.addArray().add(pattern).add(path).add(partial);
                    ours.add(pattern + " | " + path + " | " + partial + " -> " + p.match(path, partial));
                }
            }
        }
        String script = "const {execSync}=require('child_process');"
                + "const root=execSync('npm root -g').toString().trim();"
                + "const {Minimatch}=require(require('path').join(root,'npm/node_modules/minimatch'));"
                + "const o={matchBase:true,dot:true,flipNegate:true,nocase:true};"
                + "const t=JSON.parse(require('fs').readFileSync('table.json','utf8'));"
                + "console.log(JSON.stringify(t.map(([p,f,partial])=>new Minimatch(p,o).match(f,partial))))";
        Files.writeString(temp.resolve("table.json"), table.toString(), StandardCharsets.UTF_8);
        NpmCli.Result r = NpmCli.node(temp, script).orFail("node with npm's minimatch");
        JsonNode verdicts = new ObjectMapper().readTree(r.stdout());
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            JsonNode row = table.get(i);
            theirs.add(row.get(0).asText() + " | " + row.get(1).asText() + " | " + row.get(2).asBoolean() + " -> "
                    + verdicts.get(i).asBoolean());
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            if (!ours.get(i).equals(theirs.get(i))) {
                diffs.add("minimatch: " + theirs.get(i) + "   ours: " + ours.get(i));
            }
        }
        assertEquals(List.of(), diffs);
    }
}
