package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * minimatch's regular expression for one path part (its AST {@code #parseGlob} and {@code parseClass}), spelt as a
 * Java regex over the units {@link JsUnits} maps to.
 *
 * @param regex   the part's regex, without anchors
 * @param literal the text the part matches when it has no magic
 * @param magic   whether it has any glob magic ({@code *}, {@code ?}, a class)
 * @param uflag   whether minimatch would add the {@code u} flag (a POSIX class does)
 */
record GlobRegex(String regex, String literal, boolean magic, boolean uflag) {
    private static final String JS_REGEXP_SPECIALS = "-[]{}()*+?.,\\^$|#";
    private static final String RE_SPECIALS = "().*{}+?[]^$\\!";
    /** minimatch's guard against a part matching "." or "..", prefixed to some part regexes. */
    private static final String NO_TRAVERSAL = "(?!\\.\\.?$)";

    /** Whether the regex starts with minimatch's guard against {@code .} and {@code ..}. */
    boolean noTraversal() {
        return regex.startsWith(NO_TRAVERSAL);
    }

    /**
     * minimatch AST {@code #parseGlob} for one path part, emitting a Java regex. {@code jsSource} tracks the start of
     * the JavaScript source minimatch would produce, because its "never match . or .." guard depends on it.
     */
    static GlobRegex compile(String glob, boolean wholePart, JsUnits.UnitMap map) {
        StringBuilder re = new StringBuilder();
        StringBuilder jsSource = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean magic = false;
        boolean uflag = false;
        boolean escaping = false;
        boolean inStar = false;
        boolean allStars = wholePart && glob.chars().allMatch(ch -> ch == '*');
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                appendLiteral(re, map.map(c));
                jsSource.append(RE_SPECIALS.indexOf(c) >= 0 ? "\\" : "").append(c);
                literal.append(c);
                continue;
            }
            if (c == '*') {
                if (inStar) {
                    continue;
                }
                inStar = true;
                re.append(allStars ? "[^/]+?" : "[^/]*?");
                jsSource.append("[^/]*?");
                magic = true;
                continue;
            }
            inStar = false;
            if (c == '\\') {
                if (i == glob.length() - 1) {
                    appendLiteral(re, map.map('\\'));
                    jsSource.append("\\\\");
                    literal.append('\\');
                } else {
                    escaping = true;
                }
                continue;
            }
            if (c == '[') {
                CharClass cls = CharClass.parse(glob, i, map);
                if (cls != null) {
                    re.append(cls.regex);
                    jsSource.append(cls.jsStart);
                    if (cls.literal != null) {
                        literal.append(cls.literal);
                    }
                    magic |= cls.magic;
                    uflag |= cls.uflag;
                    i += cls.consumed - 1;
                    continue;
                }
            }
            if (c == '?') {
                re.append("[^/]");
                jsSource.append("[^/]");
                magic = true;
                continue;
            }
            appendLiteral(re, map.map(c));
            jsSource.append(JS_REGEXP_SPECIALS.indexOf(c) >= 0 || Character.isWhitespace(c) ? "\\" : "").append(c);
            literal.append(c);
        }
        String src = jsSource.toString();
        boolean justDots = glob.equals(".") || glob.equals("..");
        boolean noTraversal = wholePart && !justDots && (src.startsWith("[") || src.startsWith(".")
                || (src.startsWith("\\.") && src.length() > 2 && "[.".indexOf(src.charAt(2)) >= 0)
                || (src.startsWith("\\.\\.") && src.length() > 4 && "[.".indexOf(src.charAt(4)) >= 0));
        String regex = (noTraversal ? NO_TRAVERSAL : "") + re;
        return new GlobRegex(regex, literal.toString(), magic, uflag);
    }

    private static void appendLiteral(StringBuilder re, char c) {
        if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
            re.append(c);
        } else {
            re.append(String.format("\\x{%x}", (int) c));
        }
    }

    /** minimatch {@code parseClass}: a {@code [...]} expression starting at {@code pos}, or null if unterminated. */
    private record CharClass(String regex, String jsStart, String literal, int consumed, boolean magic,
            boolean uflag) {
        private static final String[][] POSIX = {
            {"[:alnum:]", "\\p{L}\\p{Nl}\\p{Nd}", ""},
            {"[:alpha:]", "\\p{L}\\p{Nl}", ""},
            {"[:ascii:]", "\\x{0}-\\x{7f}", ""},
            {"[:blank:]", "\\p{Zs}\\t", ""},
            {"[:cntrl:]", "\\p{Cc}", ""},
            {"[:digit:]", "\\p{Nd}", ""},
            {"[:graph:]", "\\p{Z}\\p{C}", "neg"},
            {"[:lower:]", "\\p{Ll}", ""},
            {"[:print:]", "\\p{C}", ""},
            {"[:punct:]", "\\p{P}", ""},
            {"[:space:]", "\\p{Z}\\t\\r\\n\\x{0B}\\f", ""},
            {"[:upper:]", "\\p{Lu}", ""},
            {"[:word:]", "\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}", ""},
            {"[:xdigit:]", "A-Fa-f0-9", ""},
        };

        static CharClass parse(String glob, int pos, JsUnits.UnitMap map) {
            boolean uflag = false;
            List<String> ranges = new ArrayList<>();
            List<String> negs = new ArrayList<>();
            Character single = null;
            int singles = 0;
            int i = pos + 1;
            boolean sawStart = false;
            boolean escaping = false;
            boolean negate = false;
            int endPos = pos;
            Character rangeStart = null;
            outer:
            while (i < glob.length()) {
                char c = glob.charAt(i);
                if ((c == '!' || c == '^') && i == pos + 1) {
                    negate = true;
                    i++;
                    continue;
                }
                if (c == ']' && sawStart && !escaping) {
                    endPos = i + 1;
                    break;
                }
                sawStart = true;
                if (c == '\\' && !escaping) {
                    escaping = true;
                    i++;
                    continue;
                }
                if (c == '[' && !escaping) {
                    for (String[] posix : POSIX) {
                        if (glob.startsWith(posix[0], i)) {
                            if (rangeStart != null) {
                                return new CharClass("(?!)", "$.", null, glob.length() - pos, true, false);
                            }
                            uflag |= !posix[0].equals("[:ascii:]") && !posix[0].equals("[:xdigit:]");
                            i += posix[0].length();
                            (posix[2].isEmpty() ? ranges : negs).add(posix[1]);
                            continue outer;
                        }
                    }
                }
                escaping = false;
                if (rangeStart != null) {
                    if (c > rangeStart) {
                        ranges.add(range(rangeStart, c, map));
                    } else if (c == rangeStart) {
                        ranges.add(classChar(map.map(c)));
                        single = c;
                        singles++;
                    }
                    rangeStart = null;
                    i++;
                    continue;
                }
                if (glob.startsWith("-]", i + 1)) {
                    ranges.add(classChar(map.map(c)) + classChar(map.map('-')));
                    i += 2;
                    continue;
                }
                if (glob.startsWith("-", i + 1)) {
                    rangeStart = c;
                    i += 2;
                    continue;
                }
                ranges.add(classChar(map.map(c)));
                single = c;
                singles++;
                i++;
            }
            if (endPos < i) {
                return null;
            }
            if (ranges.isEmpty() && negs.isEmpty()) {
                return new CharClass("(?!)", "$.", null, glob.length() - pos, true, false);
            }
            if (negs.isEmpty() && ranges.size() == 1 && singles == 1 && !negate) {
                StringBuilder re = new StringBuilder();
                appendLiteral(re, map.map(single));
                String js = (JS_REGEXP_SPECIALS.indexOf(single) >= 0 ? "\\" : "") + single;
                return new CharClass(re.toString(), js, String.valueOf(single), endPos - pos, false, false);
            }
            String sranges = "[" + (negate ? "^" : "") + String.join("", ranges) + "]";
            String snegs = "[" + (negate ? "" : "^") + String.join("", negs) + "]";
            String comb = !ranges.isEmpty() && !negs.isEmpty() ? "(?:" + sranges + "|" + snegs + ")"
                    : !ranges.isEmpty() ? sranges : snegs;
            String js = !ranges.isEmpty() && !negs.isEmpty() ? "(" : "[";
            return new CharClass(comb, js, null, endPos - pos, true, uflag);
        }

        // A range holds every unit between its ends; mapped unit by unit, the members may no longer be contiguous.
        private static String range(char from, char to, JsUnits.UnitMap map) {
            BitSet members = new BitSet(65536);
            for (int c = from; c <= to; c++) {
                members.set(map.map((char) c));
            }
            StringBuilder out = new StringBuilder();
            for (int start = members.nextSetBit(0); start >= 0; ) {
                int end = members.nextClearBit(start) - 1;
                out.append(classChar((char) start));
                if (end > start) {
                    out.append('-').append(classChar((char) end));
                }
                start = members.nextSetBit(end + 1);
            }
            return out.toString();
        }

        private static String classChar(char c) {
            return Character.isLetterOrDigit(c) ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
        }
    }
}
