package io.github.npmreg.pack;

/**
 * ICU's English collation (CLDR root order, which English does not tailor) for printable ASCII strings, computed
 * without ICU: the two orders npm sorts paths with, {@link EntryOrder}'s {@code localeCompare(…, 'en')} (tertiary
 * strength) and {@link ReportOrder}'s {@code Intl.Collator('en', {sensitivity: 'case', numeric: true})}.
 *
 * <p>Why: nearly every package path is plain ASCII, and ICU4J's collator costs a cold build about 200 classes and
 * its rule data before the first comparison. For printable ASCII the root collation is simple: no character is
 * ignorable, none contracts or expands, and each has one primary weight in the order of {@link #ORDER} (spaces and
 * punctuation, symbols, digits, letters with case folded); upper case differs from lower case at the tertiary
 * (and case) level only, lower case first. A string with any other character goes to ICU. {@code
 * AsciiCollationTest} checks every pair of strings up to two characters and a million random pairs against ICU4J.
 */
final class AsciiCollation {
    /** Printable ASCII in CLDR root primary order; upper-case letters share their lower-case letter's weight. */
    static final String ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

    /** ICU gives digit runs longer than this no numeric weight of their own (ICU's limit is 254). */
    private static final int MAX_DIGIT_RUN = 254;

    private static final byte[] PRIMARY = new byte[128];

    static {
        for (int i = 0; i < ORDER.length(); i++) {
            char c = ORDER.charAt(i);
            PRIMARY[c] = (byte) (i + 1);
            if (c >= 'a' && c <= 'z') {
                PRIMARY[c - 'a' + 'A'] = (byte) (i + 1);
            }
        }
    }

    private AsciiCollation() {}

    /** Whether both orders here equal ICU's for {@code s}: printable ASCII only, digit runs within ICU's limit. */
    static boolean applies(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
            run = isDigit(c) ? run + 1 : 0;
            if (run > MAX_DIGIT_RUN) {
                return false;
            }
        }
        return true;
    }

    /** {@code Collator('en')} at tertiary strength: primary order, then the first case difference, lower first. */
    static int compareTertiary(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c = PRIMARY[a.charAt(i)] - PRIMARY[b.charAt(i)];
            if (c != 0) {
                return c;
            }
        }
        if (a.length() != b.length()) {
            return a.length() - b.length();
        }
        return compareCase(a, b);
    }

    /**
     * {@code Collator('en')} at primary strength with the case level and numeric ordering: a run of digits weighs as
     * its number (leading zeros ignored, so {@code 01} equals {@code 1}), as one primary of the digits' group.
     */
    static int compareNumericCase(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitRunEnd(a, i);
                int endB = digitRunEnd(b, j);
                int c = compareNumbers(a, i, endA, b, j, endB);
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
                continue;
            }
            int c = PRIMARY[isDigit(ca) ? '0' : ca] - PRIMARY[isDigit(cb) ? '0' : cb];
            if (c != 0) {
                return c;
            }
            i++;
            j++;
        }
        if (i < a.length() || j < b.length()) {
            return i < a.length() ? 1 : -1;
        }
        // Same primaries, so the same characters but for case and leading zeros: the first case difference decides.
        return compareCase(stripDigits(a), stripDigits(b));
    }

    private static int compareCase(String a, String b) {
        for (int i = 0; i < a.length() && i < b.length(); i++) {
            boolean upperA = isUpper(a.charAt(i));
            boolean upperB = isUpper(b.charAt(i));
            if (upperA != upperB) {
                return upperA ? 1 : -1;
            }
        }
        return 0;
    }

    private static int compareNumbers(String a, int startA, int endA, String b, int startB, int endB) {
        startA = skipZeros(a, startA, endA);
        startB = skipZeros(b, startB, endB);
        int c = (endA - startA) - (endB - startB);
        if (c != 0) {
            return c;
        }
        for (int k = 0; k < endA - startA; k++) {
            c = a.charAt(startA + k) - b.charAt(startB + k);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Leading zeros carry no weight; a run of zeros is the number 0. */
    private static int skipZeros(String s, int start, int end) {
        while (start < end - 1 && s.charAt(start) == '0') {
            start++;
        }
        return start;
    }

    private static int digitRunEnd(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
