package io.github.npmreg.manifest;

import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Format-preserving edits of a {@code package.json} text: a value is replaced in place, so every other byte
 * (indentation with spaces or tabs, key order, CRLF or LF, a missing final newline, odd spacing) stays as it was.
 * New members are added after their last sibling in the siblings' style. For files formatted as npm writes them
 * the result equals what {@code npm version} / {@code npm pkg set} write (tested), except that a missing final
 * newline stays missing where npm adds one.
 */
public final class ManifestRewriter {
    /** json-parse-even-better-errors' rule: the newline and indent right after the opening brace. */
    private static final Pattern FORMAT = Pattern.compile("^\\uFEFF?\\s*[{\\[]((?:\\r?\\n)+)([ \\t]*)");

    private ManifestRewriter() {}

    /** Sets the top-level {@code version}. */
    public static String setVersion(String json, String version) {
        return set(json, List.of("version"), version);
    }

    /**
     * Sets {@code publishConfig} entries ({@code registry}, {@code @scope:registry}, {@code tag}, {@code access},
     * ...), keeping the others; creates {@code publishConfig} when absent.
     */
    public static String setPublishConfig(String json, Map<String, String> entries) {
        String out = json;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            out = set(out, List.of("publishConfig", e.getKey()), e.getValue());
        }
        return out;
    }

    /** Sets the string at {@code path} (object keys from the root), creating missing objects on the way. */
    public static String set(String json, List<String> path, String value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        JsonSpans.ObjectSpan object = JsonSpans.root(json);
        Format format = Format.of(json);
        for (int depth = 0; depth < path.size(); depth++) {
            String key = path.get(depth);
            JsonSpans.Member member = object.member(key);
            List<String> rest = path.subList(depth + 1, path.size());
            if (member == null) {
                return insert(json, object, key, rest, value, format);
            }
            if (rest.isEmpty()) {
                return json.substring(0, member.valueStart()) + quote(value) + json.substring(member.valueEnd());
            }
            if (member.object() == null) {
                // npm ignores a publishConfig that is not an object (with a warning, NpmWarnings): the staged copy
                // gets an object in its place, holding only what is set.
                return set(json.substring(0, member.valueStart()) + "{}" + json.substring(member.valueEnd()), path,
                        value);
            }
            object = member.object();
        }
        throw new IllegalStateException("unreachable");
    }

    /** Reads {@code file}, applies {@code edit} and writes the result atomically when it changed. */
    public static void rewrite(Path file, UnaryOperator<String> edit) {
        try {
            String before = ManifestReader.text(Files.readAllBytes(file));
            String after = edit.apply(before);
            if (after.equals(before)) {
                return;
            }
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".package.json.", ".tmp");
            try {
                PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
                if (posix != null) {
                    Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
                }
                Files.writeString(temp, after, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new NpmregException("Cannot rewrite " + file.toAbsolutePath() + ": " + e,
                    "Check that the file and its directory are writable.", e);
        }
    }

    private static String insert(String json, JsonSpans.ObjectSpan object, String key, List<String> rest, String value,
            Format format) {
        String indent;
        String separator;
        boolean multiline;
        if (!object.members().isEmpty()) {
            JsonSpans.Member last = object.members().get(object.members().size() - 1);
            separator = json.substring(last.keyEnd(), last.valueStart());
            int lineStart = json.lastIndexOf('\n', last.keyStart()) + 1;
            String lead = json.substring(lineStart, last.keyStart());
            multiline = lineStart > object.open() && lead.isBlank();
            indent = multiline ? lead : "";
        } else {
            separator = format.separator;
            multiline = format.multiline;
            indent = multiline ? lineIndent(json, object.open()) + format.unit : "";
        }
        String member = quote(key) + separator + nested(rest, value, indent, separator, format, multiline);
        if (object.members().isEmpty()) {
            String inner = multiline ? format.newline + indent + member + format.newline + lineIndent(json, object.open())
                    : member;
            return json.substring(0, object.open() + 1) + inner + json.substring(object.close());
        }
        JsonSpans.Member last = object.members().get(object.members().size() - 1);
        String glue = multiline ? "," + format.newline + indent : "," + compactGap(json, object);
        return json.substring(0, last.valueEnd()) + glue + member + json.substring(last.valueEnd());
    }

    /** The value for a missing path: the string itself, or objects around it in the file's style. */
    private static String nested(List<String> rest, String value, String indent, String separator, Format format,
            boolean multiline) {
        if (rest.isEmpty()) {
            return quote(value);
        }
        String innerIndent = indent + format.unit;
        String inner = quote(rest.get(0)) + separator
                + nested(rest.subList(1, rest.size()), value, innerIndent, separator, format, multiline);
        return multiline ? "{" + format.newline + innerIndent + inner + format.newline + indent + "}" : "{" + inner + "}";
    }

    /** In a one-line object, the spacing after commas ({@code ", "} or {@code ","}). */
    private static String compactGap(String json, JsonSpans.ObjectSpan object) {
        if (object.members().size() < 2) {
            return "";
        }
        JsonSpans.Member a = object.members().get(object.members().size() - 2);
        JsonSpans.Member b = object.members().get(object.members().size() - 1);
        String between = json.substring(a.valueEnd(), b.keyStart());
        return between.substring(between.indexOf(',') + 1);
    }

    private static String lineIndent(String json, int at) {
        int lineStart = json.lastIndexOf('\n', at) + 1;
        String lead = json.substring(lineStart, at);
        int i = 0;
        while (i < lead.length() && (lead.charAt(i) == ' ' || lead.charAt(i) == '\t')) {
            i++;
        }
        return lead.substring(0, i);
    }

    private static String quote(String value) {
        return io.github.npmreg.json.JsonTree.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
    }

    /** The file's layout for new members when no sibling shows it. */
    private record Format(boolean multiline, String unit, String newline, String separator) {
        static Format of(String json) {
            Matcher m = FORMAT.matcher(json);
            String newline = json.contains("\r\n") ? "\r\n" : "\n";
            if (!m.find()) {
                return new Format(false, "", newline, ":");
            }
            return new Format(true, m.group(2).isEmpty() ? "  " : m.group(2), newline, ": ");
        }
    }
}
