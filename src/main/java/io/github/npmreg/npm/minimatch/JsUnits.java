package io.github.npmreg.npm.minimatch;

import java.util.Locale;

/**
 * Strings as a JavaScript RegExp without the {@code u} flag sees them: UTF-16 units, compared (with {@code i})
 * after ECMAScript's Canonicalize. Java regexes work on code points and fold case differently, so both the
 * pattern's characters and the tested names are mapped unit by unit and then matched case-sensitively.
 */
final class JsUnits {
    private JsUnits() {}

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
    static char unit(char c, boolean nocase) {
        char x = nocase ? JS_CANONICAL[c] : c;
        return Character.isSurrogate(x) ? (char) (x - 0xD800 + 0xE000) : x;
    }

    static String toUnits(String f, boolean nocase) {
        char[] a = f.toCharArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = unit(a[i], nocase);
        }
        return new String(a);
    }

    /** Maps one pattern character to how the regex should spell it (identity in {@code u} mode). */
    @FunctionalInterface
    interface UnitMap {
        char map(char c);
    }

    static String jsLower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
