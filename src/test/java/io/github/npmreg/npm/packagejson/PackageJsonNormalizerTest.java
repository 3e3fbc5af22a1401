package io.github.npmreg.npm.packagejson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle is npm's own normalizer: for every fixture directory, {@code PackageJson.fix(dir)} then
 * {@code .prepare()} (what npm publish does to a directory), then libnpmpublish's {@code fixName} normalize and
 * {@code semver.clean(version)}. Our output must be the same JSON, key order included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageJsonNormalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    /** One fixture: files (path to content; package.json among them) and the gitHead we pass. */
    private record Case(String name, Map<String, String> files, String gitHead) {}

    private final List<Case> cases = new ArrayList<>();
    private JsonNode npm;
    /** What {@code PackageJson.normalize(dir)} (pacote's and Arborist's read) gives for each case. */
    private JsonNode npmPack;

    @TempDir
    static Path root;

    private void add(String name, String packageJson, String... pathsAndContents) {
        addWithGitHead(name, null, packageJson, pathsAndContents);
    }

    private void addWithGitHead(String name, String gitHead, String packageJson, String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("package.json", packageJson);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        cases.add(new Case(name, files, gitHead));
    }

    @BeforeAll
    void runNpmOnAllFixtures() throws Exception {
        add("minimal", "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        add("underscore keys, bundledDependencies, readme description",
                "{\"_id\":\"old\",\"name\":\"@acme/hello\",\"_resolved\":\"r\",\"version\":\"v1.2.3\",\"bundledDependencies\":[\"a\"],\"dependencies\":{\"a\":\"^1\"}}",
                "README.md", "# Hello\n\nFirst line of the\ndescription.\n\n## Usage\n");
        add("bin string on a scoped name", "{\"name\":\"@acme/cli\",\"version\":\"1.0.0\",\"bin\":\"./bin/cli.js\"}");
        add("bin object paths cleaned", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bin\":{\"a\":\"./bin/a.js\",\"sub/b\":\"bin\\\\b.js\",\"c\":\"../../etc/passwd\",\"d\":5,\"e\":\"./\"}}");
        add("bin array", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bin\":[\"bin/one.js\",\"./tools/two\"]}");
        add("bin array with one basename twice", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bin\":[\"x.js\",\"sub/x.js\"]}");
        add("bin key renamed onto a later key", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bin\":{\"a/x\":\"p.js\",\"x\":\"q.js\",\"y\":\"r.js\",\"b/y\":\"s.js\"}}");
        add("directories.bin", "{\"name\":\"x\",\"version\":\"1.0.0\",\"directories\":{\"bin\":\"./bin\"}}",
                "bin/tool", "#!/bin/sh\n", "bin/.hidden", "x", "bin/sub/deep.js", "x");
        add("directories.man and man string", "{\"name\":\"x\",\"version\":\"1.0.0\",\"directories\":{\"man\":\"./man\"}}",
                "man/x.1", "x", "man/sub/y.5", "y", "man/notes.txt", "n");
        add("man string", "{\"name\":\"x\",\"version\":\"1.0.0\",\"man\":\"./man/x.1\"}");
        add("github shorthand repository", "{\"name\":\"x\",\"version\":\"1.0.0\",\"repository\":\"npm/cli\"}");
        add("gitlab shorthand with bugs kept", "{\"name\":\"x\",\"version\":\"1.0.0\",\"repository\":\"gitlab:group/sub/proj\",\"bugs\":\"https://issues.example/\",\"homepage\":\"example.com/x\"}");
        add("repository objects and other hosts", "{\"name\":\"x\",\"version\":\"1.0.0\",\"repository\":{\"type\":\"git\",\"url\":\"git@bitbucket.org:team/repo.git\",\"directory\":\"packages/x\"}}");
        add("self-hosted gitlab repository", "{\"name\":\"x\",\"version\":\"1.0.0\",\"repository\":{\"type\":\"git\",\"url\":\"https://gitlab.example.com/g/p.git\"}}");
        add("gist and repositories array", "{\"name\":\"x\",\"version\":\"1.0.0\",\"repositories\":[\"gist:11081aaa281\",\"npm/other\"]}");
        add("people", "{\"name\":\"x\",\"version\":\"1.0.0\",\"author\":\"Jane Doe <jane@example.com> (https://jane.example)\","
                + "\"contributors\":[\"Bob\",{\"name\":\"Al\",\"web\":\"https://al.example\",\"mail\":\"al@example.com\"},\"<only@mail.example>\",\"(https://only.url)\"],"
                + "\"maintainers\":[{\"name\":\"M\",\"email\":\"m@example.com\",\"url\":\"https://m.example\"}]}");
        add("author object", "{\"name\":\"x\",\"version\":\"1.0.0\",\"author\":{\"name\":\"  Spaced  \",\"email\":\"s@example.com\"}}");
        add("types from main", "{\"name\":\"x\",\"version\":\"1.0.0\",\"main\":\"./lib/index.js\"}",
                "lib/index.js", "", "lib/index.d.ts", "");
        add("types from default index, typings respected",
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"typings\":\"t.d.ts\"}", "index.d.ts", "");
        add("types from index.d.ts", "{\"name\":\"x\",\"version\":\"1.0.0\"}", "index.d.ts", "");
        add("gyp, server.js, scripts", "{\"name\":\"x\",\"version\":\"1.0.0\",\"scripts\":{\"test\":\"node_modules/.bin/jest\",\"bad\":5,\"build\":\"./node_modules/.bin/tsc -p .\"}}",
                "binding.gyp", "{}", "server.js", "");
        add("gyp without scripts", "{\"name\":\"x\",\"version\":\"1.0.0\"}", "binding.gyp", "{}");
        add("gypfile false", "{\"name\":\"x\",\"version\":\"1.0.0\",\"gypfile\":false}", "binding.gyp", "{}");
        addWithGitHead("gitHead", SHA, "{\"name\":\"x\",\"version\":\"1.0.0\"}",
                ".git/HEAD", "ref: refs/heads/main\n", ".git/refs/heads/main", SHA + "\n");
        add("dependencies", "{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\":{\"a\":\"user/repo\",\"b\":\"git+https://github.com/u/r.git\",\"c\":1,\"d\":\"^1.0.0\",\"e\":\"npm:f@^2\"},"
                + "\"devDependencies\":[\"jest@29\",\"ts\"],\"optionalDependencies\":\"o1, o2\",\"bundleDependencies\":true}");
        add("bundleDependencies names missing from dependencies", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bundleDependencies\":[\"zed\",\"\",3]}");
        add("bundleDependencies false", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bundleDependencies\":false}");
        add("misc fields", "{\"name\":\"x\",\"version\":\"1.0.0-rc.1+build.5\",\"keywords\":\"a, b,c\",\"files\":[\"dist\",\"\",7],\"bugs\":\"help@example.com\","
                + "\"modules\":{\"a\":1},\"funding\":\"https://fund.example\",\"publishConfig\":{\"access\":\"public\"},\"tag\":\"next\",\"license\":\"MIT\",\"description\":\"\"}",
                "readme.markdown", "Plain readme\r\nsecond line\r\n");
        add("bugs object with web", "{\"name\":\"x\",\"version\":\"1.0.0\",\"bugs\":{\"web\":\"https://b.example\",\"email\":\"nope\"}}");
        add("AUTHORS file", "{\"name\":\"x\",\"version\":\"1.0.0\"}", "AUTHORS", "# comment\nAnn <ann@example.com>\n\n  Ben (https://ben.example)\n");
        add("README without extension and headings only", "{\"name\":\"x\",\"version\":\"1.0.0\"}", "README", "# Title\n## Sub\n", "README.txt", "ignored");
        add("readme field kept", "{\"name\":\"x\",\"version\":\"1.0.0\",\"readme\":\"inline readme\"}", "README.md", "file readme");

        add("directories.bin with trailing slash", "{\"name\":\"x\",\"version\":\"1.0.0\",\"directories\":{\"bin\":\"bin/\"}}", "bin/a", "");
        add("directories.bin missing", "{\"name\":\"x\",\"version\":\"1.0.0\",\"directories\":{\"bin\":\"nope\"}}");
        add("several readmes", "{\"name\":\"x\",\"version\":\"1.0.0\"}", "README.md", "md", "readme.markdown", "markdown",
                "README", "plain");
        add("readme with BOM", "{\"name\":\"x\",\"version\":\"1.0.0\"}", "README.md", "\uFEFFFirst paragraph\n");
        add("git protocol repository and homepage kept", "{\"name\":\"x\",\"version\":\"1.0.0\",\"homepage\":\"https://x.example\","
                + "\"repository\":{\"type\":\"git\",\"url\":\"git://github.com/u/r.git\"}}");

        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Path dir = root.resolve("case" + i);
            for (Map.Entry<String, String> f : cases.get(i).files().entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            dirs.add(dir.toString());
        }
        String script = "const PJ=require(" + NpmModules.js(NpmModules.path("@npmcli/package-json")) + ");"
                + "const semver=require(" + NpmModules.js(NpmModules.path("semver")) + ");"
                + "(async()=>{const out=[],pack=[];for(const d of " + JSON.writeValueAsString(dirs) + "){try{"
                + "const p=await PJ.fix(d);await p.prepare();"
                + "const q=await new PJ().fromContent({...p.content}).normalize({steps:['fixName']});"
                + "const c=q.content;c.version=semver.clean(c.version);out.push(c)}"
                + "catch(e){out.push({error:e.message})}"
                + "try{pack.push((await PJ.normalize(d)).content)}catch(e){pack.push({error:e.message})}}"
                + "console.log(JSON.stringify({out,pack}))})()";
        JsonNode both = JSON.readTree(NpmCli.node(root, script).orFail("npm's normalizer").stdout());
        npm = both.get("out");
        npmPack = both.get("pack");
        assertEquals(cases.size(), npm.size());
        assertEquals(cases.size(), npmPack.size());
    }

    @Test
    void everyFixtureMatchesNpm() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path dir = root.resolve("case" + i);
            ObjectNode raw = ManifestReader.parse(dir.resolve("package.json"));
            String ours = JSON.writeValueAsString(PackageJsonNormalizer.forPublish(raw, dir, c.gitHead()));
            String theirs = JSON.writeValueAsString(npm.get(i));
            if (!ours.equals(theirs)) {
                mismatches.add(c.name() + "\n  npm:  " + theirs + "\n  ours: " + ours);
            }
        }
        assertEquals("", String.join("\n", mismatches));
        assertTrue(cases.size() >= 12);
    }

    @Test
    void everyFixtureLoadsForPackAsNpmLoadsIt() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Path dir = root.resolve("case" + i);
            ObjectNode raw = ManifestReader.parse(dir.resolve("package.json"));
            String ours = JSON.writeValueAsString(PackageJsonNormalizer.forPack(raw, dir, 11));
            String theirs = JSON.writeValueAsString(npmPack.get(i));
            if (!ours.equals(theirs)) {
                mismatches.add(cases.get(i).name() + "\n  npm:  " + theirs + "\n  ours: " + ours);
            }
        }
        assertEquals("", String.join("\n", mismatches));
    }

    @Test
    void rawInputIsNotModified() throws Exception {
        ObjectNode raw = (ObjectNode) JSON.readTree("{\"name\":\"x\",\"version\":\"v1.0.0\",\"_id\":\"a\"}");
        String before = raw.toString();
        PackageJsonNormalizer.forPublish(raw, root, null);
        assertEquals(before, raw.toString());
    }

    @Test
    void noDistOrNodeVersionAdded() throws Exception {
        ObjectNode out = PackageJsonNormalizer.forPublish((ObjectNode) JSON.readTree("{\"name\":\"x\",\"version\":\"1.0.0\"}"), root, null);
        assertFalse(out.has("dist") || out.has("_nodeVersion") || out.has("_npmVersion"));
        assertEquals("x@1.0.0", out.get("_id").asText());
    }
}
