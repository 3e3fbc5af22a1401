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
 * The {@code requireTag} rule: publish only when the build runs for a git tag that names the version. The tag is
 * {@code CI_COMMIT_TAG} when set (GitLab tag pipelines), otherwise the tags pointing at HEAD of the checkout
 * containing the package directory ({@link GitCheckout}).
 *
 * <p>The pattern is a regular expression matched against the whole tag, in which {@code {version}} stands for the
 * exact version (e.g. {@code my-pkg@{version}} for monorepo tags). The default, {@code v?{version}}, accepts
 * {@code v1.2.3} and {@code 1.2.3}. {@link #judge} returns a {@link Verdict} value that {@code publish} stops on and
 * {@code verify} reports, so the two judge the same tag the same way.
 */
public final class ReleaseTag {
    public static final String DEFAULT_PATTERN = "v?{version}";
    private static final String PLACEHOLDER = "{version}";

    private final String pattern;

    /** Where the tag of this build comes from. */
    public enum Source { CI_COMMIT_TAG, GIT_HEAD }

    /** Why no tag names the version. */
    public enum Refusal {
        /** CI_COMMIT_TAG names another version. */
        CI_TAG_NAMES_OTHER_VERSION,
        /** Tags at HEAD exist, none names the version. */
        HEAD_TAGS_NAME_OTHER_VERSION,
        /** HEAD has no tag at all. */
        HEAD_UNTAGGED,
        /** No CI_COMMIT_TAG and no git checkout around the package. */
        NO_CHECKOUT,
        /** The repository has no commit yet. */
        UNBORN_HEAD,
        /** The repository could not be read. */
        UNREADABLE;

        /** Whether a tag exists but names another version (as opposed to no tag at all). */
        public boolean mismatch() {
            return this == CI_TAG_NAMES_OTHER_VERSION || this == HEAD_TAGS_NAME_OTHER_VERSION;
        }
    }

    /** What the rule says about this build. */
    public sealed interface Verdict {
        /** A tag names the version. */
        record Matched(String tag, Source source) implements Verdict {}

        /** No tag names the version: why, the tags seen, and the problem and fix as a goal reports them. */
        record Refused(Refusal refusal, List<String> tags, String problem, String fix) implements Verdict {
            public NpmregException toException() {
                return new NpmregException(problem, fix);
            }
        }
    }

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
     * @param version       the version that will be published
     * @param versionSource where it is set, e.g. {@code "version" in /x/package.json} or {@code the POM's <version>}
     * @param versionFix    how to set it to another value: {@code v -> "bump the project <version> in pom.xml to " + v}
     * @param packageDir    the package directory; its git checkout is searched upwards
     * @param env           the environment ({@code CI_COMMIT_TAG})
     */
    public Verdict judge(String version, String versionSource, java.util.function.UnaryOperator<String> versionFix,
            Path packageDir, Map<String, String> env) {
        String ciTag = env.get("CI_COMMIT_TAG");
        if (ciTag != null && !ciTag.isBlank()) {
            String tag = ciTag.strip();
            if (matches(tag, version)) {
                return new Verdict.Matched(tag, Source.CI_COMMIT_TAG);
            }
            String named = versionIn(tag);
            return new Verdict.Refused(Refusal.CI_TAG_NAMES_OTHER_VERSION, List.of(tag), "requireTag: the build runs"
                    + " for tag '" + tag + "' (CI_COMMIT_TAG), but the version to publish is " + version + " (from "
                    + versionSource + "), and " + accepted(version) + ".",
                    "Make the two agree: " + (named == null ? "set the version to the one the tag names"
                            : versionFix.apply(named)) + ", or push a tag for " + version + " (" + example(version)
                            + ") and release from its pipeline.");
        }
        Optional<GitCheckout> checkout;
        try {
            checkout = GitCheckout.find(packageDir);
        } catch (NpmregException e) {
            return new Verdict.Refused(Refusal.UNREADABLE, List.of(), "requireTag: CI_COMMIT_TAG is not set and "
                    + e.problem(), e.fix());
        }
        if (checkout.isEmpty()) {
            return new Verdict.Refused(Refusal.NO_CHECKOUT, List.of(), "requireTag: CI_COMMIT_TAG is not set and "
                    + packageDir.toAbsolutePath() + " is not inside a git checkout, so there is no tag to check version "
                    + version + " against.", "Run the release from a tag pipeline or from a git checkout of the"
                    + " tagged commit, or turn requireTag off.");
        }
        GitCheckout git = checkout.get();
        if (git.head().isEmpty()) {
            return new Verdict.Refused(Refusal.UNBORN_HEAD, List.of(), "requireTag: the git checkout at "
                    + git.workTree() + " has no commit yet (HEAD " + git.headRef().orElse("") + " is unborn), so it has"
                    + " no tag for version " + version + ".",
                    "Commit, then tag the commit: git tag " + example(version) + ".");
        }
        String head = git.head().get();
        List<String> tags = git.tagsAtHead();
        for (String tag : tags) {
            if (matches(tag, version)) {
                return new Verdict.Matched(tag, Source.GIT_HEAD);
            }
        }
        String shortHead = head.substring(0, 12);
        String where = "HEAD of " + git.workTree() + " (" + git.headRef().map(r -> r + " at ").orElse("detached at ")
                + shortHead + ")";
        String tagIt = "tag the released commit and release from it: git tag " + example(version) + " " + shortHead
                + " && git push origin " + example(version) + " (or set CI_COMMIT_TAG in a tag pipeline)";
        if (tags.isEmpty()) {
            return new Verdict.Refused(Refusal.HEAD_UNTAGGED, tags, "requireTag: " + where + " has no tag, and version "
                    + version + " (from " + versionSource + ") may only be published from a release tag ("
                    + accepted(version) + ").", capitalize(tagIt) + ".");
        }
        String named = tags.stream().map(this::versionIn).filter(v -> v != null).findFirst().orElse(null);
        return new Verdict.Refused(Refusal.HEAD_TAGS_NAME_OTHER_VERSION, tags, "requireTag: " + where + " is tagged "
                + tags.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + ", but none of these names"
                + " version " + version + " (from " + versionSource + "; " + accepted(version) + ").",
                "If the tag is right, " + (named == null ? "set the version to the one it names"
                        : versionFix.apply(named)) + "; otherwise " + tagIt + ".");
    }

    /**
     * The tag this build runs for that names {@code version}; throws the refusal as an {@link NpmregException}
     * naming the tag(s) and version it saw.
     */
    public String require(String version, Path packageDir, Map<String, String> env) {
        Path manifest = packageDir.resolve("package.json");
        Verdict verdict = judge(version, "\"version\" in " + manifest,
                v -> "set \"version\" in " + manifest + " to " + v, packageDir, env);
        if (verdict instanceof Verdict.Refused refused) {
            throw refused.toException();
        }
        return ((Verdict.Matched) verdict).tag();
    }

    /** The version a tag names under this pattern (a SemVer-looking part), or {@code null}. */
    private String versionIn(String tag) {
        java.util.regex.Matcher m = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?").matcher(tag);
        while (m.find()) {
            if (matches(tag, m.group())) {
                return m.group();
            }
        }
        return null;
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

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
