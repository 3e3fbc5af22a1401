package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * For every tree of {@link PackFixtures}: the files and bundled names {@link PackList} selects equal what the real
 * {@code npm pack --json} reports, and the uncompressed tar {@link Packer#writeTar} writes for that selection equals
 * npm's tarball byte for byte. One npm call per tree.
 */
class PackListParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> sameFilesAndTarBytesAsNpmPack() {
        return PackFixtures.all().stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(), () -> {
            Path base = Files.createDirectories(temp.resolve(fixture.name()));
            Path packageDir = fixture.build(Files.createDirectories(base.resolve("tree")));
            Path out = Files.createDirectories(base.resolve("npm-out"));
            NpmCli.Result npm = NpmCli.run(packageDir, "pack", "--json", "--ignore-scripts", "--pack-destination",
                    out.toString()).orFail("npm pack in " + fixture.name());
            JsonNode report = JSON.readTree(npm.stdout()).get(0);
            TreeSet<String> npmFiles = new TreeSet<>();
            report.get("files").forEach(f -> npmFiles.add(f.get("path").asText()));
            TreeSet<String> npmBundled = new TreeSet<>();
            report.get("bundled").forEach(b -> npmBundled.add(b.asText()));

            ObjectNode manifest = (ObjectNode) JSON.readTree(packageDir.resolve("package.json").toFile());
            PackList.Result ours = PackList.collect(packageDir, manifest);
            assertEquals(String.join("\n", npmFiles), String.join("\n", new TreeSet<>(ours.files())),
                    fixture.name() + ": files differ from npm pack");
            assertEquals(npmBundled, new TreeSet<>(ours.bundled()), fixture.name() + ": bundled differs");

            byte[] npmTar = gunzip(out.resolve(report.get("filename").asText()));
            ByteArrayOutputStream ourTar = new ByteArrayOutputStream();
            Packer.writeTar(packageDir, packageDir.resolve("package.json"), manifest, ours.files(), ourTar);
            assertSameTar(fixture.name(), npmTar, ourTar.toByteArray());
        }));
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
