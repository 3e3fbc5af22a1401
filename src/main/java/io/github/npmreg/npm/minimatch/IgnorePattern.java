package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>This class holds the pattern (negation, comment, expansion, matchBase); the parts are compiled by
 * {@link PartCompiler} (regexes by {@link GlobRegex}, extglobs such as {@code @(a|b)} by {@link Extglob}, JavaScript's
 * UTF-16 view by {@link JsUnits}), each brace expansion is matched by {@link Expansion}, and a tested path is a
 * {@link Subject} of {@link Segment}s.
 */
public final class IgnorePattern {
    private final String source;
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
        PartCompiler compiler = new PartCompiler(nocase);
        boolean singlePart = false;
        for (String glob : globSet) {
            List<String> parts = levelOneOptimize(List.of(glob.split("/+", -1)));
            boolean lastNonEmpty = !parts.get(parts.size() - 1).isEmpty();
            singlePart |= parts.size() <= (lastNonEmpty ? 1 : 2);
            Part[] compiled = new Part[parts.size()];
            for (int i = 0; i < compiled.length; i++) {
                compiled[i] = compiler.compile(parts.get(i));
            }
            set.add(new Expansion(compiled));
        }
        this.singlePartExpansion = singlePart;
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
            if (pattern.matches(file, partial)) {
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
}
