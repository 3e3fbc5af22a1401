package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bash-style brace expansion as minimatch performs it before matching ({@code brace-expansion} 5.0.9 with
 * {@code balanced-match} 4.0.4, the versions inside npm 11.19.1): {@code a{b,c}d -> abd acd},
 * {@code readme{,.*[^~$]} -> readme readme.*[^~$]}, sequences {@code {1..3}} and {@code {a..c}}, escapes
 * {@code \{ \} \, \.}. A brace group with neither a comma nor a sequence stays literal.
 */
final class BraceExpansion {
    // Private-use characters stand in for escaped braces while expanding, as brace-expansion's \0-marker strings do.
    private static final char ESC_SLASH = '\uE000';
    private static final char ESC_OPEN = '\uE001';
    private static final char ESC_CLOSE = '\uE002';
    private static final char ESC_COMMA = '\uE003';
    private static final char ESC_PERIOD = '\uE004';
    private static final int MAX = 100_000;
    private static final Pattern NEEDS_EXPANSION = Pattern.compile("\\{(?:(?!\\{).)*\\}");
    private static final Pattern NUMERIC_SEQUENCE = Pattern.compile("^-?\\d+\\.\\.-?\\d+(?:\\.\\.-?\\d+)?$");
    private static final Pattern ALPHA_SEQUENCE = Pattern.compile("^[a-zA-Z]\\.\\.[a-zA-Z](?:\\.\\.-?\\d+)?$");
    private static final Pattern LATER_COMMA = Pattern.compile(",(?!,).*\\}");

    private BraceExpansion() {}

    /** minimatch's {@code braceExpand}: the pattern unchanged when it has no {@code {...}} group. */
    static List<String> expand(String pattern) {
        if (!NEEDS_EXPANSION.matcher(pattern).find()) {
            return List.of(pattern);
        }
        String str = pattern;
        if (str.startsWith("{}")) {
            str = "\\{\\}" + str.substring(2);
        }
        List<String> out = new ArrayList<>();
        for (String s : expandInner(escapeBraces(str), true)) {
            out.add(unescapeBraces(s));
        }
        return out;
    }

    private static String escapeBraces(String s) {
        return s.replace("\\\\", String.valueOf(ESC_SLASH))
                .replace("\\{", String.valueOf(ESC_OPEN))
                .replace("\\}", String.valueOf(ESC_CLOSE))
                .replace("\\,", String.valueOf(ESC_COMMA))
                .replace("\\.", String.valueOf(ESC_PERIOD));
    }

    private static String unescapeBraces(String s) {
        return s.replace(String.valueOf(ESC_SLASH), "\\")
                .replace(String.valueOf(ESC_OPEN), "{")
                .replace(String.valueOf(ESC_CLOSE), "}")
                .replace(String.valueOf(ESC_COMMA), ",")
                .replace(String.valueOf(ESC_PERIOD), ".");
    }

    /** balanced-match: the first balanced {@code {...}} pair, or null. */
    private record Balanced(String pre, String body, String post) {}

    private static Balanced balanced(String str) {
        int ai = str.indexOf('{');
        int bi = str.indexOf('}', ai + 1);
        int i = ai;
        int[] result = null;
        if (ai >= 0 && bi > 0) {
            List<Integer> begs = new ArrayList<>();
            int left = str.length();
            Integer right = null;
            while (i >= 0 && result == null) {
                if (i == ai) {
                    begs.add(i);
                    ai = str.indexOf('{', i + 1);
                } else if (begs.size() == 1) {
                    int r = begs.remove(begs.size() - 1);
                    result = new int[] {r, bi};
                } else {
                    int beg = begs.remove(begs.size() - 1);
                    if (beg < left) {
                        left = beg;
                        right = bi;
                    }
                    bi = str.indexOf('}', i + 1);
                }
                i = ai < bi && ai >= 0 ? ai : bi;
            }
            if (!begs.isEmpty() && right != null) {
                result = new int[] {left, right};
            }
        }
        if (result == null) {
            return null;
        }
        return new Balanced(str.substring(0, result[0]), str.substring(result[0] + 1, result[1]),
                str.substring(result[1] + 1));
    }

    private static List<String> parseCommaParts(String str) {
        if (str.isEmpty()) {
            return new ArrayList<>(List.of(""));
        }
        Balanced m = balanced(str);
        if (m == null) {
            return new ArrayList<>(List.of(str.split(",", -1)));
        }
        List<String> p = new ArrayList<>(List.of(m.pre().split(",", -1)));
        p.set(p.size() - 1, p.get(p.size() - 1) + "{" + m.body() + "}");
        List<String> postParts = parseCommaParts(m.post());
        if (!m.post().isEmpty()) {
            p.set(p.size() - 1, p.get(p.size() - 1) + postParts.remove(0));
            p.addAll(postParts);
        }
        return p;
    }

    private static List<String> combine(List<String> acc, String pre, List<String> values, boolean dropEmpties) {
        List<String> out = new ArrayList<>();
        for (String a : acc) {
            for (String v : values) {
                if (out.size() >= MAX) {
                    return out;
                }
                String expansion = a + pre + v;
                if (dropEmpties && expansion.isEmpty()) {
                    continue;
                }
                out.add(expansion);
            }
        }
        return out;
    }

    private static int numeric(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return s.charAt(0);
        }
    }

    private static List<String> expandSequence(String body, boolean alpha) {
        String[] n = body.split("\\.\\.", -1);
        int x = numeric(n[0]);
        int y = numeric(n[1]);
        int width = Math.max(n[0].length(), n[1].length());
        int incr = n.length == 3 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
        boolean reverse = y < x;
        if (reverse) {
            incr = -incr;
        }
        boolean pad = false;
        for (String el : n) {
            pad |= el.matches("^-?0\\d.*");
        }
        List<String> out = new ArrayList<>();
        for (int i = x; (reverse ? i >= y : i <= y) && out.size() < MAX; i += incr) {
            String c;
            if (alpha) {
                c = i == '\\' ? "" : String.valueOf((char) i);
            } else {
                c = String.valueOf(i);
                if (pad) {
                    int need = width - c.length();
                    if (need > 0) {
                        String z = "0".repeat(need);
                        c = i < 0 ? "-" + z + c.substring(1) : z + c;
                    }
                }
            }
            out.add(c);
        }
        return out;
    }

    private static List<String> embrace(List<String> list) {
        List<String> out = new ArrayList<>();
        for (String s : list) {
            out.add("{" + s + "}");
        }
        return out;
    }

    private static List<String> expandInner(String input, boolean isTop) {
        String str = input;
        List<String> acc = new ArrayList<>(List.of(""));
        boolean dropEmpties = false;
        boolean firstGroup = true;
        while (true) {
            Balanced m = balanced(str);
            if (m == null) {
                return combine(acc, str, List.of(""), dropEmpties);
            }
            String pre = m.pre();
            if (pre.endsWith("$")) {
                acc = combine(acc, pre + "{" + m.body() + "}", List.of(""), dropEmpties && m.post().isEmpty());
                firstGroup = false;
                if (m.post().isEmpty()) {
                    break;
                }
                str = m.post();
                continue;
            }
            boolean isNumeric = NUMERIC_SEQUENCE.matcher(m.body()).matches();
            boolean isAlpha = ALPHA_SEQUENCE.matcher(m.body()).matches();
            boolean isSequence = isNumeric || isAlpha;
            boolean isOptions = m.body().indexOf(',') >= 0;
            if (!isSequence && !isOptions) {
                if (LATER_COMMA.matcher(m.post()).find()) {
                    str = m.pre() + "{" + m.body() + ESC_CLOSE + m.post();
                    isTop = true;
                    continue;
                }
                return combine(acc, pre + "{" + m.body() + "}" + m.post(), List.of(""), dropEmpties);
            }
            if (firstGroup) {
                dropEmpties = isTop && !isSequence;
                firstGroup = false;
            }
            List<String> values;
            if (isSequence) {
                values = expandSequence(m.body(), isAlpha);
            } else {
                List<String> n = parseCommaParts(m.body());
                if (n.size() == 1) {
                    n = embrace(expandInner(n.get(0), false));
                    if (n.size() == 1) {
                        acc = combine(acc, pre + n.get(0), List.of(""), dropEmpties && m.post().isEmpty());
                        if (m.post().isEmpty()) {
                            break;
                        }
                        str = m.post();
                        continue;
                    }
                }
                boolean dropsEmpties = dropEmpties && m.post().isEmpty() && pre.isEmpty();
                for (String a : acc) {
                    if (!a.isEmpty()) {
                        dropsEmpties = false;
                    }
                }
                values = new ArrayList<>();
                for (String part : n) {
                    for (String v : expandInner(part, false)) {
                        if (dropsEmpties && v.isEmpty()) {
                            continue;
                        }
                        values.add(v);
                    }
                }
            }
            acc = combine(acc, pre, values, dropEmpties && m.post().isEmpty());
            if (m.post().isEmpty()) {
                break;
            }
            str = m.post();
        }
        return acc;
    }
}
