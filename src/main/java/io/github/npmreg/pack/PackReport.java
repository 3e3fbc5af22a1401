package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pack report: the keys of one package in {@code npm pack --json} (id, name, version, size, unpackedSize,
 * shasum, integrity, filename, files, entryCount, bundled), then the plugin's own: {@code npm} (the major whose
 * rules were used, and why) and {@code warnings}. Written by {@code pack} and read back by {@code publish}.
 */
public final class PackReport {
    private PackReport() {}

    /** The report as npm's JSON object, keys in npm's order. */
    public static ObjectNode toJson(PackResult result) {
        ObjectNode node = JsonTree.object();
        node.put("id", result.id());
        node.put("name", result.name());
        node.put("version", result.version());
        node.put("size", result.size());
        node.put("unpackedSize", result.unpackedSize());
        node.put("shasum", result.shasum());
        node.put("integrity", result.integrity());
        node.put("filename", result.filename());
        ArrayNode files = node.putArray("files");
        for (PackedFile file : result.files()) {
            files.addObject().put("path", file.path()).put("size", file.size()).put("mode", file.mode());
        }
        node.put("entryCount", result.entryCount());
        ArrayNode bundled = node.putArray("bundled");
        result.bundled().forEach(bundled::add);
        node.putObject("npm").put("major", result.npm()).put("reason", result.npmReason());
        ArrayNode warnings = node.putArray("warnings");
        result.warnings().forEach(warnings::add);
        return node;
    }

    /** Writes the report through a temporary file and an atomic move. */
    public static void write(PackResult result, Path reportFile) throws IOException {
        Path dir = reportFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = io.github.npmreg.TempFiles.create(dir, "." + reportFile.getFileName(), ".tmp");
        try {
            Files.write(temp, JsonTree.writePretty(toJson(result)));
            Packer.moveAtomically(temp, reportFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static List<String> warnings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    /** Reads a report written by {@link #write}; {@code tarball} is where the tarball it describes lies. */
    public static PackResult read(Path reportFile, Path tarball) {
        JsonNode node;
        try {
            node = JsonTree.read(reportFile);
        } catch (IOException e) {
            throw new NpmregException("Cannot read the pack report " + reportFile + ": " + e.getMessage(),
                    "Run the pack goal again to rewrite it.", e);
        }
        try {
            List<PackedFile> files = new ArrayList<>();
            for (JsonNode f : node.required("files")) {
                files.add(new PackedFile(f.required("path").asText(), f.required("size").asLong(), f.required("mode").asInt()));
            }
            List<String> bundled = new ArrayList<>();
            node.required("bundled").forEach(b -> bundled.add(b.asText()));
            return new PackResult(tarball, node.required("id").asText(), node.required("name").asText(),
                    node.required("version").asText(), node.required("size").asLong(),
                    node.required("unpackedSize").asLong(), node.required("shasum").asText(),
                    node.required("integrity").asText(), node.required("filename").asText(), files,
                    node.required("entryCount").asInt(), bundled, node.required("npm").required("major").asInt(),
                    node.required("npm").required("reason").asText(), warnings(node));
        } catch (IllegalArgumentException e) {
            throw new NpmregException("The pack report " + reportFile + " is incomplete: " + e.getMessage(),
                    "Run the pack goal again to rewrite it.", e);
        }
    }
}
