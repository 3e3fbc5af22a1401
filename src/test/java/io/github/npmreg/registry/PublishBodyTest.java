package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed publish body: npm's JSON, exact length, repeatable, and flat memory whatever the tarball size. */
class PublishBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private PublishRequest request(Path tarball, String name, String access, ObjectNode manifest) {
        return new PublishRequest(URI.create("https://gitlab.example.com/api/v4/projects/42/packages/npm/"), name,
                RegistryUrls.escapeName(name), "1.2.3", manifest, tarball, "sha512-abc", "0123abcd", "next", access,
                null, Credentials.none(), false, false);
    }

    @Test
    void bodyIsNpmsJsonWithTheTarballInline() throws IOException {
        byte[] bytes = new byte[10_001];
        new Random(1).nextBytes(bytes);
        Path tgz = Files.write(dir.resolve("t.tgz"), bytes);
        ObjectNode manifest = JSON.createObjectNode().put("name", "@acme/pkg").put("version", "1.2.3")
                .put("description", "Ünïcode ✓ description");
        manifest.putObject("dist").put("stale", true);
        PublishBody body = new PublishBody(request(tgz, "@acme/pkg", "public", manifest), BuildLog.SILENT,
                Clock.systemUTC());

        byte[] written = write(body);
        assertEquals(body.getContentLength(), written.length, "Content-Length must be exact");
        assertArrayEquals(written, write(body), "every retry must send the same bytes");
        assertTrue(body.isRepeatable());

        JsonNode json = JSON.readTree(written);
        assertEquals(List.of("_id", "name", "description", "dist-tags", "versions", "access", "_attachments"),
                fieldNames(json));
        assertEquals("@acme/pkg", json.get("_id").asText());
        assertEquals("1.2.3", json.at("/dist-tags/next").asText());
        JsonNode version = json.at("/versions/1.2.3");
        assertEquals("@acme/pkg@1.2.3", version.get("_id").asText());
        assertEquals(List.of("integrity", "shasum", "tarball"), fieldNames(version.get("dist")),
                "a stale dist from the manifest must be replaced");
        assertEquals("http://gitlab.example.com/api/v4/projects/42/packages/npm/@acme/pkg/-/@acme/pkg-1.2.3.tgz",
                version.at("/dist/tarball").asText(), "npm rewrites https to http and does not escape the name");
        assertFalse(version.has("_npmVersion") || version.has("_nodeVersion"));
        JsonNode attachment = json.at("/_attachments").get("@acme/pkg-1.2.3.tgz");
        assertEquals(List.of("content_type", "data", "length"), fieldNames(attachment));
        assertArrayEquals(bytes, Base64.getDecoder().decode(attachment.get("data").asText()));
        assertEquals(10_001, attachment.get("length").asLong());
        assertEquals("public", json.get("access").asText());
        assertEquals("Ünïcode ✓ description", json.get("description").asText());
    }

    @Test
    void accessIsNullAndDescriptionAbsentLikeJsonStringify() throws IOException {
        Path tgz = Files.write(dir.resolve("t.tgz"), new byte[] {1, 2});
        ObjectNode manifest = JSON.createObjectNode().put("name", "pkg").put("version", "1.2.3");
        String text = new String(write(new PublishBody(request(tgz, "pkg", null, manifest), BuildLog.SILENT,
                Clock.systemUTC())), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"_id\":\"pkg\",\"name\":\"pkg\",\"dist-tags\":{\"next\":\"1.2.3\"}"), text);
        assertTrue(text.contains("\"access\":null,\"_attachments\":{\"pkg-1.2.3.tgz\":{\"content_type\":"
                + "\"application/octet-stream\",\"data\":\"AQI=\",\"length\":2}}}"), text);
    }

    @Test
    void everyBase64PaddingCaseStreamsCorrectly() throws IOException {
        for (int size : new int[] {0, 1, 2, 3, 3 * 16 * 1024 - 1, 3 * 16 * 1024, 3 * 16 * 1024 + 1, 200_000}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            Path tgz = Files.write(dir.resolve("s" + size + ".tgz"), bytes);
            ObjectNode manifest = JSON.createObjectNode().put("name", "pkg").put("version", "1.2.3");
            PublishBody body = new PublishBody(request(tgz, "pkg", null, manifest), BuildLog.SILENT,
                    Clock.systemUTC());
            byte[] written = write(body);
            assertEquals(body.getContentLength(), written.length, "size " + size);
            String data = JSON.readTree(written).at("/_attachments/pkg-1.2.3.tgz/data").asText();
            assertEquals(Base64.getEncoder().encodeToString(bytes), data, "size " + size);
        }
    }

    @Test
    void aTarballThatChangesDuringUploadFails() throws IOException {
        Path tgz = Files.write(dir.resolve("t.tgz"), new byte[100]);
        ObjectNode manifest = JSON.createObjectNode().put("name", "pkg").put("version", "1.2.3");
        PublishBody body = new PublishBody(request(tgz, "pkg", null, manifest), BuildLog.SILENT, Clock.systemUTC());
        Files.write(tgz, new byte[50]);
        IOException e = assertThrows(IOException.class, () -> body.writeTo(OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("changed while it was being uploaded"), e.getMessage());
    }

    @Test
    void largeBodiesReportProgressAboutEveryTenPercent() throws IOException {
        Path tgz = dir.resolve("big.tgz");
        try (var ch = java.nio.channels.FileChannel.open(tgz, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 12_000_000 - 1);
        }
        RecordingLog log = new RecordingLog();
        ObjectNode manifest = JSON.createObjectNode().put("name", "pkg").put("version", "1.2.3");
        new PublishBody(request(tgz, "pkg", null, manifest), log, Clock.systemUTC())
                .writeTo(OutputStream.nullOutputStream());
        assertEquals(10, log.lines.size(), log.all());
        assertTrue(log.lines.get(0).contains("Uploading pkg@1.2.3: 10% of 16.0 MB"), log.lines.get(0));
        assertTrue(log.lines.get(9).contains("100%") && log.lines.get(9).contains("MB/s"), log.lines.get(9));
    }

    private static byte[] write(PublishBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
