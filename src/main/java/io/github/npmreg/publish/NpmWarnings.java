package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.manifest.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What npm 11 accepts in a package.json but warns about (or silently ignores), checked against the real npm: the
 * plugin publishes such a package as npm does and prints these lines; with {@code strict} they stop the release.
 * Names that break validate-npm-package-name's rules for new packages only, a cleaned version, {@code files} that is
 * not an array, a {@code files} entry outside the package, {@code publishConfig} that is not an object, and text that
 * was not valid UTF-8 (npm reads it with U+FFFD in place of the bad bytes).
 */
public final class NpmWarnings {
    private NpmWarnings() {}

    /** npm's warnings for {@code manifest} (the source package.json at {@code file}) and the version published. */
    public static List<String> of(JsonNode manifest, Path file, ReleaseVersion version) {
        List<String> out = new ArrayList<>();
        String where = " in " + file;
        JsonNode name = manifest.get("name");
        if (name != null && name.isTextual()) {
            for (String w : PackageName.warnings(name.textValue())) {
                out.add("\"name\": \"" + name.textValue() + "\"" + where + ": " + w
                        + " (npm publishes it: valid for old packages only)");
            }
        }
        if (version != null && version.cleaned() && version.valid()) {
            out.add("\"version\" was cleaned and set to \"" + version.published() + "\" (from \""
                    + version.configured() + "\"" + where + ", as npm publishes it)");
        }
        JsonNode files = manifest.get("files");
        if (files != null && !files.isNull() && !files.isArray()) {
            out.add("\"files\"" + where + " is a " + files.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + ", not an array: npm does not read it as a list (npm 11 then packs only package.json and the files it always includes); write [\"dist/\", …]");
        }
        if (files != null && files.isArray()) {
            for (JsonNode f : files) {
                String entry = f.asText("");
                if (f.isTextual() && (entry.startsWith("../") || entry.equals("..") || entry.contains("/../")
                        || entry.startsWith("/"))) {
                    out.add("\"files\" entry \"" + entry + "\"" + where + " points outside the package: npm packs"
                            + " nothing for it; remove it");
                }
            }
        }
        JsonNode publishConfig = manifest.get("publishConfig");
        if (publishConfig != null && !publishConfig.isNull() && !publishConfig.isObject()) {
            out.add("\"publishConfig\"" + where + " is a " + publishConfig.getNodeType().toString()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an object: npm warns (Unknown publishConfig config)"
                    + " and ignores it; write {\"registry\": …} or remove it");
        }
        if (hasReplacementCharacter(manifest)) {
            out.add(file + " has bytes that are not valid UTF-8: npm reads them as U+FFFD (\uFFFD) and publishes that;"
                    + " save the file as UTF-8");
        }
        return out;
    }

    /** Whether a key or string value holds U+FFFD (walked, not printed: JsonNode.toString builds an ObjectMapper). */
    private static boolean hasReplacementCharacter(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\uFFFD') >= 0;
        }
        if (node.isObject()) {
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                java.util.Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().indexOf('\uFFFD') >= 0 || hasReplacementCharacter(field.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasReplacementCharacter(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
