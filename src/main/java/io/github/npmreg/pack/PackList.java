package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PackWalker;
import io.github.npmreg.npm.packlist.PacklistRules;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files {@code npm pack} puts in the tarball under the rules of one npm major ({@link PacklistRules}): the
 * npm-packlist port's walk ({@link PackWalker#packlist}, in {@code io.github.npmreg.npm.packlist}), libnpmpack 10's
 * refusal of overridden bundles (npm 12, {@link BundleOverrides}), then npm's tar order ({@link EntryOrder}) and
 * the bundled names as {@code npm pack --json} reports them.
 */
public final class PackList {
    /** {@code bundled} is computed from the paths like npm's {@code getContents} does from the tar entries. */
    private static final Pattern BUNDLED = Pattern.compile("^node_modules/((?:@[^/]+/)?[^/]+)");

    /**
     * @param files   every packed file, package-relative with {@code /} separators, in npm's tar order
     *                ({@link EntryOrder}; {@link Packer} relies on it)
     * @param bundled the bundled dependency names, as {@code npm pack --json} reports them under {@code bundled}
     * @param warnings what npm would print as {@code npm warn} while listing (e.g. {@code patched-dependencies})
     */
    public record Result(List<String> files, List<String> bundled, List<String> warnings) {
        public Result {
            files = List.copyOf(files);
            bundled = List.copyOf(bundled);
            warnings = List.copyOf(warnings);
        }
    }

    private PackList() {}

    /**
     * Lists what npm would pack from {@code packageDir}.
     *
     * @param manifest the package.json of {@code packageDir} as parsed from disk (it is not modified)
     * @param rules the npm whose selection is reproduced
     * @throws NpmregException when a directory cannot be read or a {@code files} entry is invalid
     */
    public static Result collect(Path packageDir, ObjectNode manifest, PacklistRules rules) {
        return collect(packageDir, manifest, rules, null);
    }

    /**
     * {@link #collect(Path, ObjectNode, PacklistRules)} with the text of npm's user-level ignore file
     * ({@code global-ignore-file}), which npm 12 applies on the root walker; null or empty when there is none.
     */
    public static Result collect(Path packageDir, ObjectNode manifest, PacklistRules rules, String globalIgnoreRules) {
        Path dir = packageDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new NpmregException("The package directory " + dir + " does not exist or is not a directory",
                    "Point the package directory setting at the folder that holds package.json.");
        }
        PackWalker.Listing listing;
        try {
            listing = PackWalker.packlist(rules, dir, manifest, globalIgnoreRules);
        } catch (InvalidPathException e) {
            // The JVM decodes file names with the locale's charset; under LANG=C a non-ASCII name cannot be used.
            throw new NpmregException("A file name below " + dir + " cannot be represented in this JVM's file-name "
                    + "encoding: " + e.getMessage(), "Start Maven with a UTF-8 locale, e.g. run "
                    + "'export LC_ALL=C.UTF-8' before mvn.", e);
        }
        Set<String> files = listing.files();
        List<String> warnings = listing.warnings();
        if (rules.refusesOverriddenBundles()) {
            BundleOverrides.refuseOverriddenBundles(listing.rootPackage(), files, dir);
        }
        List<String> sorted = EntryOrder.sort(files);
        Set<String> bundled = new LinkedHashSet<>();
        for (String file : sorted) {
            Matcher m = BUNDLED.matcher(file);
            if (m.find()) {
                bundled.add(m.group(1));
            }
        }
        return new Result(sorted, new ArrayList<>(bundled), warnings);
    }
}
