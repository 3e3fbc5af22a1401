package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.json.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pacote 22's packed package.json (npm 12, {@code DirFetcher #tarOptions}): when the manifest declares
 * {@code patchedDependencies}, the tarball gets {@code JSON.stringify(content without it, null, indent) + "\n"}
 * with every {@code \n} replaced by the file's newline, indent and newline as @npmcli/package-json read them
 * (json-parse-even-better-errors); otherwise the file's own bytes.
 */
final class PackedManifest {
    /** JavaScript's {@code \s}. */
    private static final String JS_SPACE = "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F"
            + "\\u205F\\u3000\\uFEFF]";
    private static final Pattern EMPTY = Pattern.compile("^(?:\\{\\}|\\[\\])((?:\\r?\\n)+)?$");
    private static final Pattern FORMAT = Pattern.compile("^" + JS_SPACE + "*[{\\[]((?:\\r?\\n)+)((?:" + JS_SPACE
            + "|\\t)*)");

    private PackedManifest() {}

    /** The stripped bytes, or null when the manifest has no {@code patchedDependencies} (packed as it is). */
    static byte[] withoutPatchedDependencies(Path manifestFile) throws IOException {
        String text = new String(Files.readAllBytes(manifestFile), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.contains("patchedDependencies")) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JsonTree.read(text);
        } catch (IOException e) {
            throw new NpmregException("Cannot parse " + manifestFile + ": " + e.getMessage(),
                    "Fix the JSON of " + manifestFile + ".", e);
        }
        if (!(tree instanceof ObjectNode object) || !object.has("patchedDependencies")) {
            return null;
        }
        object.remove("patchedDependencies");
        String newline;
        String indent;
        Matcher empty = EMPTY.matcher(text);
        Matcher format = FORMAT.matcher(text);
        if (empty.find()) {
            newline = empty.group(1) == null ? "\n" : empty.group(1);
            indent = "  ";
        } else if (format.find()) {
            newline = format.group(1);
            indent = format.group(2);
        } else {
            newline = "";
            indent = "";
        }
        // JSON.stringify uses at most 10 characters of a string indent
        String gap = indent.length() > 10 ? indent.substring(0, 10) : indent;
        String out = (JsJson.stringify(object, gap) + "\n").replace("\n", newline);
        return out.getBytes(StandardCharsets.UTF_8);
    }
}
