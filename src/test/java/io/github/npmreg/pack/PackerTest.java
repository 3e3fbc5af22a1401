package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PacklistRules;
import io.github.npmreg.testing.NpmCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A scoped package with a bundled dependency, upper- and lower-case names and sizes in B, kB and MB. */
    private Path samplePackage() throws IOException {
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        NpmTarParityTest.write(pkg, "package.json", "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\",\"bin\":\"./cli.js\","
                + "\"bundleDependencies\":[\"dep\"],\"dependencies\":{\"dep\":\"1.0.0\"}}\n", "rw-r--r--");
        NpmTarParityTest.write(pkg, "cli.js", "#!/usr/bin/env node\n", "rw-r--r--");
        NpmTarParityTest.write(pkg, "README.md", "# hello\n", "rw-r--r--");
        NpmTarParityTest.write(pkg, "Zeta.txt", "z".repeat(1500), "rw-r--r--");
        NpmTarParityTest.write(pkg, "lib/file10.js", "x".repeat(999_949), "rw-r--r--");
        NpmTarParityTest.write(pkg, "lib/file9.js", "x".repeat(1_250_000), "rw-r--r--");
        NpmTarParityTest.write(pkg, "_under.js", "u\n", "rw-r--r--");
        NpmTarParityTest.write(pkg, "node_modules/dep/package.json", "{\"name\":\"dep\",\"version\":\"1.0.0\"}\n", "rw-r--r--");
        NpmTarParityTest.write(pkg, "node_modules/dep/index.js", "module.exports = 1\n", "rw-r--r--");
        return pkg;
    }

    private static List<String> npmFileList(Path pkg) throws IOException {
        JsonNode report = JSON.readTree(NpmCli.run(pkg, "pack", "--dry-run", "--json").orFail("npm pack --dry-run").stdout());
        List<String> files = new ArrayList<>();
        report.get(0).get("files").forEach(f -> files.add(f.get("path").asText()));
        return files;
    }

    private PackResult pack(Path pkg, Packer.FileLister lister, Path out) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(pkg.resolve("package.json").toFile());
        return new Packer(lister, 2).pack(new PackRequest(pkg, pkg.resolve("package.json"), manifest, out,
                out.resolve("pack-report.json"), NpmSelection.of(PacklistRules.NPM_11)));
    }

    @Test
    void reportMatchesNpmPackJsonExceptForTheCompressedBytes() throws IOException {
        Path pkg = samplePackage();
        List<String> files = npmFileList(pkg);
        Path out = tmp.resolve("out");
        PackResult result = pack(pkg, (dir, manifest, rules) -> new PackList.Result(files, List.of(), List.of()), out);

        Path npmOut = Files.createDirectories(tmp.resolve("npm-out"));
        ObjectNode npm = (ObjectNode) JSON.readTree(NpmCli.run(pkg, "pack", "--json", "--pack-destination",
                npmOut.toString()).orFail("npm pack").stdout()).get(0);
        ObjectNode ours = (ObjectNode) JSON.readTree(out.resolve("pack-report.json").toFile());
        for (String compressed : List.of("size", "shasum", "integrity")) {
            npm.remove(compressed);
            ours.remove(compressed);
        }
        // the plugin's own keys: which npm's rules were used, and npm's warnings
        assertEquals(11, ours.remove("npm").get("major").asInt());
        assertEquals("[]", ours.remove("warnings").toString());
        assertEquals(npm.toPrettyString(), ours.toPrettyString());
        assertEquals(out.resolve("acme-hello-1.0.0.tgz"), result.tarball());
        assertEquals(List.of("dep"), result.bundled());
        assertEquals(result, PackReport.read(out.resolve("pack-report.json"), result.tarball()));
    }

    @Test
    void integrityAndShasumAreThoseOfTheWrittenFile() throws Exception {
        Path pkg = samplePackage();
        List<String> files = npmFileList(pkg);
        PackResult result = pack(pkg, (dir, manifest, rules) -> new PackList.Result(files, List.of(), List.of()), tmp.resolve("out"));
        byte[] tgz = Files.readAllBytes(result.tarball());
        assertEquals(tgz.length, result.size());
        assertEquals("sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tgz)),
                result.integrity());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(tgz)), result.shasum());
        // And its content is the tar npm writes.
        Path npmOut = Files.createDirectories(tmp.resolve("npm-out"));
        JsonNode npm = JSON.readTree(NpmCli.run(pkg, "pack", "--json", "--pack-destination", npmOut.toString())
                .orFail("npm pack").stdout()).get(0);
        assertEquals(java.util.Arrays.toString(NpmTarParityTest.gunzip(npmOut.resolve(npm.get("filename").asText()))),
                java.util.Arrays.toString(NpmTarParityTest.gunzip(result.tarball())));
    }

    @Test
    void summaryHasNpmsLines() throws IOException {
        Path pkg = samplePackage();
        List<String> files = npmFileList(pkg);
        PackResult result = pack(pkg, (dir, manifest, rules) -> new PackList.Result(files, List.of(), List.of()), tmp.resolve("out"));
        Path npmOut = Files.createDirectories(tmp.resolve("npm-out"));
        String stderr = NpmCli.run(pkg, "pack", "--pack-destination", npmOut.toString()).orFail("npm pack").stderr();
        List<String> npmLines = stderr.lines().filter(l -> l.startsWith("npm notice"))
                .map(l -> l.equals("npm notice") ? "" : l.substring("npm notice ".length()))
                .filter(l -> !l.startsWith("package size:") && !l.startsWith("shasum:") && !l.startsWith("integrity:"))
                .collect(Collectors.toList());
        List<String> ours = PackSummary.lines(result, true).stream()
                .filter(l -> !l.startsWith("package size:") && !l.startsWith("shasum:") && !l.startsWith("integrity:"))
                .collect(Collectors.toList());
        assertEquals(String.join("\n", npmLines), String.join("\n", ours));
        assertTrue(PackSummary.lines(result, false).contains("package: @acme/hello@1.0.0"));
    }

    @Test
    void formatBytesRoundsLikeToFixed() {
        assertEquals("999B", PackSummary.formatBytes(999, false));
        assertEquals("1.0 kB", PackSummary.formatBytes(1000, true));
        assertEquals("1.5kB", PackSummary.formatBytes(1500, false));
        assertEquals("1.0kB", PackSummary.formatBytes(1049, false));
        assertEquals("999.9kB", PackSummary.formatBytes(999_949, false));
        assertEquals("1.0MB", PackSummary.formatBytes(999_950, false));
        assertEquals("1.3 MB", PackSummary.formatBytes(1_250_000, true));
        assertEquals("1.0 GB", PackSummary.formatBytes(999_950_000, true));
    }

    @Test
    void tarballNameFollowsLibnpmpack() {
        assertEquals("acme-hello-1.0.0.tgz", TarballName.of("@acme/hello", "1.0.0"));
        assertEquals("hello-2.0.0-beta.1.tgz", TarballName.of("hello", "2.0.0-beta.1"));
    }

    @Test
    void aFailureLeavesNothingBehind() throws IOException {
        Path pkg = samplePackage();
        Path out = tmp.resolve("out");
        NpmregException e = assertThrows(NpmregException.class,
                () -> pack(pkg, (dir, manifest, rules) -> new PackList.Result(List.of("package.json", "README.md", "missing.js"), List.of(), List.of()), out));
        assertTrue(e.getMessage().contains("missing.js"), e.getMessage());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.collect(Collectors.toList()));
        }
    }

    @Test
    void aReportThatCannotBeWrittenTakesTheTarballWithIt() throws IOException {
        Path pkg = samplePackage();
        Path out = tmp.resolve("out");
        // The report's directory is a file, so the report cannot be written.
        Path blocker = Files.writeString(tmp.resolve("blocker"), "");
        ObjectNode manifest = (ObjectNode) JSON.readTree(pkg.resolve("package.json").toFile());
        assertThrows(NpmregException.class, () -> new Packer((dir, m, r) -> new PackList.Result(List.of("package.json"), List.of(), List.of()), 1)
                .pack(new PackRequest(pkg, pkg.resolve("package.json"), manifest, out, blocker.resolve("report.json"))));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.collect(Collectors.toList()));
        }
    }

    @Test
    void aStagedManifestGoesIntoTheTarball() throws IOException {
        Path pkg = samplePackage();
        Path staged = tmp.resolve("staged/package.json");
        Files.createDirectories(staged.getParent());
        Files.writeString(staged, "{\"name\":\"@acme/hello\",\"version\":\"2.0.0\"}\n");
        ObjectNode manifest = (ObjectNode) JSON.readTree(staged.toFile());
        Path out = tmp.resolve("out");
        PackResult result = new Packer((dir, m, r) -> new PackList.Result(List.of("package.json", "README.md"), List.of(), List.of()), 1)
                .pack(new PackRequest(pkg, staged, manifest, out, out.resolve("report.json")));
        assertEquals("acme-hello-2.0.0.tgz", result.filename());
        byte[] tar = NpmTarParityTest.gunzip(result.tarball());
        String text = new String(tar, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"version\":\"2.0.0\""), "the staged bytes are packed");
        assertEquals(Files.size(staged), result.files().stream().filter(f -> f.path().equals("package.json"))
                .findFirst().orElseThrow().size());
    }
}
