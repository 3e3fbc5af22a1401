package io.github.npmreg.gitlab;

import io.github.npmreg.NpmregException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The {@code requireTag} rule: publish only when the build runs for a git tag that names the package version. The
 * tag is {@code CI_COMMIT_TAG} when set (GitLab tag pipelines), otherwise the tags pointing at HEAD of the checkout
 * containing the package directory.
 *
 * <p>The pattern is a regular expression matched against the whole tag, in which {@code {version}} stands for the
 * exact version (e.g. {@code my-pkg@{version}} for monorepo tags). The default, {@code v?{version}}, accepts
 * {@code v1.2.3} and {@code 1.2.3}.
 */
public final class ReleaseTag {
    public static final String DEFAULT_PATTERN = "v?{version}";
    private static final String PLACEHOLDER = "{version}";

    private final String pattern;

    public ReleaseTag(String pattern) {
        if (pattern == null || !pattern.contains(PLACEHOLDER)) {
            throw new NpmregException("The release tag pattern '" + pattern + "' does not contain " + PLACEHOLDER
                    + ", so no tag could ever be checked against the version.",
                    "Use a pattern such as " + DEFAULT_PATTERN + " (the default) or my-pkg@" + PLACEHOLDER + ".");
        }
        try {
            compile("0.0.0", pattern);
        } catch (PatternSyntaxException e) {
            throw new NpmregException("The release tag pattern '" + pattern + "' is not a valid regular expression: "
                    + e.getDescription() + ".", "Fix the pattern, e.g. " + DEFAULT_PATTERN + ".", e);
        }
        this.pattern = pattern;
    }

    public static ReleaseTag defaults() {
        return new ReleaseTag(DEFAULT_PATTERN);
    }

    public String pattern() {
        return pattern;
    }

    /** Whether {@code tag} names {@code version} under this pattern. */
    public boolean matches(String tag, String version) {
        return compile(version, pattern).matcher(tag).matches();
    }

    /**
     * The tag this build runs for that names {@code version}; throws an {@link NpmregException} naming the tag(s)
     * and version it saw when there is none.
     *
     * @param version    the package version (from package.json)
     * @param packageDir the package directory; its git checkout is searched upwards
     * @param env        the environment ({@code CI_COMMIT_TAG})
     */
    public String require(String version, Path packageDir, Map<String, String> env) {
        String ciTag = env.get("CI_COMMIT_TAG");
        if (ciTag != null && !ciTag.isBlank()) {
            if (matches(ciTag.strip(), version)) {
                return ciTag.strip();
            }
            throw new NpmregException("requireTag: the build runs for tag '" + ciTag.strip() + "' (CI_COMMIT_TAG), but "
                    + packageDir.resolve("package.json") + " has version " + version + ", and " + accepted(version)
                    + ".", "Make the two agree: set \"version\" in package.json to the version the tag names, or"
                    + " push a tag for " + version + " (" + example(version) + ") and release from its pipeline.");
        }
        Optional<GitCheckout> checkout = GitCheckout.find(packageDir);
        if (checkout.isEmpty()) {
            throw new NpmregException("requireTag: CI_COMMIT_TAG is not set and " + packageDir.toAbsolutePath()
                    + " is not inside a git checkout, so there is no tag to check version " + version + " against.",
                    "Run the release from a tag pipeline or from a git checkout of the tagged commit, or turn"
                            + " requireTag off.");
        }
        GitCheckout git = checkout.get();
        String head = git.head().orElseThrow(() -> new NpmregException("requireTag: the git checkout at "
                + git.workTree() + " has no commit yet (HEAD " + git.headRef().orElse("") + " is unborn), so it has"
                + " no tag for version " + version + ".",
                "Commit, then tag the commit: git tag " + example(version) + "."));
        List<String> tags = git.tagsPointingAt(head);
        for (String tag : tags) {
            if (matches(tag, version)) {
                return tag;
            }
        }
        String where = "HEAD of " + git.workTree() + " (" + git.headRef().map(r -> r + " at ").orElse("detached at ")
                + head.substring(0, 12) + ")";
        String fix = "Tag the released commit and release from it: git tag " + example(version) + " " + head.substring(0, 12)
                + " && git push origin " + example(version) + " (or set CI_COMMIT_TAG in a tag pipeline).";
        if (tags.isEmpty()) {
            throw new NpmregException("requireTag: " + where + " has no tag, and version " + version
                    + " may only be published from a release tag (" + accepted(version) + ").", fix);
        }
        throw new NpmregException("requireTag: " + where + " is tagged "
                + tags.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + ", but none of these names"
                + " version " + version + " from package.json (" + accepted(version) + ").",
                "If the tag is right, set \"version\" in package.json to the version it names; otherwise: " + fix);
    }

    private String accepted(String version) {
        return "tags must match " + pattern + ", e.g. '" + example(version) + "'";
    }

    /** A tag this pattern accepts for {@code version}, for the fix text: {@code v1.2.3} under the default. */
    private String example(String version) {
        for (String candidate : List.of("v" + version, version)) {
            if (matches(candidate, version)) {
                return candidate;
            }
        }
        String literal = pattern.replace(PLACEHOLDER, version).replaceAll("[\\\\^$()\\[\\]?*+|]", "");
        return matches(literal, version) ? literal : pattern.replace(PLACEHOLDER, version);
    }

    private static Pattern compile(String version, String pattern) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        for (int i = pattern.indexOf(PLACEHOLDER); i >= 0; i = pattern.indexOf(PLACEHOLDER, at)) {
            regex.append(pattern, at, i).append(Pattern.quote(version));
            at = i + PLACEHOLDER.length();
        }
        regex.append(pattern.substring(at));
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return "release tag " + pattern;
    }
}
