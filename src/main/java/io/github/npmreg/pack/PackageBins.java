package io.github.npmreg.pack;

import io.github.npmreg.npm.NodePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * pacote's {@code is-package-bin} test, quirk included: it drops the <em>first segment</em> of the
 * package-relative path before comparing it with the normalized bin targets, because it was written for paths
 * that start with {@code package/}. So a bin at the root ({@code cli.js}) matches, {@code bin/cli.js} does not
 * (it tests {@code cli.js}), and {@code lib/sub.js} matches a bin {@code sub.js} (npm-tar-format.md §3).
 *
 * <p>The bin targets are normalized as {@code @npmcli/package-json}'s {@code bin} step does: a string bin is keyed
 * by the package name, an array by basenames, non-string values are dropped, and each target is made relative
 * and {@code /}-separated ({@code ./bin/x} → {@code bin/x}).
 */
public final class PackageBins {
    private final Set<String> targets;

    private PackageBins(Set<String> targets) {
        this.targets = targets;
    }

    /** The bin targets of a parsed package.json. */
    public static PackageBins of(ObjectNode manifest) {
        JsonNode bin = manifest.get("bin");
        List<String> values = new ArrayList<>();
        if (bin != null && bin.isTextual()) {
            // A string bin without a name is dropped by normalization.
            JsonNode name = manifest.get("name");
            if (name != null && name.isTextual() && !name.asText().isEmpty() && !bin.asText().isEmpty()) {
                values.add(bin.asText());
            }
        } else if (bin != null && bin.isArray()) {
            // An array is keyed by basename; only the values matter here.
            for (JsonNode value : bin) {
                addIfValid(values, value.isTextual() ? NodePath.basename(value.asText()) : "", value);
            }
        } else if (bin != null && bin.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = bin.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                addIfValid(values, entry.getKey(), entry.getValue());
            }
        }
        Set<String> normalized = new HashSet<>();
        for (String value : values) {
            String target = secureAndUnixify(value);
            if (!target.isEmpty()) {
                normalized.add(target);
            }
        }
        return new PackageBins(Set.copyOf(normalized));
    }

    /** Normalization drops entries whose value is not a string or whose key has no basename. */
    private static void addIfValid(List<String> values, String key, JsonNode value) {
        if (value.isTextual() && !NodePath.basename(secureAndUnixify(key)).isEmpty()) {
            values.add(value.asText());
        }
    }

    /** Whether pacote ORs {@code 0o111} into the mode of this package-relative path ({@code /}-separated). */
    public boolean isPackageBin(String relativePath) {
        if (targets.isEmpty()) {
            return false;
        }
        // p = path.replace(/^[^\\/]*\//, '')
        String p = relativePath;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '/') {
                p = p.substring(i + 1);
                break;
            }
            if (c == '\\') {
                break;
            }
        }
        return targets.contains(p);
    }

    /**
     * {@code secureAndUnixifyPath}: backslashes and colons become {@code /}, then
     * {@code path.join('.', path.join('/', ref))}; a result that still starts with {@code ./} (the ref was
     * empty or only {@code /}) counts as no target.
     */
    static String secureAndUnixify(String ref) {
        String unix = ref.replace('\\', '/').replace(':', '/');
        String normalized = normalizeAbsolute("/" + unix);
        // join('.', '/x') is 'x'; join('.', '/') is './', which the caller rejects.
        return normalized.equals("/") ? "" : normalized.substring(1);
    }

    /** Node's {@code path.posix.normalize} for an absolute path: resolves {@code .} and {@code ..}, drops empty segments. */
    private static String normalizeAbsolute(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(segment);
            }
        }
        boolean trailingSlash = path.endsWith("/") && !segments.isEmpty();
        return "/" + String.join("/", segments) + (trailingSlash ? "/" : "");
    }
}
