package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.manifest.PackageName;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.npmreg.publish.Release;
import org.semver4j.Semver;

/**
 * What the registry already holds for this package, from one metadata GET (the packument): the version is taken,
 * the dist-tag would move backwards, or GitLab forwarded the request to npmjs instead of answering
 * (gitlab-npm-registry.md §4).
 */
final class PublishingStateCheck implements Check {
    @Override
    public String id() {
        return "publishing-state";
    }

    @Override
    public String title() {
        return "Published versions";
    }

    @Override
    public Category category() {
        return Category.READ_ONLY_AUTH;
    }

    @Override
    public java.util.Set<Premise> needs() {
        return java.util.Set.of(Premise.REGISTRY, Premise.CREDENTIALS, Premise.NETWORK, Premise.AUTHENTICATION);
    }

    /** The packument. */
    @Override
    public List<URI> reads(DoctorContext context) {
        URI metadata = metadata(context);
        return metadata == null ? List.of() : List.of(metadata);
    }

    /** The packument's URL, {@code null} without a registry or a package name and version. */
    private static URI metadata(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        String name = context.packageName();
        if (registry == null || name == null || context.packageVersion() == null) {
            return null;
        }
        return Urls.withSlash(registry).resolve(new PackageName(name).escapedName());
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        String name = context.packageName();
        String version = context.packageVersion();
        URI metadata = metadata(context);
        if (metadata == null) {
            return List.of(Finding.skipped(this, "needs a registry URL and a package name and version"));
        }
        Network.Answer answer;
        try {
            answer = context.network().get(metadata, context.credentials().authorizationHeader());
        } catch (IOException e) {
            return List.of(Finding.skipped(this, "GET " + metadata + " failed (see Network): " + e));
        }
        GitLabEndpoints.Level level = GitLabEndpoints.classify(registry).level();
        boolean gitlab = level != GitLabEndpoints.Level.NOT_GITLAB;
        String evidence = "GET " + metadata + " answered " + answer.status() + AuthenticationCheck.body(answer);
        int status = answer.status();
        if (level == GitLabEndpoints.Level.PROJECT && (status / 100 == 3 || status == 404)) {
            // GitLab answers a metadata GET for a missing project exactly as for a missing package (redirect or
            // 404, gitlab-npm-registry.md §4); its dist-tags route tells the two apart.
            Optional<Finding> missingProject = missingProject(context, registry, name);
            if (missingProject.isPresent()) {
                return List.of(missingProject.get());
            }
        }
        if (status / 100 == 3) {
            String location = answer.header("Location");
            return List.of(Finding.of(FindingKind.GITLAB_METADATA_REDIRECTED, id(),
                    "GET " + metadata + " answered " + status + " redirecting to " + location,
                    "if " + name + " was published before, check the project id in " + registry
                            + " and the scope of \"name\"; otherwise this is the first publish"));
        }
        if (status == 401 && context.credentials() instanceof io.github.npmreg.auth.Credentials.None) {
            // Nothing was sent, so nothing was rejected: the registry only does not serve anonymous reads.
            return List.of(Finding.skipped(this, "GET " + metadata + " answered 401 to a request without credentials"
                    + " (the registry does not serve this package anonymously)"));
        }
        if (status == 401) {
            return List.of(RegistryAnswers.finding(FindingKind.TOKEN_REJECTED, id(), metadata, answer,
                    context.credentials()));
        }
        if (status == 403) {
            return List.of(RegistryAnswers.finding(FindingKind.ACCESS_FORBIDDEN, id(), metadata, answer,
                    context.credentials()));
        }
        if (status == 404) {
            return List.of(Finding.pass(this, name + " is not on " + registry + " yet: this is its first publish"));
        }
        if (status != 200) {
            return List.of(Finding.skipped(this, evidence));
        }
        if (!io.github.npmreg.registry.NonRegistryAnswer.isJsonObject(answer.body())) {
            return List.of(AuthenticationCheck.notRegistry(id(), metadata, answer));
        }
        return packument(context, name, version, Json.parse(answer.body()), registry);
    }

    private Optional<Finding> missingProject(DoctorContext context, URI registry, String name) {
        URI distTags = Urls.withSlash(registry).resolve("-/package/" + new PackageName(name).escapedName()
                + "/dist-tags");
        try {
            Network.Answer answer = context.network().get(distTags, context.credentials().authorizationHeader());
            if (answer.status() == 404 && answer.body() != null && answer.body().contains("Project Not Found")) {
                return Optional.of(RegistryAnswers.finding(FindingKind.GITLAB_PROJECT_NOT_FOUND, id(), distTags,
                        answer, context.credentials()));
            }
        } catch (IOException e) {
            // The metadata answer is reported as it is.
        }
        return Optional.empty();
    }

    private List<Finding> packument(DoctorContext context, String name, String version, JsonNode packument,
            URI registry) {
        List<Finding> findings = new ArrayList<>();
        if (packument.path("versions").has(version)) {
            // The root cause whatever the tags say: the dist-tag order only matters for a version that is new.
            Release release = context.release();
            if (release != null && release.skipExisting()) {
                return List.of(Finding.pass(this, name + "@" + version + " is already on " + registry
                        + "; publish skips it (npmreg.skipExisting)"));
            }
            Semver parsed = Semver.parse(version);
            String next = parsed == null ? "<next version>" : parsed.withIncPatch().getVersion();
            String where = release == null ? "set \"version\": \"" + next + "\" in package.json"
                    : release.version().origin().changeTo(next, release.manifestFile());
            findings.add(Finding.of(FindingKind.VERSION_EXISTS, id(),
                    name + "@" + version + " is already on " + registry + " (dist-tags "
                            + packument.path("dist-tags") + ")",
                    where + " (or the next version you mean), or set npmreg.skipExisting=true to skip versions that"
                            + " exist"));
            return findings;
        }
        String tag = context.effectiveTag();
        String tagged = Json.text(packument.path("dist-tags"), tag);
        Semver current = tagged == null ? null : Semver.parse(tagged);
        Semver mine = Semver.parse(version);
        // npm refuses only an implicit tag ("Cannot implicitly apply the \"latest\" tag because previously published
        // version ... is higher"); a tag the user names (<tag>, -Dnpmreg.tag) moves back as asked.
        boolean named = context.release() != null
                && context.release().tag().origin() == io.github.npmreg.publish.DistTag.Origin.TAG_PARAMETER;
        if (current != null && mine != null && mine.isLowerThan(current) && named) {
            findings.add(Finding.pass(this, name + "@" + version + " is new on " + registry + "; '" + tag
                    + "' moves back from " + tagged + " as the tag parameter asks"));
            return findings;
        }
        if (current != null && mine != null && mine.isLowerThan(current)) {
            findings.add(Finding.of(FindingKind.DIST_TAG_BACKWARDS, id(),
                    "dist-tag '" + tag + "' points at " + tagged + "; publishing " + version + " would move it back",
                    "publish under another tag: <tag>latest-" + mine.getMajor() + "</tag> (or -Dnpmreg.tag=latest-"
                            + mine.getMajor() + "); npm refuses tags that read as version ranges, such as 1.x"));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass(this, name + "@" + version + " is new on " + registry
                    + (tagged == null ? "" : "; '" + tag + "' moves from " + tagged)));
        }
        return findings;
    }
}
