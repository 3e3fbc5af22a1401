package io.github.npmreg.doctor;

import io.github.npmreg.NpmregException;
import io.github.npmreg.publish.ReleaseProblem;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.doctor.DoctorContext.NpmrcLine;
import io.github.npmreg.gitlab.GitLabEndpoints;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which registry publish will use and why, and the URL shapes that make that registry the wrong one. */
final class RegistryChoiceCheck implements Check {
    @Override
    public String id() {
        return "registry-choice";
    }

    @Override
    public String title() {
        return "Registry";
    }

    @Override
    public Category category() {
        return Category.LOCAL;
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        if (context.registry() == null) {
            return List.of(Finding.skipped(this, "no registry was selected"));
        }
        var inUrl = context.release() == null ? java.util.Optional.<io.github.npmreg.publish.ReleaseProblem>empty()
                : context.release().problem(io.github.npmreg.publish.ReleaseProblem.Kind.REGISTRY_URL_CREDENTIALS);
        if (inUrl.isPresent()) {
            return List.of(Finding.of(FindingKind.REGISTRY_URL_CREDENTIALS, id(), inUrl.get().detail().problem(),
                    inUrl.get().detail().fix()));
        }
        String url = context.registry().url();
        URI uri = Urls.parse(url);
        if (uri == null) {
            return List.of(Finding.of(FindingKind.REGISTRY_URL_INVALID, id(),
                    "registry '" + url + "' (" + context.registry().reason() + ")",
                    "registry=https://<host>/<path>/ in .npmrc, or <registry> in the plugin configuration"));
        }
        List<Finding> findings = new ArrayList<>();
        scopeWithoutRegistryLine(context, uri).ifPresent(findings::add);
        publishConfigOverridden(context).ifPresent(findings::add);
        try {
            GitLabEndpoints.requirePublishable(uri, context.environment().get("CI_PROJECT_ID"));
        } catch (NpmregException e) {
            FindingKind kind = GitLabEndpoints.classify(uri).level() == GitLabEndpoints.Level.GROUP
                    ? FindingKind.GITLAB_GROUP_ENDPOINT_FOR_PUBLISH
                    : FindingKind.GITLAB_INSTANCE_ENDPOINT_FOR_PUBLISH;
            // The release knows more (<gitlab><projectId>): its problem is what publish would say.
            NpmregException said = context.release() == null ? e : context.release().problems().stream()
                    .filter(p -> p.kind() == ReleaseProblem.Kind.GITLAB_GROUP_ENDPOINT
                            || p.kind() == ReleaseProblem.Kind.GITLAB_INSTANCE_ENDPOINT)
                    .map(ReleaseProblem::detail).findFirst().orElse(e);
            findings.add(Finding.of(kind, id(), e.problem(), said.fix()));
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && !(context.credentials() instanceof Credentials.None)
                && !Urls.isLoopback(uri)) {
            findings.add(Finding.of(FindingKind.REGISTRY_HTTP_WITH_CREDENTIALS, id(),
                    url + " with " + context.credentials(), "registry=https" + url.substring("http".length())));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.endsWith("/")) {
            findings.add(Finding.of(FindingKind.REGISTRY_URL_NO_TRAILING_SLASH, id(),
                    url + " (" + context.registry().reason() + "): npm looks credentials up under "
                            + Urls.publishKey(uri) + " instead of " + Urls.publishKey(Urls.withSlash(uri)),
                    "use " + url + "/ wherever the registry is set (" + context.registry().reason() + ")"));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass(this, url + " (" + context.registry().reason() + ")"));
        }
        return findings;
    }

    /**
     * A scoped package whose scope has no registry line while the project clearly uses another registry (other
     * scope lines or auth lines for other hosts): npm goes to npmjs.org, the GitLab troubleshooting entry "npm
     * publish goes to npm's default registry" (gitlab-npm-registry.md §6).
     */
    private Optional<Finding> scopeWithoutRegistryLine(DoctorContext context, URI registry) {
        String name = context.packageName();
        if (name == null || !name.startsWith("@") || !name.contains("/") || !Urls.isNpmjs(registry)) {
            return Optional.empty();
        }
        String scope = name.substring(0, name.indexOf('/'));
        if (scopeLine(context, scope).isPresent() || publishConfigText(context, scope + ":registry") != null) {
            return Optional.empty();
        }
        for (NpmrcLine line : context.npmrc()) {
            String hint = null;
            if (line.key().startsWith("@") && line.key().endsWith(":registry")) {
                hint = line.value();
            } else if (line.key().startsWith("//") && line.key().contains("/:")
                    && !line.key().startsWith("//" + Urls.NPMJS_HOST + "/")) {
                hint = "https:" + line.key().substring(0, line.key().lastIndexOf("/:") + 1);
            }
            if (hint != null) {
                return Optional.of(Finding.of(FindingKind.SCOPE_REGISTRY_MISSING, id(),
                        "\"name\": \"" + name + "\" but no " + scope + ":registry line; " + line.where() + " has "
                                + line.key() + ", so publish would go to https://" + Urls.NPMJS_HOST + "/",
                        "add to .npmrc: " + scope + ":registry=" + hint));
            }
        }
        return Optional.empty();
    }

    /** npm's pickRegistry: an {@code @scope:registry} line beats {@code publishConfig.registry}. */
    private Optional<Finding> publishConfigOverridden(DoctorContext context) {
        String name = context.packageName();
        String configured = publishConfigText(context, "registry");
        if (name == null || configured == null || !name.startsWith("@") || !name.contains("/")) {
            return Optional.empty();
        }
        String scope = name.substring(0, name.indexOf('/'));
        Optional<NpmrcLine> line = scopeLine(context, scope);
        if (line.isEmpty() || stripSlash(line.get().value()).equals(stripSlash(configured))) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FindingKind.PUBLISH_CONFIG_REGISTRY_OVERRIDDEN, id(),
                "package.json publishConfig.registry is " + configured + " but " + line.get().where() + " sets "
                        + line.get().key() + "=" + line.get().value() + ", which wins",
                "in " + line.get().where() + " write " + scope + ":registry=" + configured
                        + " (or remove publishConfig.registry from package.json)"));
    }

    private static Optional<NpmrcLine> scopeLine(DoctorContext context, String scope) {
        return context.npmrc().stream().filter(l -> l.key().equals(scope + ":registry")).findFirst();
    }

    private static String publishConfigText(DoctorContext context, String key) {
        return context.manifest() == null ? null : DoctorContext.text(context.manifest().get("publishConfig"), key);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
