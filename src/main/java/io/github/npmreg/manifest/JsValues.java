package io.github.npmreg.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JavaScript semantics npm's normalizer relies on: truthiness, {@code String.prototype.trim}, {@code URL.canParse}. */
public final class JsValues {
    private JsValues() {}

    /** {@code URL.canParse} for the strings package.json holds: a scheme, and a host for the special schemes. */
    public static boolean canParseUrl(String s) {
        Matcher m = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.\\-]*):(.*)$", Pattern.DOTALL).matcher(s);
        if (!m.matches()) {
            return false;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (List.of("http", "https", "ws", "wss", "ftp").contains(scheme)) {
            String rest = m.group(2).replace('\\', '/').replaceFirst("^/*", "");
            String host = rest.split("[/?#]", 2)[0];
            host = host.substring(host.lastIndexOf('@') + 1);
            if (host.startsWith("[")) {
                return host.matches("\\[[0-9a-fA-F:.]+\\](:\\d*)?");
            }
            return !host.isEmpty() && !host.startsWith(":") && !host.matches(".*[\\s<>^|%].*")
                    && host.replaceFirst(":\\d*$", "").indexOf(':') < 0;
        }
        return true;
    }

    /** JavaScript truthiness of a JSON value. */
    public static boolean truthy(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue() != 0;
        }
        if (n.isTextual()) {
            return !n.textValue().isEmpty();
        }
        return true;
    }

    /** {@code String.prototype.trim}: also removes NBSP, BOM and the other Unicode spaces Java's strip keeps. */
    public static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJsSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000 || c == 0xFEFF;
    }

}
