package io.github.npmreg.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Character positions of a JSON text's objects and members, so {@link ManifestRewriter} can change one value and
 * leave every other byte alone. The input has already been parsed by Jackson, so this scanner only needs to be
 * right on valid JSON.
 */
final class JsonSpans {
    /** An object: its braces and members in order. */
    record ObjectSpan(int open, int close, List<Member> members) {
        Member member(String key) {
            Member found = null;
            for (Member m : members) {
                if (m.key().equals(key)) {
                    found = m; // JSON.parse keeps the last duplicate
                }
            }
            return found;
        }
    }

    /** A member: key position, value start and end (exclusive), and the value's object span when it is one. */
    record Member(String key, int keyStart, int keyEnd, int valueStart, int valueEnd, ObjectSpan object) {}

    private final String text;
    private int pos;

    private JsonSpans(String text) {
        this.text = text;
    }

    /** The root object of {@code text}. */
    static ObjectSpan root(String text) {
        JsonSpans s = new JsonSpans(text);
        if (text.startsWith("\uFEFF")) {
            s.pos = 1; // a UTF-8 byte order mark, which npm's reader tolerates
        }
        s.skipWhitespace();
        if (s.pos >= text.length() || text.charAt(s.pos) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        return s.object();
    }

    private ObjectSpan object() {
        int open = pos++;
        List<Member> members = new ArrayList<>();
        skipWhitespace();
        if (text.charAt(pos) == '}') {
            return new ObjectSpan(open, pos++, members);
        }
        while (true) {
            skipWhitespace();
            int keyStart = pos;
            String key = string();
            int keyEnd = pos;
            skipWhitespace();
            pos++; // ':'
            skipWhitespace();
            int valueStart = pos;
            ObjectSpan nested = null;
            if (text.charAt(pos) == '{') {
                nested = object();
            } else {
                skipValue();
            }
            members.add(new Member(key, keyStart, keyEnd, valueStart, pos, nested));
            skipWhitespace();
            char c = text.charAt(pos++);
            if (c == '}') {
                return new ObjectSpan(open, pos - 1, members);
            }
        }
    }

    private void skipValue() {
        char c = text.charAt(pos);
        if (c == '"') {
            string();
        } else if (c == '{') {
            object();
        } else if (c == '[') {
            pos++;
            skipWhitespace();
            if (text.charAt(pos) == ']') {
                pos++;
                return;
            }
            while (true) {
                skipWhitespace();
                skipValue();
                skipWhitespace();
                if (text.charAt(pos++) == ']') {
                    return;
                }
            }
        } else {
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++; // opening quote
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
