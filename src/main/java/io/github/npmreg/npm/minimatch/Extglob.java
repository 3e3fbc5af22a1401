package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * minimatch's extglobs in one path part: {@code @(a|b)}, {@code ?(a|b)}, {@code +(a|b)}, {@code *(a|b)} and
 * {@code !(a|b)}, parsed as minimatch's AST does ({@code #parseAST}: escapes and {@code [...]} classes hide
 * {@code ( | )}; an unterminated extglob is literal text to the end of the part) and turned into a regular
 * expression the same way ({@code toRegExpSource} with {@code dot: true}): a {@code !(...)} looks ahead for each
 * alternative followed by the rest of the part ({@code #fillNegs}), and an empty last alternative of {@code !()}
 * makes it "anything non-empty" ({@code #emptyExt}).
 */
final class Extglob {
    private static final String TYPES = "!?+*@";

    /** A parsed extglob node; a sequence is a list of String (plain glob text) and Node. */
    private record Node(char type, List<List<Object>> alternatives, boolean emptyExt) {}

    private Extglob() {}

    /** True when {@code glob} has an extglob start ({@code @(}, {@code !(}, ...) outside escapes and classes. */
    static boolean present(String glob) {
        List<Object> seq = parse(glob);
        return seq.stream().anyMatch(n -> n instanceof Node);
    }

    /**
     * The regex (unanchored) for a part containing extglobs; {@code plain} compiles plain glob text. Null when the
     * part is a lone extglob with an empty body, which minimatch then compares as literal text.
     */
    static String toRegex(String glob, Function<String, String> plain) {
        List<Object> seq = parse(glob);
        if (seq.size() == 1 && seq.get(0) instanceof Node n && n.type != '!') {
            String body = String.join("|", alternatives(n, "", plain, true));
            if (body.isEmpty()) {
                return null;
            }
        }
        return sequence(seq, 0, "", plain, seq.size() == 1);
    }

    private static List<Object> parse(String s) {
        List<Object> out = new ArrayList<>();
        StringBuilder acc = new StringBuilder();
        int i = 0;
        Literal literal = new Literal();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (literal.takes(c, i)) {
                acc.append(c);
                continue;
            }
            if (TYPES.indexOf(c) >= 0 && i < s.length() && s.charAt(i) == '(') {
                push(out, acc);
                Object[] node = new Object[1];
                i = parseExt(s, c, i, node);
                out.add(node[0]);
                continue;
            }
            acc.append(c);
        }
        push(out, acc);
        // adjacent plain texts (left by an unterminated extglob) are compiled as one
        List<Object> merged = new ArrayList<>();
        for (Object o : out) {
            if (o instanceof String str && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof String prev) {
                merged.set(merged.size() - 1, prev + str);
            } else {
                merged.add(o);
            }
        }
        return merged;
    }

    // pos is at the '('; stores a Node, or the literal rest of the part when the extglob is never closed.
    private static int parseExt(String s, char type, int pos, Object[] result) {
        int i = pos + 1;
        List<List<Object>> parts = new ArrayList<>();
        List<Object> part = new ArrayList<>();
        StringBuilder acc = new StringBuilder();
        Literal literal = new Literal();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (literal.takes(c, i)) {
                acc.append(c);
                continue;
            }
            if (TYPES.indexOf(c) >= 0 && i < s.length() && s.charAt(i) == '(') {
                push(part, acc);
                Object[] nested = new Object[1];
                i = parseExt(s, c, i, nested);
                part.add(nested[0]);
                continue;
            }
            if (c == '|') {
                push(part, acc);
                parts.add(part);
                part = new ArrayList<>();
                continue;
            }
            if (c == ')') {
                boolean emptyExt = acc.length() == 0;
                push(part, acc);
                parts.add(part);
                result[0] = new Node(type, parts, emptyExt);
                return i;
            }
            acc.append(c);
        }
        result[0] = s.substring(pos - 1);
        return i;
    }

    private static void push(List<Object> seq, StringBuilder acc) {
        if (acc.length() > 0) {
            seq.add(acc.toString());
            acc.setLength(0);
        }
    }

    private static String sequence(List<Object> seq, int from, String outerRest, Function<String, String> plain,
            boolean wholePart) {
        StringBuilder re = new StringBuilder();
        for (int k = from; k < seq.size(); k++) {
            Object o = seq.get(k);
            if (o instanceof String s) {
                re.append(plain.apply(s));
            } else {
                Node n = (Node) o;
                String rest = sequence(seq, k + 1, outerRest, plain, false) + outerRest;
                re.append(node(n, rest, plain, wholePart && seq.size() == 1));
            }
        }
        return re.toString();
    }

    private static List<String> alternatives(Node n, String rest, Function<String, String> plain, boolean wholePart) {
        List<String> alts = new ArrayList<>();
        for (List<Object> alt : n.alternatives) {
            String re = sequence(alt, 0, rest, plain, false);
            if (n.type == '!') {
                re = re + rest + "(?:$|/)";
            }
            if (!wholePart || !re.isEmpty()) {
                alts.add(re);
            }
        }
        return alts;
    }

    private static String node(Node n, String rest, Function<String, String> plain, boolean wholePart) {
        String body = String.join("|", alternatives(n, rest, plain, wholePart));
        return switch (n.type) {
            case '!' -> n.emptyExt ? "[^/]+?" : "(?:(?!(?:" + body + "))[^/]*?)";
            case '@' -> "(?:" + body + ")";
            case '?' -> "(?:" + body + ")?";
            case '+' -> "(?:" + body + ")+";
            default -> "(?:" + body + ")*";
        };
    }

    /**
     * What minimatch's AST parser copies through untouched in both of its loops (top level and extglob body):
     * backslash escapes and {@code [...]} classes, inside which {@code (}, {@code |} and {@code )} are not special.
     */
    private static final class Literal {
        private boolean escaping;
        private boolean inClass;
        private int classStart = -1;
        private boolean classNegated;

        /** True when {@code c}, just read with {@code i} pointing past it, belongs to an escape or a class. */
        boolean takes(char c, int i) {
            if (escaping || c == '\\') {
                escaping = !escaping;
                return true;
            }
            if (inClass) {
                if (i == classStart + 1) {
                    classNegated = c == '^' || c == '!';
                } else if (c == ']' && !(i == classStart + 2 && classNegated)) {
                    inClass = false;
                }
                return true;
            }
            if (c == '[') {
                inClass = true;
                classStart = i;
                classNegated = false;
                return true;
            }
            return false;
        }
    }
}
