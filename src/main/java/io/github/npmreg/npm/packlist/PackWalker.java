package io.github.npmreg.npm.packlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.manifest.JsValues;
import io.github.npmreg.npm.NodePath;
import io.github.npmreg.npm.glob.NodeGlob;
import io.github.npmreg.npm.minimatch.IgnorePattern;
import io.github.npmreg.npm.minimatch.Subject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One directory of npm's file walk: ignore-walk 8.0.0's {@code Walker} (synchronous flavour; 9.0.0 is the same)
 * with npm-packlist's {@code PackWalker} overrides, ported method by method so that the same rule sets give the same
 * files. What npm-packlist 10.0.4 (npm 11) and 11.3.0 (npm 12) do differently is asked of {@link PacklistRules}.
 *
 * <p>Each directory holds named rule sets, evaluated in {@code ignoreFiles} order so later sets override earlier
 * ones: the synthetic defaults, the {@code files} rules of package.json, {@code .npmignore}, {@code .gitignore} and
 * the synthetic strict rules. A directory first asks its parent about {@code <dirname>/<entry>}, so parent rules
 * keep applying below; an entry is tested both as a file and, partially, as a directory that might contain
 * something included.
 */
public final class PackWalker {
    static final String DEFAULT_RULES = "\0npm-packlist.rules.default";
    static final String STRICT_RULES = "\0npm-packlist.rules.strict";
    static final String GLOBAL_RULES = "\0npm-packlist.rules.global";
    private static final String PACKAGE_JSON = "package.json";
    private static final List<String> ALL_RULE_SETS =
            List.of(DEFAULT_RULES, PACKAGE_JSON, ".npmignore", ".gitignore", STRICT_RULES);
    /** npm-packlist 11's root walker: the user-level ignore file between the defaults and package.json. */
    private static final List<String> ROOT_RULE_SETS_WITH_GLOBAL =
            List.of(DEFAULT_RULES, GLOBAL_RULES, PACKAGE_JSON, ".npmignore", ".gitignore", STRICT_RULES);

    /** npm-packlist {@code defaults}: applied everywhere except in the top folder of a non-link bundled dependency. */
    static final List<String> DEFAULTS = List.of(
            ".npmignore", ".gitignore", "**/.git", "**/.svn", "**/.hg", "**/CVS", "**/.git/**", "**/.svn/**",
            "**/.hg/**", "**/CVS/**", "/.lock-wscript", "/.wafpickle-*", "/build/config.gypi", "npm-debug.log",
            "**/.npmrc", ".*.swp", ".DS_Store", "**/.DS_Store/**", "._*", "**/._*/**", "*.orig",
            "/archived-packages/**");

    private final PacklistRules rules;
    private final PackageNode tree;
    private final Path path;
    private final String basename;
    private final PackWalker parent;
    private final List<String> ignoreFiles;
    private final Map<String, List<IgnorePattern>> ignoreRules = new HashMap<>();
    private final boolean exact;
    private final boolean isPackage;
    private final List<String> requiredFiles;
    private final Set<Path> seen;
    /** Paths relative to the top walker, shared by a walker and its subdirectory walkers. */
    private final Set<String> result;
    private final String relPrefix;
    /** npm's {@code log.warn} lines of this walk (shared with subdirectory walkers). */
    private final List<String> warnings;

    private PackWalker(PacklistRules rules, PackageNode tree, Path path, PackWalker parent, List<String> ignoreFiles, boolean exact,
            boolean isPackage, List<String> requiredFiles, Set<Path> seen, Set<String> result,
            List<String> extraDefaults, String globalIgnoreRules, List<String> warnings) {
        this.rules = rules;
        this.warnings = warnings;
        this.tree = tree;
        this.path = path;
        this.basename = path.getFileName() == null ? "" : path.getFileName().toString();
        this.parent = parent;
        this.ignoreFiles = ignoreFiles;
        this.exact = exact;
        this.isPackage = isPackage;
        this.requiredFiles = requiredFiles;
        this.seen = seen;
        this.result = result;
        this.relPrefix = parent == null ? "" : parent.relPrefix + basename + "/";
        List<String> defaults = new ArrayList<>(DEFAULTS);
        defaults.addAll(extraDefaults);
        injectRules(DEFAULT_RULES, defaults);
        if (globalIgnoreRules != null && !globalIgnoreRules.isEmpty()) {
            injectRules(GLOBAL_RULES, List.of(globalIgnoreRules));
        }
        if (!isPackage) {
            // a plain subdirectory: strict rules are /.git plus the required files the parent passed down
            List<String> strict = new ArrayList<>(List.of("/.git"));
            requiredFiles.forEach(f -> strict.add("!" + f));
            injectRules(STRICT_RULES, strict);
        }
    }

    /**
     * The walker for the package being packed (npm-packlist's exported {@code walk}).
     *
     * @param globalIgnoreRules the text of the user-level ignore file, or null; only rules that read it use it
     */
    static PackWalker forPackage(PacklistRules rules, PackageNode tree, List<String> extraDefaults,
            String globalIgnoreRules, Set<String> result, List<String> warnings) {
        boolean global = rules.readsGlobalIgnoreFile();
        return new PackWalker(rules, tree, tree.path, null, global ? ROOT_RULE_SETS_WITH_GLOBAL : ALL_RULE_SETS,
                false, true, new ArrayList<>(), new HashSet<>(), result, extraDefaults,
                global ? globalIgnoreRules : null, warnings);
    }

    /**
     * npm-packlist's {@code packlist(tree, {path})} for the project root in {@code dir}, packed alone or as a
     * workspace (the workspace root's ignore files then apply, {@link Workspaces#rulesFromWorkspaceRoot}).
     *
     * @param manifest the package.json of {@code dir} as parsed from disk (it is not modified)
     * @param globalIgnoreRules the text of the user-level ignore file, or null; only rules that read it use it
     */
    public static Listing packlist(PacklistRules rules, Path dir, ObjectNode manifest, String globalIgnoreRules) {
        PackageNode root = PackageNode.projectRoot(dir, manifest, rules.major());
        Set<String> files = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        forPackage(rules, root, Workspaces.rulesFromWorkspaceRoot(dir), globalIgnoreRules, files, warnings).walk();
        return new Listing(files, warnings, root.pkg());
    }

    /**
     * @param files the selected files, package-relative and {@code /}-separated, in no particular order
     * @param warnings npm's {@code log.warn} lines of the walk
     * @param rootPackage the root's package.json as Arborist normalized it (what npm's later checks read)
     */
    public record Listing(Set<String> files, List<String> warnings, ObjectNode rootPackage) {}

    void walk() {
        List<String> entries = readdir(path);
        if (!entries.isEmpty()) {
            for (String e : entries) {
                if (ignoreFiles.contains(e)) {
                    addIgnoreFile(e);
                }
            }
            filterEntries(entries);
        }
        if (isPackage) {
            gatherBundles();
        }
    }

    private static List<String> readdir(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new NpmregException("Cannot list the directory " + dir + " while collecting the files to pack: "
                    + e, "Make it readable (chmod u+rx '" + dir + "'), or exclude it with a line in .npmignore "
                    + "or by leaving it out of \"files\" in package.json.", e);
        }
        return names;
    }

    private void addIgnoreFile(String name) {
        if (name.equals(PACKAGE_JSON) && isPackage) {
            processPackage();
            return;
        }
        Path file = path.resolve(name);
        try {
            onReadIgnoreFile(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NpmregException("Cannot read the ignore file " + file + ": " + e,
                    "Make " + file + " a readable file, or delete it.", e);
        }
    }

    // ignore-walk onReadIgnoreFile: one rule per line, trimmed; blank lines and # comments skipped.
    private void onReadIgnoreFile(String name, String data) {
        List<IgnorePattern> rules = new ArrayList<>();
        for (String line : data.split("\r?\n", -1)) {
            String trimmed = JsValues.jsTrim(line);
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            rules.add(IgnorePattern.ofIgnoreLine(trimmed));
        }
        ignoreRules.put(name, rules);
    }

    private void injectRules(String name, List<String> rules) {
        onReadIgnoreFile(name, String.join("\n", rules) + "\n");
    }

    /** npm-packlist processPackage: package.json's files/main/browser/bin become rules. */
    private void processPackage() {
        var pkg = tree.pkg();
        List<String> ignores = new ArrayList<>();
        List<String> strict = new ArrayList<>(rules.packageStrictRules());
        JsonNode files = pkg.get("files");
        if (files != null && !files.isNull() && !(files.isBoolean() && !files.booleanValue())) {
            // npm-packlist iterates "files" with for...of: a string is read character by character, as npm 11 does
            // (NpmWarnings says so); any other non-array is not iterable, and npm fails on it too.
            if (files.isTextual()) {
                com.fasterxml.jackson.databind.node.ArrayNode chars = com.fasterxml.jackson.databind.node
                        .JsonNodeFactory.instance.arrayNode();
                files.textValue().codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
                files = chars;
            }
            if (!files.isArray()) {
                throw new NpmregException("\"files\" in " + tree.path.resolve(PACKAGE_JSON)
                        + " must be an array of paths or globs, but it is " + files,
                        "Write it as an array, e.g. \"files\": [\"dist\"]");
            }
            for (JsonNode entry : files) {
                if (!entry.isTextual()) {
                    throw new NpmregException("\"files\" in " + tree.path.resolve(PACKAGE_JSON)
                            + " contains " + entry + ", which is not a string",
                            "Make every entry of \"files\" a quoted path or glob, e.g. \"dist\"");
                }
                if (rules.filesAsGlobs()) {
                    globRules(entry.asText(), ignores);
                    continue;
                }
                String file = entry.asText();
                if (file.startsWith("./")) {
                    file = file.substring(1);
                }
                if (file.endsWith("/*")) {
                    file += "*"; // dist/* -> dist/**, so subdirectories are taken too
                }
                String inverse = "!" + file;
                switch (lstatFilesEntry(file, entry.asText())) {
                    case FILE -> {
                        strict.add(0, inverse);
                        requiredFiles.add(file.startsWith("/") ? file.substring(1) : file);
                    }
                    case DIRECTORY -> {
                        ignores.add(inverse);
                        ignores.add(inverse + "/**");
                    }
                    case MISSING -> ignores.add(inverse);
                    case OUTSIDE -> { } // npm packs nothing for an entry outside the package (NpmWarnings says so)
                    case OTHER -> { } // exists, neither file nor directory (a symlink): npm takes nothing
                }
            }
            List<String> rules = new ArrayList<>();
            rules.add("*");
            rules.addAll(ignores);
            injectRules(PACKAGE_JSON, rules);
        }
        JsonNode browser = pkg.get("browser");
        if (browser != null && browser.isTextual() && !browser.asText().isEmpty()) {
            strict.add("!/" + browser.asText());
        }
        JsonNode main = pkg.get("main");
        if (main != null && main.isTextual() && !main.asText().isEmpty()) {
            strict.add("!/" + main.asText());
        }
        JsonNode bin = pkg.get("bin");
        if (bin != null && bin.isObject()) {
            bin.elements().forEachRemaining(target -> strict.add("!/" + target.asText()));
        }
        if (rules.excludesPatchFiles() && tree.isProjectRoot) {
            excludePatchFiles(pkg.get("patchedDependencies"), files != null && files.isArray(), ignores, strict);
        }
        injectRules(STRICT_RULES, strict);
    }

    /**
     * npm-packlist 11: strip leading {@code !}s, one leading {@code ./} or {@code /} and trailing slashes, expand
     * the rest with node-glob against the package root, and add {@code !/<match>} (a directory also
     * {@code !/<match>/**}) for each match; a negated entry adds the same paths without {@code !}.
     */
    private void globRules(String entry, List<String> ignores) {
        boolean negation = entry.startsWith("!");
        String pattern = (negation ? entry.replaceFirst("^!+", "") : entry)
                .replaceFirst("^\\.?/", "")
                .replaceFirst("/+$", "");
        if (pattern.isEmpty()) {
            return;
        }
        if (!path.resolve(pattern).normalize().startsWith(path)) {
            return; // npm 12 packs nothing for an entry outside the package (NpmWarnings says so)
        }
        String prefix = negation ? "" : "!";
        for (NodeGlob.Match match : NodeGlob.globSync(pattern, path)) {
            switch (match.type()) {
                case DIRECTORY -> {
                    ignores.add(prefix + "/" + match.path());
                    ignores.add(prefix + "/" + match.path() + "/**");
                }
                case FILE -> ignores.add(prefix + "/" + match.path());
                case OTHER -> { } // sockets, fifos, symlinks: dropped
            }
        }
    }

    /**
     * npm-packlist 11.2: each patch file named in the project's {@code patchedDependencies} is a strict exclude
     * (the exact file, never its directory); npm warns {@code patched-dependencies} when {@code files} had taken it.
     */
    private void excludePatchFiles(JsonNode patched, boolean hasFiles, List<String> ignores, List<String> strict) {
        if (patched == null || !patched.isObject()) {
            return;
        }
        for (JsonNode value : patched) {
            if (!value.isTextual()) {
                continue;
            }
            String rel = value.asText().replace('\\', '/').replaceFirst("^\\.?/", "").replaceFirst("/+$", "");
            if (rel.isEmpty() || rel.startsWith("/") || rel.equals("..") || rel.startsWith("../")
                    || rel.contains("/../")) {
                continue;
            }
            int slash = rel.lastIndexOf('/');
            String parentGlob = "!/" + (slash < 0 ? "." : rel.substring(0, slash)) + "/**";
            if (hasFiles && (ignores.contains("!/" + rel) || ignores.contains(parentGlob))) {
                warnings.add("excluding \"" + rel + "\" from the package tarball: patch files in "
                        + "patchedDependencies must not be published");
            }
            strict.add("/" + rel);
        }
    }

    private enum Kind { FILE, DIRECTORY, MISSING, OTHER, OUTSIDE }

    // npm lstat()s join(path, entry without leading !) to decide file, directory or glob.
    private Kind lstatFilesEntry(String file, String original) {
        String stripped = file.replaceFirst("^!+", "");
        Path target = path.resolve(stripped.replaceFirst("^/+", "")).normalize();
        if (!target.startsWith(path)) {
            return Kind.OUTSIDE;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile()) {
                // lstat("file/") fails with ENOTDIR in Node, so a trailing slash makes it a glob
                return stripped.endsWith("/") ? Kind.MISSING : Kind.FILE;
            }
            return a.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
        } catch (IOException e) {
            return Kind.MISSING; // any lstat failure makes npm treat the entry as a glob
        }
    }

    // npm-packlist filterEntries: package.json rules cancel .npmignore and .gitignore; .npmignore cancels .gitignore.
    private void filterEntries(List<String> entries) {
        if (ignoreRules.get(PACKAGE_JSON) != null) {
            ignoreRules.put(".npmignore", null);
            ignoreRules.put(".gitignore", null);
        } else if (ignoreRules.get(".npmignore") != null) {
            ignoreRules.put(".gitignore", null);
        }
        for (String entry : entries) {
            // ignore-walk computes both verdicts before the lstat; both are pure, so the partial (directory)
            // verdict, the dearer one, is only computed when it can change the outcome: for a file that passes
            // as a file it is never read.
            boolean passFile = filterEntry(entry, false, null);
            Boolean passDir = passFile ? null : filterEntry(entry, true, null);
            if (!passFile && !passDir) {
                continue;
            }
            if (entry.contains("*")) {
                continue; // npm-packlist refuses names that are invalid on Windows
            }
            Path abs = path.resolve(entry);
            BasicFileAttributes st;
            try {
                st = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new NpmregException("Cannot read " + abs + " while collecting the files to pack: " + e,
                        "Make it readable, or exclude it in .npmignore.", e);
            }
            if (!st.isRegularFile() && !st.isDirectory()) {
                continue; // symlinks, sockets, devices are never packed
            }
            if (!st.isDirectory()) {
                if (passFile) {
                    result.add(relPrefix + entry);
                }
            } else if (passDir != null ? passDir : filterEntry(entry, true, null)) {
                boolean childExact = passFile || filterEntry(entry + "/", false, null);
                child(entry, childExact).walk();
            }
        }
    }

    // npm-packlist walkerOpt: subdirectories never read package.json, unless the tree has workspaces.
    private PackWalker child(String entry, boolean childExact) {
        List<String> childIgnoreFiles = tree.hasWorkspaces
                ? ALL_RULE_SETS
                : List.of(DEFAULT_RULES, ".npmignore", ".gitignore", STRICT_RULES);
        List<String> childRequired = new ArrayList<>();
        String dir = NodePath.join("/", entry).substring(1).replaceAll("/$", "");
        for (String file : requiredFiles) {
            // only files directly inside the entry are passed down: relative(file, entry) === '..'
            String f = NodePath.join("/", file).substring(1).replaceAll("/$", "");
            int slash = f.lastIndexOf('/');
            if (slash > 0 && f.substring(0, slash).equals(dir)) {
                childRequired.add(f.substring(slash + 1));
            }
        }
        return new PackWalker(rules, tree, path.resolve(entry), this, childIgnoreFiles, childExact, false,
                childRequired, new HashSet<>(), result, List.of(), null, warnings);
    }

    /** ignore-walk filterEntry: parent verdict first, then each rule set in order; the last matching rule wins. */
    private boolean filterEntry(String entry, boolean partial, String entryBasename) {
        boolean included = true;
        if (parent != null) {
            String parentEntry = basename + "/" + entry;
            String parentBasename = entryBasename != null ? entryBasename : entry;
            included = parent.filterEntry(parentEntry, partial, parentBasename);
            if (!included && !exact) {
                return false;
            }
        }
        Candidates c = new Candidates(entry, entryBasename);
        for (String f : ignoreFiles) {
            List<IgnorePattern> rules = ignoreRules.get(f);
            if (rules == null) {
                continue;
            }
            for (IgnorePattern rule : rules) {
                // a negation only matters for an excluded entry, an ignore rule only for an included one
                if (rule.negate() == included) {
                    continue;
                }
                boolean isRelativeRule = entryBasename != null && rule.hasSinglePartExpansion();
                // first /foo/bar, then foo/bar; for partials also with a trailing slash, and (negations) as a
                // prefix of the rule; a basename rule is also tried against the entry's basename
                boolean match = rule.match(c.abs(), false)
                        || rule.match(c.rel(), false)
                        || (partial && (rule.match(c.absDir(), false)
                                || rule.match(c.relDir(), false)
                                || (rule.negate() && (rule.match(c.abs(), true) || rule.match(c.rel(), true)))
                                || (isRelativeRule && (rule.match(c.baseAbsDir(), false)
                                        || rule.match(c.baseRelDir(), false)
                                        || (rule.negate() && (rule.match(c.baseAbs(), true)
                                                || rule.match(c.baseRel(), true)))))));
                if (match) {
                    included = rule.negate();
                }
            }
        }
        return included;
    }

    /** The spellings of one entry that filterEntry tests, each split once and shared by all rules. */
    private static final class Candidates {
        private final String entry;
        private final String basename;
        private final Subject[] cache = new Subject[8];

        Candidates(String entry, String basename) {
            this.entry = entry;
            this.basename = basename;
        }

        private Subject get(int i, String path) {
            Subject s = cache[i];
            if (s == null) {
                s = new Subject(path);
                cache[i] = s;
            }
            return s;
        }

        // The other spellings derive from entry and basename by adding slashes, so they reuse those splits.
        private Subject derived(int i, Subject from, boolean rooted) {
            Subject s = cache[i];
            if (s == null) {
                s = rooted ? from.rooted() : from.withTrailingSlash();
                cache[i] = s;
            }
            return s;
        }

        Subject abs() {
            return derived(0, rel(), true);
        }

        Subject rel() {
            return get(1, entry);
        }

        Subject absDir() {
            return derived(2, relDir(), true);
        }

        Subject relDir() {
            return derived(3, rel(), false);
        }

        Subject baseAbsDir() {
            return derived(4, baseRelDir(), true);
        }

        Subject baseRelDir() {
            return derived(5, baseRel(), false);
        }

        Subject baseAbs() {
            return derived(6, baseRel(), true);
        }

        Subject baseRel() {
            return get(7, basename);
        }
    }

    /** npm-packlist gatherBundles: walk each bundled dependency as its own package and add its files. */
    private void gatherBundles() {
        if (!seen.add(tree.realPath)) {
            return;
        }
        for (String dep : tree.namesToBundle()) {
            PackageNode.EdgeType edge = tree.edgeType(dep);
            if (edge == null || edge == PackageNode.EdgeType.PEER || edge == PackageNode.EdgeType.DEV) {
                continue;
            }
            PackageNode node = tree.resolve(dep);
            if (node == null) {
                continue; // not installed (e.g. a skipped optional dependency)
            }
            // Only a symlinked dependency gets the defaults and its .npmignore/.gitignore; every bundled package
            // gets its own package.json rules and the strict rules.
            List<String> sets = new ArrayList<>();
            if (node.isLink) {
                sets.add(DEFAULT_RULES);
            }
            sets.add(PACKAGE_JSON);
            if (node.isLink) {
                sets.add(".npmignore");
                sets.add(".gitignore");
            }
            sets.add(STRICT_RULES);
            Set<String> bundled = new HashSet<>();
            new PackWalker(rules, node, node.path, null, sets, false, true, new ArrayList<>(), seen, bundled,
                    List.of(), null, warnings).walk();
            // path.join(relative(root, walker.path), file): a hoisted dependency of a bundled package yields
            // "../x/..." here, resolved when the enclosing package joins its own prefix
            Path relativeFrom = path.relativize(node.path);
            for (String file : bundled) {
                result.add(relPrefix + relativeFrom.resolve(file).normalize().toString().replace('\\', '/'));
            }
        }
    }

}
