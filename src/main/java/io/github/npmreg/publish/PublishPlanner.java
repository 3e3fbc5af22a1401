package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.CredentialOrigin;
import io.github.npmreg.auth.CredentialRequest;
import io.github.npmreg.auth.CredentialResolver;
import io.github.npmreg.auth.CredentialSource;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.RegistryOrigin;
import io.github.npmreg.auth.RegistrySelection;
import io.github.npmreg.auth.Resolution;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.gitlab.GitLabCi;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.manifest.SnapshotVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plans a {@link Release} without sending anything: the version (a Maven SNAPSHOT mapped), npm's registry precedence
 * (plus the {@code <gitlab>} shorthand and GitLab CI's project registry when nothing is configured), credentials in
 * the documented order, npm's tag and access rules, and the requireTag rule. Problems are collected as values, never
 * thrown, so {@code verify} reports all of them and the goals stop on the first.
 */
public final class PublishPlanner {
    // npm refuses tags that are semver ranges ("Tag name must not be a valid SemVer range").
    private static final Pattern RANGE_LIKE = Pattern.compile("^[v=^~<>]*\\s*\\d+(\\.[\\dxX*]+){0,2}.*$");

    private PublishPlanner() {}

    /** The release these settings make; the package name must be valid (PackageName.parse throws otherwise). */
    public static Release plan(PublishSettings s) {
        PublishSettings.Choices c = s.choices();
        PackageName name = PackageName.parse(s.pkg().manifest().path("name").asText());
        List<ReleaseProblem> problems = new ArrayList<>();
        privatePackage(s, name).ifPresent(problems::add);

        ReleaseVersion version = version(s, problems);
        if (c.strict()) {
            for (String warning : NpmWarnings.of(s.pkg().manifest(), s.pkg().manifestFile(), version)) {
                problems.add(new ReleaseProblem(ReleaseProblem.Kind.NPM_WARNING_STRICT, new NpmregException(
                        warning + "; npm publishes it with a warning, and strict is on.",
                        "fix package.json as the warning says, or turn strict off (-Dnpmreg.strict=false).")));
            }
        }
        SelectedRegistry registry = registry(s, problems);
        DistTag tag = tag(s, version, problems);
        String access = access(s, name, problems);

        Resolution resolution = Resolution.none();
        if (registry != null) {
            try {
                resolution = credentials(s, registry.url());
            } catch (NpmregException e) {
                problems.add(new ReleaseProblem(ReleaseProblem.Kind.CREDENTIALS_UNUSABLE, e));
            }
        }
        CredentialOrigin origin = resolution.origin();
        if (resolution.credentials() instanceof Credentials.None && OidcExchange.applies(s.sources().env(), c.oidc())) {
            origin = CredentialOrigin.TRUSTED_PUBLISHING;
        }
        ReleaseTag rule = null;
        if (c.requireTag()) {
            try {
                rule = c.tagPattern() == null ? ReleaseTag.defaults() : new ReleaseTag(c.tagPattern());
            } catch (NpmregException e) {
                problems.add(new ReleaseProblem(ReleaseProblem.Kind.TAG_PATTERN_INVALID, e));
            }
        }
        return new Release(name, s.pkg().manifestFile(), version, tag, access, registry, resolution.credentials(),
                origin, rule, c.skipExisting(), problems);
    }

    /**
     * libnpmpublish refuses any manifest whose {@code private} is truthy (JavaScript truthiness: {@code "false"}
     * counts) before anything is sent, with EPRIVATE; so does every goal here, dry runs included.
     */
    static Optional<ReleaseProblem> privatePackage(PublishSettings s, PackageName name) {
        JsonNode value = s.pkg().manifest().get("private");
        if (!io.github.npmreg.manifest.JsValues.truthy(value)) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseProblem(ReleaseProblem.Kind.PACKAGE_PRIVATE, new NpmregException(
                name + " has been marked as private (\"private\": " + value + " in " + s.pkg().manifestFile()
                        + "): npm refuses to publish it (EPRIVATE), and so does the plugin.",
                "remove the 'private' field from " + s.pkg().manifestFile() + " to publish it, or skip this"
                        + " package (-Dnpmreg.skip=true).")));
    }

    private static ReleaseVersion version(PublishSettings s, List<ReleaseProblem> problems) {
        PublishSettings.Choices c = s.choices();
        if (c.version() == null) {
            ReleaseVersion v = ReleaseVersion.fromPackageJson(s.pkg().manifest().path("version").asText(""));
            if (!v.valid()) {
                problems.add(new ReleaseProblem(ReleaseProblem.Kind.VERSION_INVALID, new NpmregException(
                        "\"version\": \"" + v.configured() + "\" in " + s.pkg().manifestFile() + " is not a valid"
                                + " semantic version; npm refuses it (invalid semver).",
                        "set \"version\" to MAJOR.MINOR.PATCH with an optional -prerelease, e.g. \"1.2.0\".")));
            }
            return v;
        }
        boolean snapshot = c.version().endsWith("-SNAPSHOT");
        try {
            return new ReleaseVersion(SnapshotVersion.toNpm(c.version(), c.buildStart()), c.version(),
                    c.versionOrigin(), snapshot);
        } catch (NpmregException e) {
            problems.add(new ReleaseProblem(ReleaseProblem.Kind.VERSION_INVALID, new NpmregException(
                    e.problem() + " (from " + c.versionOrigin().description() + ")", e.fix(), e)));
            return new ReleaseVersion(c.version(), c.version(), c.versionOrigin(), snapshot);
        }
    }

    /**
     * The publish registry: the registry parameter, else the {@code <gitlab>} shorthand, else npm's precedence
     * (publishConfig, .npmrc), else GitLab CI's project registry when trusted publishing to npmjs is not in use,
     * else npm's default. A group- or instance-level GitLab URL is kept (so it can be shown) with its problem.
     */
    static SelectedRegistry registry(PublishSettings s, List<ReleaseProblem> problems) {
        PublishSettings.Choices c = s.choices();
        PackageName name = PackageName.parse(s.pkg().manifest().path("name").asText());
        SelectedRegistry registry;
        try {
            if (c.registry() == null && c.gitlab() != null) {
                registry = RegistrySelection.normalise(c.gitlab().publishRegistry().toString(),
                        RegistryOrigin.GITLAB_SHORTHAND, null);
            } else {
                registry = RegistrySelection.select(c.registry(), name, s.pkg().manifest(), s.pkg().manifestFile(),
                        s.sources().npmConfig());
            }
        } catch (NpmregException e) {
            problems.add(new ReleaseProblem(e instanceof RegistrySelection.CredentialsInUrl
                    ? ReleaseProblem.Kind.REGISTRY_URL_CREDENTIALS : c.registry() == null && c.gitlab() != null
                    ? ReleaseProblem.Kind.GITLAB_SHORTHAND_INVALID : ReleaseProblem.Kind.REGISTRY_URL_INVALID, e));
            return null;
        }
        GitLabCi ci = GitLabCi.from(s.sources().env());
        if (registry.isNpmDefault() && ci.detected() && !OidcExchange.applies(s.sources().env(), c.oidc())
                && ci.apiV4Url().isPresent() && ci.projectId().isPresent()) {
            try {
                registry = new SelectedRegistry(ci.defaultPublishRegistry(), RegistryOrigin.GITLAB_CI_PROJECT, null,
                        false);
            } catch (NpmregException e) {
                problems.add(new ReleaseProblem(ReleaseProblem.Kind.REGISTRY_URL_INVALID, e));
                return null;
            }
        }
        try {
            // The fix names the project exactly when one is known: <gitlab><projectId>, else CI_PROJECT_ID.
            String projectId = c.gitlab() != null && c.gitlab().projectId() != null && !c.gitlab().projectId().isBlank()
                    ? c.gitlab().projectId().strip() : ci.projectId().orElse(null);
            GitLabEndpoints.requirePublishable(registry.url(), projectId);
        } catch (NpmregException e) {
            problems.add(new ReleaseProblem(registry.gitlab().level() == GitLabEndpoints.Level.GROUP
                    ? ReleaseProblem.Kind.GITLAB_GROUP_ENDPOINT : ReleaseProblem.Kind.GITLAB_INSTANCE_ENDPOINT,
                    new NpmregException(e.problem() + " (from " + registry.reason() + ")", e.fix())));
        }
        return registry;
    }

    /**
     * The credentials for {@code registry}, first found wins: the settings.xml server, the .npmrc auth line, NPM_TOKEN,
     * NODE_AUTH_TOKEN, then GitLab CI's job token when the registry is the job's own GitLab.
     */
    public static Resolution credentials(PublishSettings s, URI registry) {
        return resolver(GitLabCi.from(s.sources().env()), registry).explain(
                new CredentialRequest(registry, s.sources().server(), s.sources().npmConfig(), s.sources().env()));
    }

    // Job tokens authenticate only against the GitLab instance that runs the job.
    private static CredentialResolver resolver(GitLabCi ci, URI registry) {
        List<CredentialSource> sources = new ArrayList<>(CredentialResolver.standardSources());
        if (ci.detected() && ci.hasJobToken() && sameGitLab(ci, registry)) {
            sources.add(request -> Optional.of(Resolution.of(ci.jobToken(), CredentialOrigin.GITLAB_JOB_TOKEN)));
        }
        return new CredentialResolver(sources);
    }

    /** Whether {@code registry} is on the GitLab instance this CI job runs on (where CI_JOB_TOKEN is valid). */
    public static boolean sameGitLab(GitLabCi ci, URI registry) {
        return ci.apiV4Url().map(URI::create)
                .map(api -> api.getHost() != null && api.getHost().equalsIgnoreCase(registry.getHost())
                        && api.getPort() == registry.getPort())
                .orElse(false);
    }

    /** The explicit tag, else publishConfig.tag, else {@code snapshot} for a Maven SNAPSHOT, else latest. */
    static DistTag tag(PublishSettings s, ReleaseVersion version, List<ReleaseProblem> problems) {
        DistTag tag;
        String from;
        if (s.choices().tag() != null) {
            tag = new DistTag(s.choices().tag(), DistTag.Origin.TAG_PARAMETER);
            from = "the plugin's tag parameter";
        } else {
            JsonNode configured = s.pkg().manifest().path("publishConfig").path("tag");
            if (configured.isTextual() && !configured.asText().isBlank()) {
                tag = new DistTag(configured.asText().strip(), DistTag.Origin.PUBLISH_CONFIG);
                from = "publishConfig.tag in " + s.pkg().manifestFile();
            } else if (version.snapshot()) {
                return new DistTag(DistTag.SNAPSHOT, DistTag.Origin.SNAPSHOT_DEFAULT);
            } else {
                tag = new DistTag(DistTag.LATEST, DistTag.Origin.DEFAULT_LATEST);
                if (version.prerelease()) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.PRERELEASE_WITHOUT_TAG, new NpmregException(
                            "Version " + version.published() + " (from " + version.origin().description() + ") is a"
                                    + " prerelease, and no dist-tag is set: npm refuses to move 'latest' to a"
                                    + " prerelease.",
                            "set a tag: <tag>next</tag> in the plugin configuration or -Dnpmreg.tag=next (or"
                                    + " publishConfig.tag in package.json).")));
                }
                return tag;
            }
        }
        if (RANGE_LIKE.matcher(tag.name()).matches()) {
            problems.add(new ReleaseProblem(ReleaseProblem.Kind.TAG_INVALID, new NpmregException("The dist-tag '"
                    + tag.name() + "' from " + from + " looks like a version or range; npm refuses such tags because"
                    + " they are ambiguous on install.", "use a word such as next, beta or snapshot.")));
        }
        return tag;
    }

    /** The explicit access, else publishConfig.access; {@code private} means restricted, as in npm. */
    static String access(PublishSettings s, PackageName name, List<ReleaseProblem> problems) {
        String access = s.choices().access();
        String from = "the plugin's access parameter";
        if (access == null) {
            JsonNode configured = s.pkg().manifest().path("publishConfig").path("access");
            access = configured.isTextual() ? configured.asText().strip() : null;
            from = "publishConfig.access in " + s.pkg().manifestFile();
        }
        if (access == null || access.isBlank()) {
            return null;
        }
        access = access.toLowerCase(Locale.ROOT);
        if (access.equals("private")) {
            access = "restricted";
        }
        if (!access.equals("public") && !access.equals("restricted")) {
            problems.add(new ReleaseProblem(ReleaseProblem.Kind.ACCESS_INVALID, new NpmregException("access '"
                    + access + "' from " + from + " is not one npm knows.", "use public or restricted.")));
            return null;
        }
        if (access.equals("restricted") && name.scope().isEmpty()) {
            problems.add(new ReleaseProblem(ReleaseProblem.Kind.ACCESS_INVALID, new NpmregException("access is"
                    + " restricted (from " + from + "), but " + name + " has no scope: only scoped packages can be"
                    + " restricted (npm's EUNSCOPED).",
                    "publish it under a scope (@yourorg/" + name + ") or set access to public.")));
            return null;
        }
        return access;
    }
}
