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
import java.util.Locale;
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
 * keep their input order, as V8's stable sort does. Plain ASCII paths are ordered by {@link AsciiCollation}, the
 * same order without ICU's cold-start cost.
 */
public final class EntryOrder {
    /** Compares two package-relative paths ({@code /}-separated) as npm-packlist does. */
    public static final Comparator<String> COMPARATOR = EntryOrder::compare;

    private EntryOrder() {}

    /** A new list with the paths in npm's tarball order; the input is not changed. */
    public static List<String> sort(Collection<String> relativePaths) {
        List<String> sorted = new ArrayList<>(relativePaths.size());
        if (relativePaths.stream().allMatch(AsciiCollation::applies)) {
            // Plain ASCII (nearly every package): the same order without loading ICU's collator.
            List<AsciiKey> keys = new ArrayList<>(relativePaths.size());
            for (String path : relativePaths) {
                keys.add(new AsciiKey(path));
            }
            keys.sort(AsciiKey::compareTo);
            for (AsciiKey key : keys) {
                sorted.add(key.path);
            }
            return sorted;
        }
        List<IcuKey> keys = new ArrayList<>(relativePaths.size());
        // Extensions and basenames repeat across a package (".js", "index.js"): each distinct one is keyed once.
        Map<String, CollationKey> partKeys = new HashMap<>();
        for (String path : relativePaths) {
            keys.add(new IcuKey(path, partKeys));
        }
        // List.sort is a stable merge sort, like V8's Array.prototype.sort.
        keys.sort(IcuKey::compareTo);
        for (IcuKey key : keys) {
            sorted.add(key.path);
        }
        return sorted;
    }

    private static int compare(String a, String b) {
        if (AsciiCollation.applies(a) && AsciiCollation.applies(b)) {
            return new AsciiKey(a).compareTo(new AsciiKey(b));
        }
        return new IcuKey(a, new HashMap<>()).compareTo(new IcuKey(b, new HashMap<>()));
    }

    private static String sortPath(String path) {
        return path.startsWith("@") ? "./" + path : path;
    }

    /** The path's three sort fields for a printable-ASCII path, compared as ICU would ({@link AsciiCollation}). */
    private static final class AsciiKey implements Comparable<AsciiKey> {
        final String path;
        final String ext;
        final String base;
        final String whole;

        AsciiKey(String path) {
            this.path = path;
            this.whole = sortPath(path);
            this.ext = NodePath.extname(whole).toLowerCase(Locale.ROOT);
            this.base = NodePath.basename(whole).toLowerCase(Locale.ROOT);
        }

        @Override
        public int compareTo(AsciiKey other) {
            int c = AsciiCollation.compareTertiary(ext, other.ext);
            if (c != 0) {
                return c;
            }
            c = AsciiCollation.compareTertiary(base, other.base);
            if (c != 0) {
                return c;
            }
            return AsciiCollation.compareTertiary(whole, other.whole);
        }
    }

    /** ICU4J, loaded only for a package with a path beyond printable ASCII. */
    private static final class Icu {
        static final Collator COLLATOR = createCollator();

        private static Collator createCollator() {
            Collator collator = Collator.getInstance(ULocale.ENGLISH);
            collator.setStrength(Collator.TERTIARY);
            collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return collator.freeze();
        }

        static String lower(String s) {
            return UCharacter.toLowerCase(ULocale.ROOT, s);
        }
    }

    /**
     * The three collation keys of one path, computed once per path: comparing ICU sort keys gives the same
     * result as {@code Collator.compare} and is much cheaper over the n·log n comparisons of a large package.
     */
    private static final class IcuKey implements Comparable<IcuKey> {
        final String path;
        final CollationKey ext;
        final CollationKey base;
        final CollationKey whole;

        IcuKey(String path, Map<String, CollationKey> partKeys) {
            this.path = path;
            String sortPath = sortPath(path);
            this.ext = partKeys.computeIfAbsent(Icu.lower(NodePath.extname(sortPath)), Icu.COLLATOR::getCollationKey);
            this.base = partKeys.computeIfAbsent(Icu.lower(NodePath.basename(sortPath)),
                    Icu.COLLATOR::getCollationKey);
            this.whole = Icu.COLLATOR.getCollationKey(sortPath);
        }

        @Override
        public int compareTo(IcuKey other) {
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
