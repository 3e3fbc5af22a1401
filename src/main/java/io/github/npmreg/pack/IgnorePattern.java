package io.github.npmreg.pack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One line of an ignore file (or a synthetic rule of npm-packlist) compiled the way ignore-walk compiles it:
 * {@code new Minimatch(line, {matchBase: true, dot: true, flipNegate: true, nocase: true})} with minimatch 10.2.5.
 *
 * <p>Mirrors minimatch step by step, because npm's file selection depends on its corner cases: leading {@code !}
 * negation (each {@code !} flips it), brace expansion ({@link BraceExpansion}), splitting on slashes (a leading
 * {@code /} gives an empty first part, so the rule is anchored; a trailing {@code /} gives an empty last part, so it
 * only matches a path given with a trailing slash, i.e. a directory), the level-1 optimisation ({@code a/../b} to
 * {@code b}, repeated {@code **} collapsed), and per-part matching of {@code *}, {@code ?}, {@code [...]} classes
 * (including POSIX classes) and {@code \} escapes, with minimatch's fast paths for {@code *.ext}, {@code ???}, etc.
 * {@link #match(String, boolean)} is minimatch's {@code match(f, partial)} with its globstar algorithm.
 *
 * <p>Not mirrored: extglobs ({@code @(a|b)}, {@code !(x)}, {@code +(x)}, {@code *(x)}, {@code ?(x)}); their
 * characters are matched as ordinary glob characters.
 */
public final class IgnorePattern {
    /** One path-part matcher; {@link #GLOBSTAR} stands for {@code **}. */
    private interface Part extends Predicate<String> {}

    private static final Part GLOBSTAR = f -> {
        throw new IllegalStateException("globstar is never tested directly");
    };
    private static final Pattern STAR = Pattern.compile("^\\*+$");
    private static final Pattern STAR_DOT_EXT = Pattern.compile("^\\*+([^+@!?*\\[(]*)$");
    private static final Pattern QMARKS = Pattern.compile("^\\?+([^+@!?*\\[(]*)?$");
    private static final Pattern STAR_DOT_STAR = Pattern.compile("^\\*+\\.\\*+$");
    private static final Pattern DOT_STAR = Pattern.compile("^\\.\\*+$");
    private static final String JS_REGEXP_SPECIALS = "-[]{}()*+?.,\\^$|#";
    private static final String RE_SPECIALS = "().*{}+?[]^$\\!";

    private final String source;
    private final boolean nocase;
    private final boolean matchBase;
    private final boolean negate;
    private final boolean comment;
    private final boolean empty;
    private final List<List<String>> globParts = new ArrayList<>();
    private final List<List<Part>> set = new ArrayList<>();

    private IgnorePattern(String pattern, boolean nocase, boolean matchBase) {
        this.source = pattern;
        this.nocase = nocase;
        this.matchBase = matchBase;
        this.comment = pattern.startsWith("#");
        this.empty = pattern.isEmpty();
        if (comment || empty) {
            this.negate = false;
            return;
        }
        int offset = 0;
        boolean neg = false;
        while (offset < pattern.length() && pattern.charAt(offset) == '!') {
            neg = !neg;
            offset++;
        }
        this.negate = neg;
        Set<String> globSet = new LinkedHashSet<>(BraceExpansion.expand(pattern.substring(offset)));
        for (String glob : globSet) {
            List<String> parts = levelOneOptimize(List.of(glob.split("/+", -1)));
            globParts.add(parts);
            List<Part> compiled = new ArrayList<>();
            for (String part : parts) {
                compiled.add(compilePart(part));
            }
            set.add(compiled);
        }
    }

    /** An ignore-file line as ignore-walk compiles it: case-insensitive, basename matching, dots matched. */
    public static IgnorePattern ofIgnoreLine(String line) {
        return new IgnorePattern(line, true, true);
    }

    /** A case-sensitive glob over whole paths (how map-workspaces matches {@code workspaces} entries on Linux). */
    static IgnorePattern ofPathGlob(String glob) {
        return new IgnorePattern(glob, false, false);
    }

    /** True for a {@code !rule}: a match re-includes. */
    public boolean negate() {
        return negate;
    }

    /** The line this pattern was made from. */
    public String source() {
        return source;
    }

    /**
     * ignore-walk's {@code isRelativeRule} test: some expansion has one part, or two parts ending in a slash, so the
     * rule may also be matched against the basename of a directory when deciding whether to descend into it.
     */
    boolean hasSinglePartExpansion() {
        for (List<String> parts : globParts) {
            boolean lastNonEmpty = !parts.get(parts.size() - 1).isEmpty();
            if (parts.size() <= (lastNonEmpty ? 1 : 2)) {
                return true;
            }
        }
        return false;
    }

    /** minimatch {@code match(f, partial)} with {@code flipNegate}: true when the path matches, negated or not. */
    public boolean match(String f, boolean partial) {
        if (comment) {
            return false;
        }
        if (empty) {
            return f.isEmpty();
        }
        if (f.equals("/") && partial) {
            return true;
        }
        String[] ff = f.split("/+", -1);
        String filename = ff[ff.length - 1];
        for (int i = ff.length - 2; filename.isEmpty() && i >= 0; i--) {
            filename = ff[i];
        }
        for (List<Part> pattern : set) {
            String[] file = ff;
            if (matchBase && pattern.size() == 1) {
                file = new String[] {filename};
            }
            if (matchOne(file, pattern, partial)) {
                return true;
            }
        }
        return false;
    }

    public boolean match(String f) {
        return match(f, false);
    }

    @Override
    public String toString() {
        return source;
    }

    // minimatch levelOneOptimize: drop repeated ** and resolve "x/.." pairs.
    private static List<String> levelOneOptimize(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            String prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (part.equals("**") && "**".equals(prev)) {
                continue;
            }
            if (part.equals("..") && prev != null && !prev.equals("..") && !prev.equals(".") && !prev.equals("**")) {
                out.remove(out.size() - 1);
                continue;
            }
            out.add(part);
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private boolean matchOne(String[] file, List<Part> pattern, boolean partial) {
        if (pattern.contains(GLOBSTAR)) {
            return matchGlobstar(file, pattern, partial);
        }
        return matchParts(file, pattern, partial, 0, 0);
    }

    // minimatch #matchGlobstar: head must match at the start, tail at the end, body sections in order between.
    private boolean matchGlobstar(String[] file, List<Part> pattern, boolean partial) {
        int firstgs = pattern.indexOf(GLOBSTAR);
        int lastgs = pattern.lastIndexOf(GLOBSTAR);
        List<Part> head = pattern.subList(0, firstgs);
        List<Part> body = partial ? pattern.subList(firstgs + 1, pattern.size())
                : pattern.subList(firstgs + 1, Math.max(firstgs + 1, lastgs));
        List<Part> tail = partial ? List.of() : pattern.subList(lastgs + 1, pattern.size());
        int fileIndex = 0;
        if (!head.isEmpty()) {
            String[] fileHead = slice(file, 0, Math.min(head.size(), file.length));
            if (!matchParts(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.size();
        }
        int fileTailMatch = 0;
        if (!tail.isEmpty()) {
            if (tail.size() + fileIndex > file.length) {
                return false;
            }
            int tailStart = file.length - tail.size();
            if (matchParts(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.size();
            } else {
                if (!file[file.length - 1].isEmpty() || fileIndex + tail.size() == file.length) {
                    return false;
                }
                tailStart--;
                if (!matchParts(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.size() + 1;
            }
        }
        if (body.isEmpty()) {
            boolean sawSome = fileTailMatch != 0;
            for (int i = fileIndex; i < file.length - fileTailMatch; i++) {
                sawSome = true;
                if (file[i].equals(".") || file[i].equals("..")) {
                    return false;
                }
            }
            return partial || sawSome;
        }
        List<List<Part>> sections = new ArrayList<>();
        List<Integer> nonGsPartsSums = new ArrayList<>();
        sections.add(new ArrayList<>());
        nonGsPartsSums.add(0);
        int nonGsParts = 0;
        for (Part b : body) {
            if (b == GLOBSTAR) {
                nonGsPartsSums.add(nonGsParts);
                sections.add(new ArrayList<>());
            } else {
                sections.get(sections.size() - 1).add(b);
                nonGsParts++;
            }
        }
        int[] after = new int[sections.size()];
        int fileLength = file.length - fileTailMatch;
        int i = sections.size() - 1;
        for (int s = 0; s < sections.size(); s++) {
            after[s] = fileLength - (nonGsPartsSums.get(i--) + sections.get(s).size());
        }
        Boolean r = matchBodySections(file, sections, after, fileIndex, 0, partial, 0, fileTailMatch != 0);
        return r != null && r;
    }

    // minimatch #matchGlobStarBodySections; null means "cannot match, stop trying".
    private Boolean matchBodySections(String[] file, List<List<Part>> sections, int[] after, int fileIndex,
            int bodyIndex, boolean partial, int depth, boolean sawTail) {
        if (bodyIndex >= sections.size()) {
            for (int i = fileIndex; i < file.length; i++) {
                sawTail = true;
                if (file[i].equals(".") || file[i].equals("..")) {
                    return false;
                }
            }
            return sawTail;
        }
        List<Part> body = sections.get(bodyIndex);
        while (fileIndex <= after[bodyIndex]) {
            boolean m = matchParts(slice(file, 0, Math.min(fileIndex + body.size(), file.length)), body, partial,
                    fileIndex, 0);
            if (m && depth < 200) {
                Boolean sub = matchBodySections(file, sections, after, fileIndex + body.size(), bodyIndex + 1,
                        partial, depth + 1, sawTail);
                if (sub == null || sub) {
                    return sub;
                }
            }
            if (fileIndex >= file.length) {
                return partial ? Boolean.TRUE : null;
            }
            String f = file[fileIndex];
            if (f.equals(".") || f.equals("..")) {
                return false;
            }
            fileIndex++;
        }
        return partial ? Boolean.TRUE : null;
    }

    // minimatch #matchOne for patterns without **.
    private static boolean matchParts(String[] file, List<Part> pattern, boolean partial, int fileIndex,
            int patternIndex) {
        int fi = fileIndex;
        int pi = patternIndex;
        int fl = file.length;
        int pl = pattern.size();
        for (; fi < fl && pi < pl; fi++, pi++) {
            Part p = pattern.get(pi);
            if (p == GLOBSTAR || !p.test(file[fi])) {
                return false;
            }
        }
        if (fi == fl && pi == pl) {
            return true;
        } else if (fi == fl) {
            return partial;
        } else {
            // Ran out of pattern: only a trailing slash of the file may remain ("a/*" matches "a/b/").
            return fi == fl - 1 && file[fi].isEmpty();
        }
    }

    private static String[] slice(String[] a, int from, int to) {
        String[] out = new String[Math.max(0, to - from)];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }

    // minimatch parse(): a literal string, or a regular expression (with a fast-path test for common shapes).
    private Part compilePart(String glob) {
        if (glob.equals("**")) {
            return GLOBSTAR;
        }
        if (glob.isEmpty()) {
            return String::isEmpty;
        }
        CompiledGlob c = compileGlob(glob);
        boolean anyMagic = c.magic
                || (nocase && !glob.toUpperCase(Locale.ROOT).equals(glob.toLowerCase(Locale.ROOT)));
        if (!anyMagic) {
            String literal = c.literal;
            return literal::equals;
        }
        Part fast = fastTest(glob);
        if (fast != null) {
            return fast;
        }
        int flags = nocase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Pattern re = Pattern.compile("^" + c.regex + "$", flags);
        return f -> re.matcher(f).matches();
    }

    // The fast paths minimatch installs in place of RegExp.test (options dot: true); they decide the match.
    private Part fastTest(String glob) {
        java.util.regex.Matcher m;
        if (STAR.matcher(glob).matches()) {
            return f -> !f.isEmpty() && !f.equals(".") && !f.equals("..");
        }
        if ((m = STAR_DOT_EXT.matcher(glob)).matches()) {
            String ext = m.group(1);
            if (nocase) {
                String lower = jsLower(ext);
                return f -> jsLower(f).endsWith(lower);
            }
            return f -> f.endsWith(ext);
        }
        if ((m = QMARKS.matcher(glob)).matches()) {
            int len = m.group(0).length();
            String ext = m.group(1) == null ? "" : m.group(1);
            Part noext = f -> f.length() == len && !f.equals(".") && !f.equals("..");
            if (ext.isEmpty()) {
                return noext;
            }
            if (nocase) {
                String lower = jsLower(ext);
                return f -> noext.test(f) && jsLower(f).endsWith(lower);
            }
            return f -> noext.test(f) && f.endsWith(ext);
        }
        if (STAR_DOT_STAR.matcher(glob).matches()) {
            return f -> !f.equals(".") && !f.equals("..") && f.contains(".");
        }
        if (DOT_STAR.matcher(glob).matches()) {
            return f -> !f.equals(".") && !f.equals("..") && f.startsWith(".");
        }
        return null;
    }

    private static String jsLower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private record CompiledGlob(String regex, String literal, boolean magic) {}

    /**
     * minimatch AST {@code #parseGlob} for one path part, emitting a Java regex. {@code jsSource} tracks the start of
     * the JavaScript source minimatch would produce, because its "never match . or .." guard depends on it.
     */
    private static CompiledGlob compileGlob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder jsSource = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean magic = false;
        boolean escaping = false;
        boolean inStar = false;
        boolean allStars = glob.chars().allMatch(ch -> ch == '*');
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                appendLiteral(re, c);
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
                    appendLiteral(re, '\\');
                    jsSource.append("\\\\");
                    literal.append('\\');
                } else {
                    escaping = true;
                }
                continue;
            }
            if (c == '[') {
                CharClass cls = CharClass.parse(glob, i);
                if (cls != null) {
                    re.append(cls.regex);
                    jsSource.append(cls.jsStart);
                    if (cls.literal != null) {
                        literal.append(cls.literal);
                    }
                    magic |= cls.magic;
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
            appendLiteral(re, c);
            jsSource.append(JS_REGEXP_SPECIALS.indexOf(c) >= 0 || Character.isWhitespace(c) ? "\\" : "").append(c);
            literal.append(c);
        }
        String src = jsSource.toString();
        boolean justDots = glob.equals(".") || glob.equals("..");
        boolean noTraversal = !justDots && (src.startsWith("[") || src.startsWith(".")
                || (src.startsWith("\\.") && src.length() > 2 && "[.".indexOf(src.charAt(2)) >= 0)
                || (src.startsWith("\\.\\.") && src.length() > 4 && "[.".indexOf(src.charAt(4)) >= 0));
        String regex = (noTraversal ? "(?!\\.\\.?$)" : "") + re;
        return new CompiledGlob(regex, literal.toString(), magic);
    }

    static void appendLiteral(StringBuilder re, char c) {
        if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
            re.append(c);
        } else {
            re.append(String.format("\\x{%x}", (int) c));
        }
    }

    /** minimatch {@code parseClass}: a {@code [...]} expression starting at {@code pos}, or null if unterminated. */
    private record CharClass(String regex, String jsStart, String literal, int consumed, boolean magic) {
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

        static CharClass parse(String glob, int pos) {
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
                                return new CharClass("(?!)", "$.", null, glob.length() - pos, true);
                            }
                            i += posix[0].length();
                            (posix[2].isEmpty() ? ranges : negs).add(posix[1]);
                            continue outer;
                        }
                    }
                }
                escaping = false;
                if (rangeStart != null) {
                    if (c > rangeStart) {
                        ranges.add(classChar(rangeStart) + "-" + classChar(c));
                    } else if (c == rangeStart) {
                        ranges.add(classChar(c));
                        single = c;
                        singles++;
                    }
                    rangeStart = null;
                    i++;
                    continue;
                }
                if (glob.startsWith("-]", i + 1)) {
                    ranges.add(classChar(c) + classChar('-'));
                    i += 2;
                    continue;
                }
                if (glob.startsWith("-", i + 1)) {
                    rangeStart = c;
                    i += 2;
                    continue;
                }
                ranges.add(classChar(c));
                single = c;
                singles++;
                i++;
            }
            if (endPos < i) {
                return null;
            }
            if (ranges.isEmpty() && negs.isEmpty()) {
                return new CharClass("(?!)", "$.", null, glob.length() - pos, true);
            }
            if (negs.isEmpty() && ranges.size() == 1 && singles == 1 && !negate) {
                StringBuilder re = new StringBuilder();
                appendLiteral(re, single);
                String js = (JS_REGEXP_SPECIALS.indexOf(single) >= 0 ? "\\" : "") + single;
                return new CharClass(re.toString(), js, String.valueOf(single), endPos - pos, false);
            }
            String sranges = "[" + (negate ? "^" : "") + String.join("", ranges) + "]";
            String snegs = "[" + (negate ? "" : "^") + String.join("", negs) + "]";
            String comb = !ranges.isEmpty() && !negs.isEmpty() ? "(?:" + sranges + "|" + snegs + ")"
                    : !ranges.isEmpty() ? sranges : snegs;
            String js = !ranges.isEmpty() && !negs.isEmpty() ? "(" : "[";
            return new CharClass(comb, js, null, endPos - pos, true);
        }

        private static String classChar(char c) {
            return Character.isLetterOrDigit(c) ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
        }
    }
}
