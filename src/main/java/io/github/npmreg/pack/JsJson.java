package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.stringify(value, null, indent)} of a value that {@code JSON.parse} read: JavaScript's key order
 * (integer-like keys first, ascending, then insertion order), numbers as JavaScript prints doubles, and
 * JSON.stringify's string escapes (lower-case {@code \}{@code u00xx} for control characters and lone surrogates).
 */
final class JsJson {
    private JsJson() {}

    static String stringify(JsonNode value, String indent) {
        StringBuilder out = new StringBuilder();
        write(value, indent, "", out);
        return out.toString();
    }

    private static void write(JsonNode v, String indent, String current, StringBuilder out) {
        if (v.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = jsOrder(v);
            if (entries.isEmpty()) {
                out.append("{}");
                return;
            }
            String inner = current + indent;
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : entries) {
                out.append(first ? "" : ",");
                first = false;
                if (!indent.isEmpty()) {
                    out.append('\n').append(inner);
                }
                string(e.getKey(), out);
                out.append(indent.isEmpty() ? ":" : ": ");
                write(e.getValue(), indent, inner, out);
            }
            if (!indent.isEmpty()) {
                out.append('\n').append(current);
            }
            out.append('}');
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                out.append("[]");
                return;
            }
            String inner = current + indent;
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                out.append(i == 0 ? "" : ",");
                if (!indent.isEmpty()) {
                    out.append('\n').append(inner);
                }
                write(v.get(i), indent, inner, out);
            }
            if (!indent.isEmpty()) {
                out.append('\n').append(current);
            }
            out.append(']');
        } else if (v.isTextual()) {
            string(v.asText(), out);
        } else if (v.isNumber()) {
            out.append(number(v.doubleValue()));
        } else if (v.isBoolean()) {
            out.append(v.booleanValue());
        } else {
            out.append("null");
        }
    }

    // Own property order: array-index keys (canonical integers below 2^32 - 1) ascending, then the rest in order.
    private static List<Map.Entry<String, JsonNode>> jsOrder(JsonNode object) {
        List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> rest = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            (isArrayIndex(e.getKey()) ? indices : rest).add(e);
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
        indices.addAll(rest);
        return indices;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4294967295L;
    }

    /** Number.prototype.toString() for a finite double (JSON.stringify writes null for the others). */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
