package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.npm.packlist.PacklistRules;
import io.github.npmreg.testing.NpmCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every tree of {@link PackFixtures} and each npm the plugin follows (npm 11.19.1 on the machine's Node 20, npm
 * 12.2.2 on the Node 24 the build installs): the files and bundled names {@link PackList} selects under that npm's
 * {@link PacklistRules} equal what the real {@code npm pack --json} reports, and the uncompressed tar
 * {@link Packer#writeTar} writes for that selection equals npm's tarball byte for byte. One npm call per tree and
 * npm. A missing npm 11 or npm 12 fails the test; it is never skipped.
 */
class PackListParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> sameFilesAndTarBytesAsNpm11Pack() {
        return parity(PacklistRules.NPM_11);
    }

    @TestFactory
    Stream<DynamicTest> sameFilesAndTarBytesAsNpm12Pack() {
        return parity(PacklistRules.NPM_12);
    }

    private Stream<DynamicTest> parity(PacklistRules rules) {
        // -Dnpmreg.parity.fixtures=<regex> narrows a local run to some trees; CI runs them all
        String only = System.getProperty("npmreg.parity.fixtures", ".*");
        return PackFixtures.all().stream().filter(f -> f.name().matches(only)).map(fixture -> DynamicTest.dynamicTest(fixture.name(), () -> {
            Path base = Files.createDirectories(temp.resolve("npm" + rules.major()).resolve(fixture.name()));
            Path packageDir = fixture.build(Files.createDirectories(base.resolve("tree")));
            Path out = Files.createDirectories(base.resolve("npm-out"));
            String[] args = {"pack", "--json", "--ignore-scripts", "--pack-destination", out.toString()};
            NpmCli.Result npm = (rules == PacklistRules.NPM_11 ? NpmCli.run(packageDir, args)
                    : NpmCli.run12(packageDir, args)).orFail("npm " + rules.major() + " pack in " + fixture.name());
            JsonNode report = packReport(npm.stdout());
            TreeSet<String> npmFiles = new TreeSet<>();
            report.get("files").forEach(f -> npmFiles.add(f.get("path").asText()));
            TreeSet<String> npmBundled = new TreeSet<>();
            report.get("bundled").forEach(b -> npmBundled.add(b.asText()));

            ObjectNode manifest = (ObjectNode) JSON.readTree(packageDir.resolve("package.json").toFile());
            PackList.Result ours = PackList.collect(packageDir, manifest, rules);
            String what = fixture.name() + " (npm " + rules.major() + ")";
            assertEquals(String.join("\n", npmFiles), String.join("\n", new TreeSet<>(ours.files())),
                    what + ": files differ from npm pack");
            assertEquals(npmBundled, new TreeSet<>(ours.bundled()), what + ": bundled differs");
            boolean npmWarnedPatch = npm.stderr().contains("patched-dependencies");
            assertEquals(npmWarnedPatch, ours.warnings().stream().anyMatch(w -> w.contains("patchedDependencies")),
                    what + ": the patched-dependencies warning differs; npm's stderr: " + npm.stderr());

            byte[] npmTar = gunzip(out.resolve(report.get("filename").asText()));
            ByteArrayOutputStream ourTar = new ByteArrayOutputStream();
            Packer.writeTar(packageDir, packageDir.resolve("package.json"), manifest, rules, ours.files(), ourTar);
            assertSameTar(what, npmTar, ourTar.toByteArray());
        }));
    }

    /** npm 11 prints an array with one object per package, npm 12 an object keyed by package name. */
    static JsonNode packReport(String stdout) throws IOException {
        JsonNode json = JSON.readTree(stdout);
        return json.isArray() ? json.get(0) : json.elements().next();
    }

    private static byte[] gunzip(Path tgz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            return in.readAllBytes();
        }
    }

    /** Fails naming the first differing entry of npm's tar and the offset inside it. */
    private static void assertSameTar(String name, byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int diff = -1;
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                diff = i;
                break;
            }
        }
        if (diff < 0 && expected.length == actual.length) {
            return;
        }
        if (diff < 0) {
            diff = n;
        }
        fail(name + ": tar bytes differ from npm's at offset " + diff + " (" + describe(expected, diff)
                + "); npm's tar has " + expected.length + " bytes, ours " + actual.length + "; entries npm: "
                + entries(expected) + " ours: " + entries(actual));
    }

    private static String describe(byte[] tar, int offset) {
        int pos = 0;
        String path = null;
        while (pos + 512 <= tar.length) {
            String entry = headerName(tar, pos);
            if (entry.isEmpty()) {
                return "in the end-of-archive blocks";
            }
            long size = Long.parseLong(new String(tar, pos + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            long end = pos + 512 + ((size + 511) / 512) * 512;
            if (offset < end) {
                path = entry;
                return "entry " + path + (offset < pos + 512 ? ", header byte " + (offset - pos)
                        : ", data byte " + (offset - pos - 512));
            }
            pos = (int) end;
        }
        return "past the end";
    }

    private static List<String> entries(byte[] tar) {
        List<String> names = new ArrayList<>();
        int pos = 0;
        while (pos + 512 <= tar.length) {
            String entry = headerName(tar, pos);
            if (entry.isEmpty()) {
                break;
            }
            names.add(entry);
            long size = Long.parseLong(new String(tar, pos + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            pos += 512 + (int) (((size + 511) / 512) * 512);
        }
        return names;
    }

    private static String headerName(byte[] tar, int pos) {
        int len = 0;
        while (len < 100 && tar[pos + len] != 0) {
            len++;
        }
        return new String(tar, pos, len, StandardCharsets.UTF_8);
    }
}
