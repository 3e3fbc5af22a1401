package io.github.npmreg.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a {@code package.json} (key order kept) and checks what publishing needs: a valid {@code name} and
 * {@code version}. Every error names the file and says what to change.
 */
public final class ManifestReader {
    /** Deeper than any real package.json; beyond it the reader stops with a clear error, never a stack overflow. */
    static final int MAX_NESTING = 1000;
    /** npm reads package.json with JSON.parse: one document, nothing after it. */
    private static final com.fasterxml.jackson.core.JsonFactory STRICT = com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING).build())
            .build();

    private ManifestReader() {}

    /** Reads and validates {@code packageJson}; throws {@link NpmregException} naming the file on any problem. */
    public static ObjectNode read(Path packageJson) {
        ObjectNode manifest = parse(packageJson);
        validate(manifest, packageJson);
        return manifest;
    }

    /** Reads the file as a JSON object without checking name and version. */
    public static ObjectNode parse(Path packageJson) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(packageJson);
        } catch (NoSuchFileException e) {
            throw new NpmregException("No package.json at " + packageJson.toAbsolutePath(),
                    "Create it (npm init) or point the plugin's packageDirectory at the folder that holds it.");
        } catch (IOException e) {
            throw new NpmregException("Cannot read " + packageJson.toAbsolutePath() + ": " + e,
                    "Check that the file is readable by the user running the build.", e);
        }
        JsonNode tree;
        String text = text(bytes);
        try (com.fasterxml.jackson.core.JsonParser parser = STRICT.createParser(text)) {
            tree = io.github.npmreg.json.JsonTree.read(parser);
            if (tree != null) {
                JsonLocation after = moreAfter(parser);
                if (after != null) {
                    throw new NpmregException("Invalid JSON in " + packageJson.toAbsolutePath() + " at line "
                            + after.getLineNr() + ", column " + after.getColumnNr() + " (EJSONPARSE): there is more"
                            + " after the JSON object (a second document or stray text); npm reads exactly one",
                            "Remove what follows the closing } of the object: package.json must be one JSON object.");
                }
            }
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new NpmregException("Invalid JSON in " + packageJson.toAbsolutePath() + " (EJSONPARSE): it nests"
                    + " objects or arrays deeper than " + MAX_NESTING + " levels",
                    "flatten the structure; no field of package.json needs that depth.");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new NpmregException("Invalid JSON in " + packageJson.toAbsolutePath() + where + " (EJSONPARSE): "
                    + reason(e, bytes), "Fix the JSON at that position: package.json must be one JSON object in"
                    + " UTF-8, nothing before or after it (a missing comma or quote is the usual cause).");
        } catch (IOException e) {
            throw new NpmregException("Cannot read " + packageJson.toAbsolutePath() + ": " + e,
                    "Check that the file is readable by the user running the build.", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new NpmregException(packageJson.toAbsolutePath() + " is empty",
                    "Write a JSON object with at least \"name\" and \"version\".");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new NpmregException(packageJson.toAbsolutePath() + " holds a JSON " + tree.getNodeType()
                    .toString().toLowerCase() + ", not an object", "Make the file a JSON object: { \"name\": ..., \"version\": ... }.");
        }
        return object;
    }

    /**
     * The file as npm reads it: UTF-8, malformed bytes as U+FFFD (Node's decoder), a leading UTF-8 byte-order mark
     * dropped (json-parse-even-better-errors strips it). UTF-16 and UTF-32 are not detected, as in npm: they fail
     * to parse.
     */
    public static String text(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Where something follows the first document (a token, or text that is not one), or {@code null}. */
    private static JsonLocation moreAfter(com.fasterxml.jackson.core.JsonParser parser) {
        JsonLocation at = parser.currentLocation();
        try {
            return parser.nextToken() == null ? null : parser.currentTokenLocation();
        } catch (IOException e) {
            return at; // stray text that does not even tokenize
        }
    }

    /** Jackson's reason, with the encodings npm does not read named. */
    private static String reason(JsonProcessingException e, byte[] bytes) {
        String message = e.getOriginalMessage();
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))
                || bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            return "the file is UTF-16 or UTF-32 encoded; npm reads package.json only as UTF-8 (" + message + ")";
        }
        return message == null ? "not valid JSON" : message.replaceAll("\\s+", " ");
    }

    private static void validate(ObjectNode manifest, Path file) {
        String where = file.toAbsolutePath().toString();
        JsonNode name = manifest.get("name");
        if (name == null || name.isNull()) {
            throw new NpmregException("\"name\" is missing in " + where,
                    "Add a \"name\" field, e.g. \"name\": \"@my-scope/my-package\".");
        }
        if (!name.isTextual()) {
            throw new NpmregException("\"name\" in " + where + " is a " + name.getNodeType().toString().toLowerCase()
                    + ", not a string", "Make it a string, e.g. \"name\": \"@my-scope/my-package\".");
        }
        List<String> problems = PackageName.violations(name.textValue());
        if (!problems.isEmpty()) {
            throw new NpmregException("\"name\": \"" + name.textValue() + "\" in " + where + " is not a valid npm "
                    + "package name: " + String.join("; ", problems),
                    "Change \"name\" as described (rules: https://github.com/npm/validate-npm-package-name#naming-rules).");
        }
        JsonNode version = manifest.get("version");
        if (version == null || version.isNull()) {
            throw new NpmregException("\"version\" is missing in " + where,
                    "Add a \"version\" field, e.g. \"version\": \"1.0.0\", or let the plugin set it from the Maven version.");
        }
        if (!version.isTextual() || !NpmVersion.isValid(version.textValue())) {
            throw new NpmregException("\"version\": " + version + " in " + where + " is not a valid semantic version",
                    "Use MAJOR.MINOR.PATCH with an optional -prerelease, e.g. \"1.2.0\" or \"1.2.0-rc.1\" "
                            + "(https://semver.org).");
        }
    }
}
