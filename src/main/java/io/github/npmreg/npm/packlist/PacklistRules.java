package io.github.npmreg.npm.packlist;

import java.util.List;

/**
 * What npm-packlist does differently from one npm major to the next: the one part of the file walk that depends on
 * the npm whose tarball is reproduced. {@link PackWalker} is the same walker for both; it asks these rules.
 *
 * <ul>
 *   <li>{@link #NPM_11}: npm 11.19.1, npm-packlist 10.0.4 over ignore-walk 8.0.0. A {@code files} entry is
 *       {@code lstat}ed: an existing file becomes a strict rule and a required file passed down to subdirectories
 *       (so it beats a nested {@code .npmignore}), a directory becomes {@code !dir} and {@code !dir/**}, anything
 *       else is used as an ignore-walk pattern.
 *   <li>{@link #NPM_12}: npm 12.2.2, npm-packlist 11.3.0 over ignore-walk 9.0.0 (the same matching as 8.0.0). A
 *       {@code files} entry is a node-glob pattern ({@code dot: true}) expanded against the package root; each
 *       match adds {@code !/<path>} (a directory also {@code !/<path>/**}), a negated entry {@code /<path>}; there
 *       are no required files. Root {@code npm-shrinkwrap.json}, {@code bun.lock} and {@code .npm-extension.mjs}/
 *       {@code .cjs} are always excluded; the project's {@code patchedDependencies} patch files are excluded and
 *       the field is removed from the packed package.json (pacote 22); a user-level ignore file
 *       ({@code global-ignore-file}) applies on the root walker only.
 * </ul>
 */
public enum PacklistRules {
    NPM_11(11, "npm 11.19.1 (npm-packlist 10.0.4, ignore-walk 8.0.0)", false, List.of("/.git", "!/package.json",
            "!/readme{,.*[^~$]}", "!/copying{,.*[^~$]}", "!/license{,.*[^~$]}", "!/licence{,.*[^~$]}", "/.git",
            "/node_modules", ".npmrc", "/package-lock.json", "/yarn.lock", "/pnpm-lock.yaml", "/bun.lockb")),
    NPM_12(12, "npm 12.2.2 (npm-packlist 11.3.0, ignore-walk 9.0.0, glob 13.0.6)", true, List.of("/.git",
            "!/package.json", "!/readme{,.*[^~$]}", "!/copying{,.*[^~$]}", "!/license{,.*[^~$]}",
            "!/licence{,.*[^~$]}", "/.git", "/node_modules", ".npmrc", "/package-lock.json", "/npm-shrinkwrap.json",
            "/yarn.lock", "/pnpm-lock.yaml", "/bun.lockb", "/bun.lock", "/.npm-extension.mjs",
            "/.npm-extension.cjs"));

    private final int major;
    private final String upstream;
    private final boolean filesAsGlobs;
    private final List<String> packageStrictRules;

    PacklistRules(int major, String upstream, boolean filesAsGlobs, List<String> packageStrictRules) {
        this.major = major;
        this.upstream = upstream;
        this.filesAsGlobs = filesAsGlobs;
        this.packageStrictRules = packageStrictRules;
    }

    /** The npm major these rules reproduce. */
    public int major() {
        return major;
    }

    /** The npm release and bundled packlist modules these rules were taken from (and are tested against). */
    public String upstream() {
        return upstream;
    }

    /** The newest npm the plugin follows: used when nothing names an npm version. */
    public static PacklistRules newest() {
        return NPM_12;
    }

    /** The rules for an npm major: 11 and older pack as npm 11, 12 and newer as npm 12. */
    public static PacklistRules forMajor(int major) {
        return major <= 11 ? NPM_11 : NPM_12;
    }

    /**
     * npm-packlist 11: {@code files} entries are node-glob patterns with one meaning (no lstat, no required files).
     */
    boolean filesAsGlobs() {
        return filesAsGlobs;
    }

    /** A required file of {@code files} (npm 11 only) is passed down and beats a nested {@code .npmignore}. */
    boolean passesRequiredFilesDown() {
        return !filesAsGlobs;
    }

    /** npm-packlist 11.2: the root package's {@code patchedDependencies} patch files are never packed. */
    boolean excludesPatchFiles() {
        return this == NPM_12;
    }

    /** pacote 22: the packed package.json has no {@code patchedDependencies} (libnpmpublish 12 drops it too). */
    public boolean stripsPatchedDependencies() {
        return this == NPM_12;
    }

    /** npm-packlist 11.1: the user-level {@code global-ignore-file} is read, on the root walker only. */
    boolean readsGlobalIgnoreFile() {
        return this == NPM_12;
    }

    /**
     * libnpmpack 10: a directory with {@code bundleDependencies} and {@code overrides} that change a bundled
     * package is refused ({@code EBUNDLEOVERRIDE}).
     */
    public boolean refusesOverriddenBundles() {
        return this == NPM_12;
    }

    /** processPackage's strict rules, before main, browser, bin and patch files are added. */
    List<String> packageStrictRules() {
        return packageStrictRules;
    }
}
