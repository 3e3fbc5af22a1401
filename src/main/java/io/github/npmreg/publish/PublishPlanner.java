package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.CredentialRequest;
import io.github.npmreg.auth.CredentialResolver;
import io.github.npmreg.auth.CredentialSource;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.RegistrySelection;
import io.github.npmreg.auth.Resolution;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.gitlab.GitLabCi;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.manifest.NpmVersion;
import io.github.npmreg.manifest.PackageName;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what a publish will do, without sending anything: npm's registry precedence (plus GitLab CI's project
 * registry when nothing is configured), credentials in the documented order, and npm's tag and access rules.
 */
public final class PublishPlanner {
    // npm refuses tags that are semver ranges ("Tag name must not be a valid SemVer range").
    private static final Pattern RANGE_LIKE = Pattern.compile("^[v=^~<>]*\\s*\\d+(\\.[\\dxX*]+){0,2}.*$");

    private PublishPlanner() {}

    public static PublishPlan plan(PublishSettings s) {
        PackageName name = PackageName.parse(s.manifest().path("name").asText());
        String version = s.manifest().path("version").asText();
        GitLabCi ci = GitLabCi.from(s.env());
        boolean trustedPublishing = OidcExchange.applies(s.env(), s.oidc());
        List<String> notes = new ArrayList<>();

        SelectedRegistry registry = registry(s);
        GitLabEndpoints.requirePublishable(registry.url(), ci.projectId().orElse(null));
        if (registry.trailingSlashAdded()) {
            notes.add("The registry URL from " + registry.reason() + " had no trailing '/'; using " + registry.url()
                    + ". npm needs the slash to find the matching .npmrc auth line.");
        }

        String tag = tag(s, version);
        String access = access(s, name);

        Resolution resolution = credentials(s, registry.url());
        notes.addAll(resolution.notes());
        Credentials credentials = resolution.credentials();
        boolean exchange = trustedPublishing && credentials instanceof Credentials.None;
        if (credentials.authorizationHeader() != null && isPlainHttpToRemote(registry.url())) {
            notes.add("Credentials are sent over plain http:// to " + registry.url().getHost()
                    + "; anyone on the network path can read them. Use https://.");
        }
        if (ci.detected()) {
            name.scope().map(ci::scopeWarning).ifPresent(w -> {
                if (w != null) {
                    notes.add(w);
                }
            });
        }
        return new PublishPlan(name, version, registry, credentials, tag, access, exchange, notes);
    }

    /**
     * The registry a publish goes to, and why: npm's precedence (explicit, publishConfig, .npmrc), then GitLab CI's
     * project registry when nothing is configured and trusted publishing to npmjs is not in use, then npm's default.
     */
    public static SelectedRegistry registry(PublishSettings s) {
        PackageName name = PackageName.parse(s.manifest().path("name").asText());
        SelectedRegistry registry = RegistrySelection.select(s.registry(), name, s.manifest(),
                s.packageDirectory().resolve("package.json"), s.npmConfig());
        GitLabCi ci = GitLabCi.from(s.env());
        if (isNpmDefault(registry) && ci.detected() && !OidcExchange.applies(s.env(), s.oidc())
                && ci.apiV4Url().isPresent() && ci.projectId().isPresent()) {
            registry = new SelectedRegistry(ci.defaultPublishRegistry(),
                    "GitLab CI project registry (CI_API_V4_URL + CI_PROJECT_ID; nothing else configured)", false);
        }
        return registry;
    }

    /** True when nothing chose a registry and npm's public default applies. */
    public static boolean isNpmDefault(SelectedRegistry registry) {
        return registry.url().toString().equals(RegistrySelection.NPM_DEFAULT) && registry.reason().startsWith("npm's default");
    }

    /**
     * The credentials for {@code registry}, first found wins: the settings.xml server, the .npmrc auth line, NPM_TOKEN,
     * NODE_AUTH_TOKEN, then GitLab CI's job token when the registry is the job's own GitLab.
     */
    public static Resolution credentials(PublishSettings s, URI registry) {
        return resolver(GitLabCi.from(s.env()), registry).explain(
                new CredentialRequest(registry, s.server(), s.npmConfig(), s.env()));
    }

    // Job tokens authenticate only against the GitLab instance that runs the job.
    private static CredentialResolver resolver(GitLabCi ci, URI registry) {
        List<CredentialSource> sources = new ArrayList<>(CredentialResolver.standardSources());
        if (ci.detected() && ci.hasJobToken() && sameGitLab(ci, registry)) {
            sources.add(request -> Optional.of(Resolution.of(ci.jobToken())));
        }
        return new CredentialResolver(sources);
    }

    private static boolean sameGitLab(GitLabCi ci, URI registry) {
        return ci.apiV4Url().map(URI::create)
                .map(api -> api.getHost() != null && api.getHost().equalsIgnoreCase(registry.getHost())
                        && api.getPort() == registry.getPort())
                .orElse(false);
    }

    static boolean isPlainHttpToRemote(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            return false;
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /** The explicit tag, else publishConfig.tag, else latest; npm's refusal of a prerelease without a tag. */
    static String tag(PublishSettings s, String version) {
        String tag = s.tag();
        String from = "the plugin's tag parameter";
        if (tag == null || tag.isBlank()) {
            JsonNode configured = s.manifest().path("publishConfig").path("tag");
            tag = configured.isTextual() && !configured.asText().isBlank() ? configured.asText().strip() : null;
            from = "publishConfig.tag in " + s.manifestFile();
        }
        if (tag == null) {
            if (NpmVersion.clean(version).map(v -> v.contains("-")).orElse(false)) {
                throw new NpmregException("Version " + version + " in " + s.manifestFile() + " is a prerelease, and no"
                        + " dist-tag is set: npm refuses to move 'latest' to a prerelease.",
                        "set a tag: <tag>next</tag> in the plugin configuration or -Dnpmreg.tag=next (or"
                                + " publishConfig.tag in package.json).");
            }
            return "latest";
        }
        if (RANGE_LIKE.matcher(tag).matches()) {
            throw new NpmregException("The dist-tag '" + tag + "' from " + from + " looks like a version or range;"
                    + " npm refuses such tags because they are ambiguous on install.",
                    "use a word such as next, beta or snapshot.");
        }
        return tag;
    }

    /** The explicit access, else publishConfig.access; {@code private} means restricted, as in npm. */
    static String access(PublishSettings s, PackageName name) {
        String access = s.access();
        String from = "the plugin's access parameter";
        if (access == null || access.isBlank()) {
            JsonNode configured = s.manifest().path("publishConfig").path("access");
            access = configured.isTextual() ? configured.asText().strip() : null;
            from = "publishConfig.access in " + s.manifestFile();
        }
        if (access == null || access.isBlank()) {
            return null;
        }
        access = access.toLowerCase(Locale.ROOT);
        if (access.equals("private")) {
            access = "restricted";
        }
        if (!access.equals("public") && !access.equals("restricted")) {
            throw new NpmregException("access '" + access + "' from " + from + " is not one npm knows.",
                    "use public or restricted.");
        }
        if (access.equals("restricted") && name.scope().isEmpty()) {
            throw new NpmregException("access is restricted (from " + from + "), but " + name
                    + " has no scope: only scoped packages can be restricted (npm's EUNSCOPED).",
                    "publish it under a scope (@yourorg/" + name + ") or set access to public.");
        }
        return access;
    }
}
