package io.github.npmreg.pack;

import io.github.npmreg.npm.NodePath;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the entries in npm's tarball: npm-packlist's {@code sort} (lib/index.js), which groups files by
 * extension to help compression: lower-cased {@code extname}, then lower-cased {@code basename}, then the whole
 * path, each compared with {@code localeCompare(…, 'en')}.
 *
 * <p>{@code localeCompare} is ICU's English collator with canonical normalization on (V8 turns it on);
 * ICU4J with the same settings and {@code UCharacter.toLowerCase(ROOT)} reproduced Node's order on 551 tricky
 * names (npm-tar-format.md §2). ignore-walk sorts root entries starting with {@code @} as {@code ./@…}, which
 * places them after {@code _} and before {@code .}. Ties (canonically equivalent names, ignorable characters)
 * keep their input order, as V8's stable sort does.
 */
public final class EntryOrder {
    private static final Collator COLLATOR = createCollator();

    /** Compares two package-relative paths ({@code /}-separated) as npm-packlist does. */
    public static final Comparator<String> COMPARATOR = EntryOrder::compare;

    private EntryOrder() {}

    /** A new list with the paths in npm's tarball order; the input is not changed. */
    public static List<String> sort(Collection<String> relativePaths) {
        List<Key> keys = new ArrayList<>(relativePaths.size());
        // Extensions and basenames repeat across a package (".js", "index.js"): each distinct one is keyed once.
        Map<String, CollationKey> partKeys = new HashMap<>();
        for (String path : relativePaths) {
            keys.add(new Key(path, partKeys));
        }
        // List.sort is a stable merge sort, like V8's Array.prototype.sort.
        keys.sort(Key::compareTo);
        List<String> sorted = new ArrayList<>(keys.size());
        for (Key key : keys) {
            sorted.add(key.path);
        }
        return sorted;
    }

    private static int compare(String a, String b) {
        return new Key(a, new HashMap<>()).compareTo(new Key(b, new HashMap<>()));
    }

    private static Collator createCollator() {
        Collator collator = Collator.getInstance(ULocale.ENGLISH);
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator.freeze();
    }

    private static String lower(String s) {
        return UCharacter.toLowerCase(ULocale.ROOT, s);
    }

    /**
     * The three collation keys of one path, computed once per path: comparing ICU sort keys gives the same
     * result as {@code Collator.compare} and is much cheaper over the n·log n comparisons of a large package.
     */
    private static final class Key implements Comparable<Key> {
        final String path;
        final CollationKey ext;
        final CollationKey base;
        final CollationKey whole;

        Key(String path, Map<String, CollationKey> partKeys) {
            this.path = path;
            String sortPath = path.startsWith("@") ? "./" + path : path;
            this.ext = partKeys.computeIfAbsent(lower(NodePath.extname(sortPath)), COLLATOR::getCollationKey);
            this.base = partKeys.computeIfAbsent(lower(NodePath.basename(sortPath)), COLLATOR::getCollationKey);
            this.whole = COLLATOR.getCollationKey(sortPath);
        }

        @Override
        public int compareTo(Key other) {
            int c = ext.compareTo(other.ext);
            if (c != 0) {
                return c;
            }
            c = base.compareTo(other.base);
            if (c != 0) {
                return c;
            }
            return whole.compareTo(other.whole);
        }
    }
}
