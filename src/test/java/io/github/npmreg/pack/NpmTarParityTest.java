package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code npm pack} is the oracle: for trees built here, the uncompressed tar we write must equal npm's
 * byte for byte. The file list is taken from {@code npm pack --dry-run --json}, so this tests the tar alone.
 */
class NpmTarParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void longAndNonAsciiPathsModesAndBins() throws IOException {
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        write(pkg, "package.json", "{\"name\":\"@acme/parity\",\"version\":\"1.2.3\",\"main\":\"lib/index.js\","
                + "\"bin\":{\"root\":\"./rootcli.js\",\"cli\":\"bin/cli.js\",\"noexec\":\"bin/noexec.js\",\"sub\":\"sub.js\"}}\n", "rw-r--r--");
        write(pkg, "rootcli.js", "#!/usr/bin/env node\n", "rw-r--r--");
        write(pkg, "bin/cli.js", "#!/usr/bin/env node\n", "rwxr-xr-x");
        write(pkg, "bin/noexec.js", "#!/usr/bin/env node\n", "rw-r--r--");
        write(pkg, "lib/sub.js", "sub\n", "rw-r--r--");
        write(pkg, "lib/index.js", "module.exports = 1\n", "rw-rw-r--");
        write(pkg, "lib/private.js", "x\n", "rw-------");
        write(pkg, "lib/group.sh", "x\n", "rwxrwxr-x");
        write(pkg, "README.md", "# parity\n", "rw-r--r--");
        write(pkg, "LICENSE", "MIT\n", "rw-r--r--");
        write(pkg, "lib/naïve-日本.js", "x\n", "rw-r--r--");
        write(pkg, "emoji/😀 smile.txt", "x\n", "rw-r--r--");
        write(pkg, "@foo/x.js", "x\n", "rw-r--r--");
        write(pkg, "_foo/x.js", "x\n", "rw-r--r--");
        write(pkg, ".hidden/x.js", "x\n", "rw-r--r--");
        write(pkg, "afoo/x.js", "x\n", "rw-r--r--");
        // "package/" + rel: 99, 100, 120, 155, 256, 257 and 300 bytes.
        for (int total : new int[] {99, 100, 120, 155, 256, 257, 300}) {
            write(pkg, pathOfLength(total - "package/".length(), "d" + total), "len " + total + "\n", "rw-r--r--");
        }
        write(pkg, "deep/" + "b".repeat(120) + ".js", "long basename\n", "rw-r--r--");
        write(pkg, "日本語/" + "長".repeat(40) + ".js", "cjk basename over 100 bytes\n", "rw-r--r--");
        write(pkg, "emoji2/" + "😀".repeat(30) + ".txt", "pax name cuts an emoji\n", "rw-r--r--");
        byte[] blob = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(blob);
        Files.write(pkg.resolve("lib/blob.bin"), blob);
        write(pkg, "empty.txt", "", "rw-r--r--");
        Files.createLink(pkg.resolve("lib/hardlink.js"), pkg.resolve("lib/sub.js"));
        Files.createDirectories(pkg.resolve("日本語/" + "リンク".repeat(12)));
        Files.createLink(pkg.resolve("日本語/" + "リンク".repeat(12) + "/" + "長".repeat(30) + ".txt"), pkg.resolve("lib/blob.bin"));
        write(pkg, "block.txt", "x".repeat(512), "rw-r--r--");
        assertSameTarAsNpm(pkg);
    }

    @Test
    void stringBinAtTheRoot() throws IOException {
        Path pkg = Files.createDirectories(tmp.resolve("bin"));
        write(pkg, "package.json", "{\"name\":\"hello\",\"version\":\"0.0.1\",\"bin\":\"./cli.js\"}\n", "rw-r--r--");
        write(pkg, "cli.js", "#!/usr/bin/env node\n", "rw-------");
        write(pkg, "index.js", "x\n", "rw-r-----");
        assertSameTarAsNpm(pkg);
    }

    /** Packs {@code pkg} with npm and with us, and compares the uncompressed tar streams. */
    static void assertSameTarAsNpm(Path pkg) throws IOException {
        Path out = Files.createTempDirectory(pkg.getParent(), "npm-out");
        NpmCli.Result result = NpmCli.run(pkg, "pack", "--json", "--pack-destination", out.toString()).orFail("npm pack");
        JsonNode report = JSON.readTree(result.stdout()).get(0);
        List<String> files = new ArrayList<>();
        report.get("files").forEach(f -> files.add(f.get("path").asText()));
        byte[] npmTar = gunzip(out.resolve(report.get("filename").asText()));

        ObjectNode manifest = (ObjectNode) JSON.readTree(pkg.resolve("package.json").toFile());
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        Packer.writeTar(pkg, pkg.resolve("package.json"), manifest, PacklistRules.NPM_11, files, ours);
        byte[] ourTar = ours.toByteArray();
        if (!java.util.Arrays.equals(npmTar, ourTar)) {
            assertEquals(describe(npmTar), describe(ourTar), "entries differ");
            for (int i = 0; i < Math.min(npmTar.length, ourTar.length); i++) {
                if (npmTar[i] != ourTar[i]) {
                    assertEquals(npmTar[i], ourTar[i], "first differing byte at offset " + i + " (block " + i / 512 + ")");
                }
            }
        }
        assertArrayEquals(npmTar, ourTar);
    }

    private static String describe(byte[] tar) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(tar), "UTF-8")) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                sb.append(e.getName()).append(' ').append(Integer.toOctalString(e.getMode())).append(' ')
                        .append(e.getSize()).append('\n');
            }
        }
        return sb.toString();
    }

    static byte[] gunzip(Path tgz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            return in.readAllBytes();
        }
    }

    /** A relative path of exactly {@code bytes} ASCII bytes made of 40-byte directories. */
    static String pathOfLength(int bytes, String tag) {
        StringBuilder sb = new StringBuilder(tag).append('/');
        while (bytes - sb.length() > 45) {
            sb.append("x".repeat(39)).append('/');
        }
        int rest = bytes - sb.length() - 3;
        sb.append("f".repeat(rest)).append(".js");
        return sb.toString();
    }

    static void write(Path root, String relative, String content, String permissions) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }
}
