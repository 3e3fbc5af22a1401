package io.github.npmreg.pack;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of {@code files} in {@code npm pack --json} and the notice (npm lib/utils/tar.js {@code getContents}),
 * which differs from the tar order: paths whose first UTF-16 unit equals its upper case (capitals, digits,
 * punctuation) come first, then the rest, each group sorted with
 * {@code Intl.Collator('en', {sensitivity: 'case', numeric: true})}.
 */
final class ReportOrder {
    private ReportOrder() {}

    static List<PackedFile> sort(List<PackedFile> files) {
        boolean ascii = files.stream().allMatch(f -> AsciiCollation.applies(f.path()));
        Comparator<PackedFile> byPath = ascii
                // Plain ASCII (nearly every package): the same order without loading ICU's collator.
                ? (a, b) -> AsciiCollation.compareNumericCase(a.path(), b.path())
                : icuOrder(files);
        List<PackedFile> uppers = new ArrayList<>();
        List<PackedFile> others = new ArrayList<>();
        for (PackedFile file : files) {
            (isUpper(file.path(), ascii) ? uppers : others).add(file);
        }
        uppers.sort(byPath);
        others.sort(byPath);
        uppers.addAll(others);
        return uppers;
    }

    private static Comparator<PackedFile> icuOrder(List<PackedFile> files) {
        // Comparing ICU sort keys orders like Collator.compare, and each path is keyed once instead of in every
        // one of the n log n comparisons.
        Map<PackedFile, CollationKey> keys = new IdentityHashMap<>();
        for (PackedFile file : files) {
            keys.put(file, Icu.COLLATOR.getCollationKey(file.path()));
        }
        return (a, b) -> keys.get(a).compareTo(keys.get(b));
    }

    /** JavaScript's {@code ch === ch.toUpperCase()} on {@code str.charAt(0)}. */
    private static boolean isUpper(String path, boolean ascii) {
        if (path.isEmpty()) {
            return true;
        }
        if (ascii) {
            char c = path.charAt(0);
            return c < 'a' || c > 'z';
        }
        String ch = path.substring(0, 1);
        return ch.equals(UCharacter.toUpperCase(ULocale.ROOT, ch));
    }

    /** ICU4J, loaded only for a package with a path beyond printable ASCII. */
    private static final class Icu {
        static final Collator COLLATOR = createCollator();

        private static Collator createCollator() {
            RuleBasedCollator collator = (RuleBasedCollator) Collator.getInstance(ULocale.ENGLISH);
            // sensitivity 'case' = primary strength plus the case level.
            collator.setStrength(Collator.PRIMARY);
            collator.setCaseLevel(true);
            collator.setNumericCollation(true);
            collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return collator.freeze();
        }
    }
}
