package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.Test;

/** AsciiCollation against ICU4J with the settings of EntryOrder and ReportOrder (which ICU reproduces Node with). */
class AsciiCollationTest {
    private static final Collator TERTIARY = tertiary();
    private static final Collator NUMERIC_CASE = numericCase();

    @Test
    void everyPairOfShortStringsOrdersAsIcu() {
        List<String> strings = new ArrayList<>();
        strings.add("");
        for (char a = 0x20; a <= 0x7e; a++) {
            strings.add(String.valueOf(a));
            for (char b = 0x20; b <= 0x7e; b++) {
                strings.add("" + a + b);
            }
        }
        assertSameOrder(strings, TERTIARY, AsciiCollation::compareTertiary);
        assertSameOrder(strings, NUMERIC_CASE, AsciiCollation::compareNumericCase);
    }

    @Test
    void randomPathLikePairsOrderAsIcu() {
        Random random = new Random(20261206);
        String alphabet = "aAbBzZ0001239._-/@~ ()!$";
        for (int n = 0; n < 1_000_000; n++) {
            String a = randomString(random, alphabet);
            String b = random.nextInt(4) == 0 ? mutate(random, a, alphabet) : randomString(random, alphabet);
            check(a, b, TERTIARY, AsciiCollation::compareTertiary);
            check(a, b, NUMERIC_CASE, AsciiCollation::compareNumericCase);
        }
    }

    @Test
    void numbersCompareByValueAndLeadingZerosWeighNothing() {
        assertTrue(AsciiCollation.compareNumericCase("file9.js", "file10.js") < 0);
        assertEquals(0, AsciiCollation.compareNumericCase("a01", "a1"));
        assertEquals(0, Integer.signum(NUMERIC_CASE.compare("a01", "a1")));
        assertTrue(AsciiCollation.compareTertiary("file10.js", "file9.js") < 0);
        assertTrue(AsciiCollation.compareTertiary("a.js", "A.js") < 0);
    }

    @Test
    void appliesToPrintableAsciiOnly() {
        assertTrue(AsciiCollation.applies("lib/index.d.ts"));
        assertTrue(AsciiCollation.applies(""));
        assertFalse(AsciiCollation.applies("r\u00e9sum\u00e9.md"));
        assertFalse(AsciiCollation.applies("tab\there"));
        assertFalse(AsciiCollation.applies("del\u007f"));
        assertFalse(AsciiCollation.applies("n" + "1".repeat(255)));
        assertTrue(AsciiCollation.applies("n" + "1".repeat(254)));
    }

    private static void assertSameOrder(List<String> strings, Collator collator, ToIntBiFunction<String, String> ours) {
        CollationKey[] keys = new CollationKey[strings.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = collator.getCollationKey(strings.get(i));
        }
        int mismatches = 0;
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            String a = strings.get(i);
            for (int j = 0; j < keys.length; j++) {
                int expected = Integer.signum(keys[i].compareTo(keys[j]));
                if (Integer.signum(ours.applyAsInt(a, strings.get(j))) != expected && mismatches++ < 10) {
                    examples.append(String.format("%n  '%s' vs '%s': ICU %d", a, strings.get(j), expected));
                }
            }
        }
        if (mismatches > 0) {
            fail(mismatches + " pairs differ from ICU:" + examples);
        }
    }

    private static void check(String a, String b, Collator collator, ToIntBiFunction<String, String> ours) {
        int expected = Integer.signum(collator.compare(a, b));
        assertEquals(expected, Integer.signum(ours.applyAsInt(a, b)), () -> "'" + a + "' vs '" + b + "'");
    }

    private static String randomString(Random random, String alphabet) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(5) == 0 ? (char) (0x20 + random.nextInt(95))
                    : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** A near neighbour: the same string with one change, so equal-primary and case-only differences are common. */
    private static String mutate(Random random, String s, String alphabet) {
        if (s.isEmpty()) {
            return s;
        }
        char[] chars = s.toCharArray();
        int i = random.nextInt(chars.length);
        char c = chars[i];
        chars[i] = Character.isLetter(c) ? (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                : alphabet.charAt(random.nextInt(alphabet.length()));
        String out = new String(chars);
        return random.nextBoolean() ? out : out.replaceFirst("([1-9])", "0$1");
    }

    private static Collator tertiary() {
        Collator collator = Collator.getInstance(ULocale.ENGLISH);
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator.freeze();
    }

    private static Collator numericCase() {
        RuleBasedCollator collator = (RuleBasedCollator) Collator.getInstance(ULocale.ENGLISH);
        collator.setStrength(Collator.PRIMARY);
        collator.setCaseLevel(true);
        collator.setNumericCollation(true);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator.freeze();
    }
}
