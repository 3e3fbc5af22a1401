package io.github.npmreg.npm.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.testing.NpmCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NodeGlob} against node-glob itself: the glob 13.0.6 bundled in the npm 12 the build installs, run on
 * Node 24 with npm-packlist 11's options ({@code withFileTypes: true, dot: true}), over one tree and a table of
 * patterns. Each match is compared with its type (file, directory, other). Not in the table: matches through a
 * symlinked directory ({@code linkdir/*}) and symlinks matched by a trailing slash, which {@link NodeGlob} leaves
 * out on purpose (see there): npm-packlist derives no rule from them.
 */
class NodeGlobParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void agreesWithNodeGlob() throws Exception {
        Path root = Files.createDirectories(temp.resolve("tree"));
        for (String f : List.of("index.js", "index.test.js", "README.md", "readme.txt", ".eslintrc", ".config/a.json",
                ".config/deep/b.json", "lib/a.js", "lib/a.js.map", "lib/b.mjs", "lib/deep/c.js", "lib/deep/er/d.ts",
                "LIB/e.JS", "src/x.ts", "src/x.spec.ts", "src/in/y.ts", "a.txt", "b.txt", "c.txt", "#notes.md",
                "!bang.js", "a[1].js", "b{c,d}.js", "q?.js", "sp ace.js", "v1/x.js", "v2/y/z.js", "file1.md",
                "file2.md", "file10.md", "Main.cfg", "minor.cfg", "node_modules/dep/index.js", "dist/a.js",
                "dist/sub/b.js", "docs/g.md", "guides/h.md", "é/ü.js", "日本/語.txt", ".git/HEAD")) {
            Path file = root.resolve(f);
            Files.createDirectories(file.getParent());
            Files.writeString(file, f);
        }
        Files.createDirectories(root.resolve("empty/dir"));
        Files.createSymbolicLink(root.resolve("link.js"), Path.of("index.js"));
        Files.createSymbolicLink(root.resolve("linkdir"), Path.of("lib"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("nowhere"));
        List<String> patterns = List.of("*", "**", "**/*", "*.js", "**/*.js", "lib", "lib/**", "lib/*", "lib/**/*.js",
                "LIB/*.JS", "lib/*.JS", "readme.*", "README*", ".*", ".config/**", "**/.config", "*.{js,mjs}",
                "{lib,src}/**/*.ts", "[ab].txt", "[!a].txt", "[[:upper:]]*.cfg", "file{1..3}.md", "file?.md",
                "file*.md", "v[0-9]/**", "src/**/!(*.spec).ts", "!(lib|src)", "@(docs|guides)/*.md", "+(a|b).txt",
                "#notes.md", "\\#notes.md", "!bang.js", "a[1].js", "a\\[1\\].js", "b{c,d}.js", "b\\{c,d\\}.js",
                "q?.js", "q\\?.js", "sp ace.js", "é/*", "日本/**", "link.js", "linkdir", "dangling", "empty",
                "empty/**", "missing", "missing/**", "lib/../src/*", "lib/./a.js", "**/deep", "**/deep/**",
                "dist/*", "node_modules/**", ".git", "**/*.map", "*/", "lib/", "**/", "x/../lib");
        StringBuilder script = new StringBuilder("const { globSync } = require(")
                .append(JSON.writeValueAsString(NpmCli.npm12Modules().resolve("glob").toString())).append(");\n")
                .append("const out = {};\nfor (const p of ").append(JSON.writeValueAsString(patterns)).append(") {\n")
                .append("  let m = [];\n  try { m = globSync(p, { cwd: ")
                .append(JSON.writeValueAsString(root.toString()))
                .append(", withFileTypes: true, dot: true }); } catch (e) { m = []; }\n")
                .append("  out[p] = m.map(x => x.relativePosix() + ' ' + (x.isDirectory() ? 'D' : x.isFile() ? 'F' : 'O'))")
                .append(".filter(s => !s.startsWith(' ') && !s.startsWith('..') && !(p.endsWith('/') && s.endsWith(' O')));\n}\n")
                .append("console.log(JSON.stringify(out));\n");
        NpmCli.Result node = NpmCli.node24(root, script.toString()).orFail("node-glob on Node 24");
        var expected = JSON.readTree(node.stdout());
        List<String> theirs = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (String pattern : patterns) {
            TreeSet<String> t = new TreeSet<>();
            expected.get(pattern).forEach(n -> t.add(n.asText()));
            TreeSet<String> o = new TreeSet<>();
            for (NodeGlob.Match m : NodeGlob.globSync(pattern, root)) {
                o.add(m.path() + " " + switch (m.type()) { case DIRECTORY -> "D"; case FILE -> "F"; case OTHER -> "O"; });
            }
            theirs.add(pattern + " -> " + t);
            ours.add(pattern + " -> " + o);
        }
        assertEquals(String.join("\n", theirs), String.join("\n", ours));
    }
}
