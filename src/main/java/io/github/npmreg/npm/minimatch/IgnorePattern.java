package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Extglobs ({@code @(a|b)}, {@code !(x)}, ...) are compiled by {@link Extglob}.
 */
public final class IgnorePattern {
    /** One path-part matcher; {@link #GLOBSTAR} stands for {@code **}. */
    private interface Part extends Predicate<Segment> {}

    /** One part of a tested path, with the forms the part matchers need computed once. */
    static final class Segment {
        final String raw;
        private String lower;
        private String unitsNocase;
        private String unitsExact;

        Segment(String raw) {
            this.raw = raw;
        }

        String lower() {
            if (lower == null) {
                lower = raw.toLowerCase(Locale.ROOT);
            }
            return lower;
        }

        String units(boolean nocase) {
            if (nocase) {
                if (unitsNocase == null) {
                    unitsNocase = toUnits(raw, true);
                }
                return unitsNocase;
            }
            if (unitsExact == null) {
                unitsExact = toUnits(raw, false);
            }
            return unitsExact;
        }
    }

    /**
     * A path prepared for matching against many patterns: split on slashes once (as minimatch's
     * {@code split(/\/+/)}), with its basename for {@code matchBase}.
     */
    public static final class Subject {
        final String path;
        final Segment[] parts;
        final Segment[] basename;

        public Subject(String path) {
            this(path, segments(slashSplit(path)));
        }

        private Subject(String path, Segment[] parts) {
            this.path = path;
            this.parts = parts;
            Segment filename = parts[parts.length - 1];
            for (int i = parts.length - 2; filename.raw.isEmpty() && i >= 0; i--) {
                filename = parts[i];
            }
            this.basename = new Segment[] {filename};
        }

        private static Segment[] segments(String[] split) {
            Segment[] parts = new Segment[split.length];
            for (int i = 0; i < split.length; i++) {
                parts[i] = new Segment(split[i]);
            }
            return parts;
        }

        /** {@code "/" + path}, sharing this subject's parts: its split is an empty part, then this split. */
        public Subject rooted() {
            if (path.startsWith("/")) {
                return new Subject("/" + path, parts); // a run of slashes splits like one
            }
            Segment[] out = new Segment[parts.length + 1];
            out[0] = new Segment("");
            System.arraycopy(parts, 0, out, 1, parts.length);
            return new Subject("/" + path, out);
        }

        /** {@code path + "/"}, sharing this subject's parts: its split is this split, then an empty part. */
        public Subject withTrailingSlash() {
            if (path.endsWith("/")) {
                return new Subject(path + "/", parts);
            }
            Segment[] out = java.util.Arrays.copyOf(parts, parts.length + 1);
            out[parts.length] = new Segment("");
            return new Subject(path + "/", out);
        }
    }

    private static final Part GLOBSTAR = s -> {
        throw new IllegalStateException("globstar is never tested directly");
    };
    private static final Pattern STAR = Pattern.compile("^\\*+$");
    private static final Pattern STAR_DOT_EXT = Pattern.compile("^\\*+([^+@!?*\\[(]*)$");
    private static final Pattern QMARKS = Pattern.compile("^\\?+([^+@!?*\\[(]*)?$");
    private static final Pattern STAR_DOT_STAR = Pattern.compile("^\\*+\\.\\*+$");
    private static final Pattern DOT_STAR = Pattern.compile("^\\.\\*+$");
    private static final String JS_REGEXP_SPECIALS = "-[]{}()*+?.,\\^$|#";
    private static final String RE_SPECIALS = "().*{}+?[]^$\\!";
    /** minimatch's guard against a part matching "." or "..", prefixed to some part regexes. */
    private static final String NO_TRAVERSAL = "(?!\\.\\.?$)";

    private final String source;
    private final boolean nocase;
    private final boolean matchBase;
    private final boolean negate;
    private final boolean comment;
    private final boolean empty;
    private final List<Expansion> set = new ArrayList<>();
    private final boolean singlePartExpansion;

    private IgnorePattern(String pattern, boolean nocase, boolean matchBase) {
        this(pattern, nocase, matchBase, false);
    }

    /** {@code nocomment} stands for minimatch's {@code nocomment} and {@code nonegate} together, as glob sets both. */
    private IgnorePattern(String pattern, boolean nocase, boolean matchBase, boolean nocomment) {
        this.source = pattern;
        this.nocase = nocase;
        this.matchBase = matchBase;
        this.comment = !nocomment && pattern.startsWith("#");
        this.empty = pattern.isEmpty();
        if (comment || empty) {
            this.negate = false;
            this.singlePartExpansion = false;
            return;
        }
        int offset = 0;
        boolean neg = false;
        while (!nocomment && offset < pattern.length() && pattern.charAt(offset) == '!') {
            neg = !neg;
            offset++;
        }
        this.negate = neg;
        Set<String> globSet = new LinkedHashSet<>(BraceExpansion.expand(pattern.substring(offset)));
        boolean singlePart = false;
        for (String glob : globSet) {
            List<String> parts = levelOneOptimize(List.of(glob.split("/+", -1)));
            boolean lastNonEmpty = !parts.get(parts.size() - 1).isEmpty();
            singlePart |= parts.size() <= (lastNonEmpty ? 1 : 2);
            Part[] compiled = new Part[parts.size()];
            for (int i = 0; i < compiled.length; i++) {
                compiled[i] = compilePart(parts.get(i));
            }
            set.add(new Expansion(compiled));
        }
        this.singlePartExpansion = singlePart;
    }

    /**
     * One brace expansion, compiled, with the split around {@code **} that minimatch's {@code #matchGlobstar}
     * recomputes on every call done once here (it depends only on the pattern and on {@code partial}).
     */
    private static final class Expansion {
        final Part[] parts;
        final boolean globstar;
        final GlobstarLayout whole;
        final GlobstarLayout partial;

        Expansion(Part[] parts) {
            this.parts = parts;
            List<Part> list = List.of(parts);
            int firstgs = list.indexOf(GLOBSTAR);
            this.globstar = firstgs >= 0;
            if (!globstar) {
                this.whole = null;
                this.partial = null;
                return;
            }
            int lastgs = list.lastIndexOf(GLOBSTAR);
            Part[] head = list.subList(0, firstgs).toArray(new Part[0]);
            this.whole = new GlobstarLayout(head,
                    list.subList(firstgs + 1, Math.max(firstgs + 1, lastgs)),
                    list.subList(lastgs + 1, parts.length).toArray(new Part[0]));
            this.partial = new GlobstarLayout(head, list.subList(firstgs + 1, parts.length), new Part[0]);
        }
    }

    /** The head, tail and the body sections between globstars, with minimatch's running part counts. */
    private static final class GlobstarLayout {
        final Part[] head;
        final Part[] tail;
        final boolean bodyEmpty;
        final Part[][] sections;
        final int[] nonGsPartsSums;

        GlobstarLayout(Part[] head, List<Part> body, Part[] tail) {
            this.head = head;
            this.tail = tail;
            this.bodyEmpty = body.isEmpty();
            List<List<Part>> secs = new ArrayList<>();
            List<Integer> sums = new ArrayList<>();
            secs.add(new ArrayList<>());
            sums.add(0);
            int nonGsParts = 0;
            for (Part b : body) {
                if (b == GLOBSTAR) {
                    sums.add(nonGsParts);
                    secs.add(new ArrayList<>());
                } else {
                    secs.get(secs.size() - 1).add(b);
                    nonGsParts++;
                }
            }
            this.sections = new Part[secs.size()][];
            this.nonGsPartsSums = new int[sums.size()];
            for (int i = 0; i < sections.length; i++) {
                sections[i] = secs.get(i).toArray(new Part[0]);
                nonGsPartsSums[i] = sums.get(i);
            }
        }
    }

    /** Compiled ignore lines; the same defaults and strict rules are injected into every directory walked. */
    private static final Map<String, IgnorePattern> IGNORE_LINES = new ConcurrentHashMap<>();

    /** An ignore-file line as ignore-walk compiles it: case-insensitive, basename matching, dots matched. */
    public static IgnorePattern ofIgnoreLine(String line) {
        if (line.length() > 1000) {
            return new IgnorePattern(line, true, true);
        }
        if (IGNORE_LINES.size() > 10_000) {
            IGNORE_LINES.clear();
        }
        return IGNORE_LINES.computeIfAbsent(line, l -> new IgnorePattern(l, true, true));
    }

    /** A case-sensitive glob over whole paths (how map-workspaces matches {@code workspaces} entries on Linux). */
    public static IgnorePattern ofPathGlob(String glob) {
        return new IgnorePattern(glob, false, false);
    }

    /**
     * A node-glob pattern on Linux ({@code dot: true}): case-sensitive, no basename matching, and, as glob passes
     * {@code nocomment: true, nonegate: true} to minimatch, a leading {@code #} or {@code !} is literal (so
     * {@code !(a|b)} is an extglob).
     */
    public static IgnorePattern ofGlob(String glob) {
        return new IgnorePattern(glob, false, false, true);
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
    public boolean hasSinglePartExpansion() {
        return singlePartExpansion;
    }

    /** minimatch {@code match(f, partial)} with {@code flipNegate}: true when the path matches, negated or not. */
    public boolean match(String f, boolean partial) {
        return match(new Subject(f), partial);
    }

    /** {@link #match(String, boolean)} for a path prepared once and tested against many patterns. */
    public boolean match(Subject subject, boolean partial) {
        if (comment) {
            return false;
        }
        if (empty) {
            return subject.path.isEmpty();
        }
        if (subject.path.equals("/") && partial) {
            return true;
        }
        for (Expansion pattern : set) {
            Segment[] file = subject.parts;
            if (matchBase && pattern.parts.length == 1) {
                file = subject.basename;
            }
            if (matchOne(file, pattern, partial)) {
                return true;
            }
        }
        return false;
    }

    // String.split(/\/+/) as JavaScript does it: runs of slashes separate, leading and trailing empties kept.
    private static String[] slashSplit(String f) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < f.length()) {
            if (f.charAt(i) == '/') {
                parts.add(f.substring(start, i));
                while (i < f.length() && f.charAt(i) == '/') {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        parts.add(f.substring(start));
        return parts.toArray(new String[0]);
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

    private boolean matchOne(Segment[] file, Expansion pattern, boolean partial) {
        if (pattern.globstar) {
            return matchGlobstar(file, partial ? pattern.partial : pattern.whole, partial);
        }
        return matchParts(file, file.length, pattern.parts, partial, 0);
    }

    // minimatch #matchGlobstar: head must match at the start, tail at the end, body sections in order between.
    private boolean matchGlobstar(Segment[] file, GlobstarLayout layout, boolean partial) {
        Part[] head = layout.head;
        Part[] tail = layout.tail;
        int fileIndex = 0;
        if (head.length > 0) {
            if (!matchParts(file, Math.min(head.length, file.length), head, partial, 0)) {
                return false;
            }
            fileIndex += head.length;
        }
        int fileTailMatch = 0;
        if (tail.length > 0) {
            if (tail.length + fileIndex > file.length) {
                return false;
            }
            int tailStart = file.length - tail.length;
            if (matchParts(file, file.length, tail, partial, tailStart)) {
                fileTailMatch = tail.length;
            } else {
                if (!file[file.length - 1].raw.isEmpty() || fileIndex + tail.length == file.length) {
                    return false;
                }
                tailStart--;
                if (!matchParts(file, file.length, tail, partial, tailStart)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        if (layout.bodyEmpty) {
            boolean sawSome = fileTailMatch != 0;
            for (int i = fileIndex; i < file.length - fileTailMatch; i++) {
                sawSome = true;
                if (file[i].raw.equals(".") || file[i].raw.equals("..")) {
                    return false;
                }
            }
            return partial || sawSome;
        }
        Part[][] sections = layout.sections;
        int[] after = new int[sections.length];
        int fileLength = file.length - fileTailMatch;
        int i = sections.length - 1;
        for (int s = 0; s < sections.length; s++) {
            after[s] = fileLength - (layout.nonGsPartsSums[i--] + sections[s].length);
        }
        Boolean r = matchBodySections(file, sections, after, fileIndex, 0, partial, 0, fileTailMatch != 0);
        return r != null && r;
    }

    // minimatch #matchGlobStarBodySections; null means "cannot match, stop trying".
    private Boolean matchBodySections(Segment[] file, Part[][] sections, int[] after, int fileIndex,
            int bodyIndex, boolean partial, int depth, boolean sawTail) {
        if (bodyIndex >= sections.length) {
            for (int i = fileIndex; i < file.length; i++) {
                sawTail = true;
                if (file[i].raw.equals(".") || file[i].raw.equals("..")) {
                    return false;
                }
            }
            return sawTail;
        }
        Part[] body = sections[bodyIndex];
        while (fileIndex <= after[bodyIndex]) {
            boolean m = matchParts(file, Math.min(fileIndex + body.length, file.length), body, partial, fileIndex);
            if (m && depth < 200) {
                Boolean sub = matchBodySections(file, sections, after, fileIndex + body.length, bodyIndex + 1,
                        partial, depth + 1, sawTail);
                if (sub == null || sub) {
                    return sub;
                }
            }
            if (fileIndex >= file.length) {
                return partial ? Boolean.TRUE : null;
            }
            String f = file[fileIndex].raw;
            if (f.equals(".") || f.equals("..")) {
                return false;
            }
            fileIndex++;
        }
        return partial ? Boolean.TRUE : null;
    }

    /**
     * minimatch #matchOne for patterns without **, on {@code file[fileIndex..fileEnd)} (minimatch passes a sliced
     * array; the bound replaces the copy).
     */
    private static boolean matchParts(Segment[] file, int fileEnd, Part[] pattern, boolean partial, int fileIndex) {
        int fi = fileIndex;
        int pi = 0;
        int fl = fileEnd;
        int pl = pattern.length;
        for (; fi < fl && pi < pl; fi++, pi++) {
            Part p = pattern[pi];
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
            return fi == fl - 1 && file[fi].raw.isEmpty();
        }
    }

    // minimatch parse(): a literal string, or a regular expression (with a fast-path test for common shapes).
    private Part compilePart(String glob) {
        if (glob.equals("**")) {
            return GLOBSTAR;
        }
        if (glob.isEmpty()) {
            return s -> s.raw.isEmpty();
        }
        if (Extglob.present(glob)) {
            boolean[] uflag = new boolean[1];
            String re = Extglob.toRegex(glob, text -> {
                CompiledGlob g = compileGlob(text, false, this::unit);
                uflag[0] |= g.uflag;
                return g.regex;
            });
            if (re == null) {
                // a lone extglob with an empty body, e.g. "@()": minimatch compares the text literally
                return nocase ? s -> glob.equalsIgnoreCase(s.raw) : s -> glob.equals(s.raw);
            }
            if (uflag[0]) {
                re = Extglob.toRegex(glob, text -> compileGlob(text, false, c -> c).regex);
            }
            return matcher(re, uflag[0]);
        }
        CompiledGlob c = compileGlob(glob, true, this::unit);
        if (c.uflag) {
            c = compileGlob(glob, true, ch -> ch);
        }
        boolean anyMagic = c.magic
                || (nocase && !glob.toUpperCase(Locale.ROOT).equals(glob.toLowerCase(Locale.ROOT)));
        if (!anyMagic) {
            String literal = c.literal;
            return s -> literal.equals(s.raw);
        }
        if (!c.magic && !c.uflag) {
            // Magic only through nocase: the regex is the literal's units, compared unit by unit with the name's
            // units, so an equality of the mapped strings decides it without running a regex (the hottest case:
            // ".git", "node_modules", "CVS" in every directory's default rules).
            String units = toUnits(c.literal, true);
            boolean noTraversal = c.regex.startsWith(NO_TRAVERSAL);
            return s -> units.equals(s.units(true)) && !(noTraversal && (s.raw.equals(".") || s.raw.equals("..")));
        }
        Part fast = fastTest(glob);
        if (fast != null) {
            return fast;
        }
        Part wildcard = wildcardTest(glob, c);
        if (wildcard != null) {
            return wildcard;
        }
        return matcher(c.regex, c.uflag);
    }

    /**
     * A part made only of literal characters and {@code *} (like {@code ._*} or {@code .*.swp}): its regex is the
     * literals' units with {@code [^/]*?} between them, and a path part never holds a slash, so matching the
     * literal pieces in order (first at the start, last at the end) over the name's units is the same test.
     */
    private Part wildcardTest(String glob, CompiledGlob c) {
        if (c.uflag || glob.indexOf('?') >= 0 || glob.indexOf('[') >= 0 || glob.indexOf('\\') >= 0) {
            return null;
        }
        String[] pieces = toUnits(glob, nocase).split("\\*", -1);
        if (pieces.length < 2) {
            return null;
        }
        boolean noTraversal = c.regex.startsWith(NO_TRAVERSAL);
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        return s -> {
            String name = s.units(nocase);
            if (noTraversal && (s.raw.equals(".") || s.raw.equals(".."))) {
                return false;
            }
            if (name.length() < first.length() + last.length() || !name.startsWith(first) || !name.endsWith(last)) {
                return false;
            }
            int from = first.length();
            int end = name.length() - last.length();
            for (int i = 1; i < pieces.length - 1; i++) {
                int at = name.indexOf(pieces[i], from);
                if (at < 0 || at + pieces[i].length() > end) {
                    return false;
                }
                from = at + pieces[i].length();
            }
            return true;
        };
    }

    /**
     * A JavaScript RegExp without the {@code u} flag works on UTF-16 units ({@code ?} never matches an emoji) and,
     * with {@code i}, compares units canonicalised by {@link #JS_CANONICAL}. Java regexes work on code points and
     * fold case differently, so outside {@code u} mode both the pattern's characters and the tested name are
     * mapped unit by unit ({@link #unit}) and matched case-sensitively. A POSIX class makes minimatch add {@code u};
     * then Java's own Unicode case folding is the closer match.
     */
    private Part matcher(String regex, boolean uflag) {
        if (uflag) {
            Pattern p = Pattern.compile("^" + regex + "$", nocase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            return s -> p.matcher(s.raw).matches();
        }
        Pattern p = Pattern.compile("^" + regex + "$");
        return s -> p.matcher(s.units(nocase)).matches();
    }

    /** ECMAScript Canonicalize(ch) for non-unicode ignoreCase: upper case if one unit and not non-ASCII to ASCII. */
    private static final char[] JS_CANONICAL = new char[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            String upper = String.valueOf((char) c).toUpperCase(Locale.ROOT);
            char cu = upper.length() == 1 ? upper.charAt(0) : (char) c;
            JS_CANONICAL[c] = c >= 128 && cu < 128 ? (char) c : cu;
        }
    }

    /** One UTF-16 unit as the unit-mode regex sees it; surrogates move to U+E000.. so Java cannot pair them. */
    private char unit(char c) {
        return unit(c, nocase);
    }

    private static char unit(char c, boolean nocase) {
        char x = nocase ? JS_CANONICAL[c] : c;
        return Character.isSurrogate(x) ? (char) (x - 0xD800 + 0xE000) : x;
    }

    private static String toUnits(String f, boolean nocase) {
        char[] a = f.toCharArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = unit(a[i], nocase);
        }
        return new String(a);
    }

    /** Maps one pattern character to how the regex should spell it (identity in {@code u} mode). */
    @FunctionalInterface
    private interface UnitMap {
        char map(char c);
    }

    // The fast paths minimatch installs in place of RegExp.test (options dot: true); they decide the match.
    private Part fastTest(String glob) {
        java.util.regex.Matcher m;
        if (STAR.matcher(glob).matches()) {
            return s -> !s.raw.isEmpty() && !s.raw.equals(".") && !s.raw.equals("..");
        }
        if ((m = STAR_DOT_EXT.matcher(glob)).matches()) {
            String ext = m.group(1);
            if (nocase) {
                String lower = jsLower(ext);
                return s -> s.lower().endsWith(lower);
            }
            return s -> s.raw.endsWith(ext);
        }
        if ((m = QMARKS.matcher(glob)).matches()) {
            int len = m.group(0).length();
            String ext = m.group(1) == null ? "" : m.group(1);
            Part noext = s -> s.raw.length() == len && !s.raw.equals(".") && !s.raw.equals("..");
            if (ext.isEmpty()) {
                return noext;
            }
            if (nocase) {
                String lower = jsLower(ext);
                return s -> noext.test(s) && s.lower().endsWith(lower);
            }
            return s -> noext.test(s) && s.raw.endsWith(ext);
        }
        if (STAR_DOT_STAR.matcher(glob).matches()) {
            return s -> !s.raw.equals(".") && !s.raw.equals("..") && s.raw.contains(".");
        }
        if (DOT_STAR.matcher(glob).matches()) {
            return s -> !s.raw.equals(".") && !s.raw.equals("..") && s.raw.startsWith(".");
        }
        return null;
    }

    private static String jsLower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private record CompiledGlob(String regex, String literal, boolean magic, boolean uflag) {}

    /**
     * minimatch AST {@code #parseGlob} for one path part, emitting a Java regex. {@code jsSource} tracks the start of
     * the JavaScript source minimatch would produce, because its "never match . or .." guard depends on it.
     */
    private static CompiledGlob compileGlob(String glob, boolean wholePart, UnitMap map) {
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
        return new CompiledGlob(regex, literal.toString(), magic, uflag);
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

        static CharClass parse(String glob, int pos, UnitMap map) {
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
        private static String range(char from, char to, UnitMap map) {
            java.util.BitSet members = new java.util.BitSet(65536);
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
