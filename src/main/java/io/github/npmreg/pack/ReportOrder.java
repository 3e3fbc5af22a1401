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
    private static final Collator COLLATOR = createCollator();

    private ReportOrder() {}

    static List<PackedFile> sort(List<PackedFile> files) {
        // Comparing ICU sort keys orders like Collator.compare, and each path is keyed once instead of in every
        // one of the n log n comparisons.
        Map<PackedFile, CollationKey> keys = new IdentityHashMap<>();
        for (PackedFile file : files) {
            keys.put(file, COLLATOR.getCollationKey(file.path()));
        }
        Comparator<PackedFile> byPath = (a, b) -> keys.get(a).compareTo(keys.get(b));
        List<PackedFile> uppers = new ArrayList<>();
        List<PackedFile> others = new ArrayList<>();
        for (PackedFile file : files) {
            (isUpper(file.path()) ? uppers : others).add(file);
        }
        uppers.sort(byPath);
        others.sort(byPath);
        uppers.addAll(others);
        return uppers;
    }

    /** JavaScript's {@code ch === ch.toUpperCase()} on {@code str.charAt(0)}. */
    private static boolean isUpper(String path) {
        String ch = path.isEmpty() ? "" : path.substring(0, 1);
        return ch.equals(UCharacter.toUpperCase(ULocale.ROOT, ch));
    }

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
