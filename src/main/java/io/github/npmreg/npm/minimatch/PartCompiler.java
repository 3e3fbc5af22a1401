package io.github.npmreg.npm.minimatch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * minimatch's {@code parse()} of one path part under a case mode: a literal, {@code **}, an extglob
 * ({@link Extglob}), or a regex ({@link GlobRegex}), with minimatch's fast-path tests for common shapes
 * ({@code *}, {@code *.ext}, {@code ???}) and two equivalent shortcuts that avoid running a regex.
 */
final class PartCompiler {
    private static final Pattern STAR = Pattern.compile("^\\*+$");
    private static final Pattern STAR_DOT_EXT = Pattern.compile("^\\*+([^+@!?*\\[(]*)$");
    private static final Pattern QMARKS = Pattern.compile("^\\?+([^+@!?*\\[(]*)?$");
    private static final Pattern STAR_DOT_STAR = Pattern.compile("^\\*+\\.\\*+$");
    private static final Pattern DOT_STAR = Pattern.compile("^\\.\\*+$");

    private final boolean nocase;

    PartCompiler(boolean nocase) {
        this.nocase = nocase;
    }

    /** One pattern character as the unit-mode regex sees it under this case mode. */
    private char unit(char c) {
        return JsUnits.unit(c, nocase);
    }

    // minimatch parse(): a literal string, or a regular expression (with a fast-path test for common shapes).
    Part compile(String glob) {
        if (glob.equals("**")) {
            return Part.GLOBSTAR;
        }
        if (glob.isEmpty()) {
            return s -> s.raw.isEmpty();
        }
        if (Extglob.present(glob)) {
            boolean[] uflag = new boolean[1];
            String re = Extglob.toRegex(glob, text -> {
                GlobRegex g = GlobRegex.compile(text, false, this::unit);
                uflag[0] |= g.uflag();
                return g.regex();
            });
            if (re == null) {
                // a lone extglob with an empty body, e.g. "@()": minimatch compares the text literally
                return nocase ? s -> glob.equalsIgnoreCase(s.raw) : s -> glob.equals(s.raw);
            }
            if (uflag[0]) {
                re = Extglob.toRegex(glob, text -> GlobRegex.compile(text, false, c -> c).regex());
            }
            return matcher(re, uflag[0]);
        }
        GlobRegex c = GlobRegex.compile(glob, true, this::unit);
        if (c.uflag()) {
            c = GlobRegex.compile(glob, true, ch -> ch);
        }
        boolean anyMagic = c.magic()
                || (nocase && !glob.toUpperCase(Locale.ROOT).equals(glob.toLowerCase(Locale.ROOT)));
        if (!anyMagic) {
            String literal = c.literal();
            return s -> literal.equals(s.raw);
        }
        if (!c.magic() && !c.uflag()) {
            // Magic only through nocase: the regex is the literal's units, compared unit by unit with the name's
            // units, so an equality of the mapped strings decides it without running a regex (the hottest case:
            // ".git", "node_modules", "CVS" in every directory's default rules).
            String units = JsUnits.toUnits(c.literal(), true);
            boolean noTraversal = c.noTraversal();
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
        return matcher(c.regex(), c.uflag());
    }

    /**
     * A part made only of literal characters and {@code *} (like {@code ._*} or {@code .*.swp}): its regex is the
     * literals' units with {@code [^/]*?} between them, and a path part never holds a slash, so matching the
     * literal pieces in order (first at the start, last at the end) over the name's units is the same test.
     */
    private Part wildcardTest(String glob, GlobRegex c) {
        if (c.uflag() || glob.indexOf('?') >= 0 || glob.indexOf('[') >= 0 || glob.indexOf('\\') >= 0) {
            return null;
        }
        String[] pieces = JsUnits.toUnits(glob, nocase).split("\\*", -1);
        if (pieces.length < 2) {
            return null;
        }
        boolean noTraversal = c.noTraversal();
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
     * with {@code i}, compares units canonicalised by {@link JsUnits}. Java regexes work on code points and
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

    // The fast paths minimatch installs in place of RegExp.test (options dot: true); they decide the match.
    private Part fastTest(String glob) {
        Matcher m;
        if (STAR.matcher(glob).matches()) {
            return s -> !s.raw.isEmpty() && !s.raw.equals(".") && !s.raw.equals("..");
        }
        if ((m = STAR_DOT_EXT.matcher(glob)).matches()) {
            String ext = m.group(1);
            if (nocase) {
                String lower = JsUnits.jsLower(ext);
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
                String lower = JsUnits.jsLower(ext);
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
}
