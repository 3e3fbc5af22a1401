package io.github.npmreg.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npmrc.NpmConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which registry a package is published to, in npm's precedence (npm/cli lib/commands/publish.js flattens
 * {@code publishConfig} over the config, then npm-registry-fetch's {@code pickRegistry} prefers the scope's
 * registry over {@code registry}):
 * <ol>
 *   <li>the plugin's explicit {@code registry} parameter (unlike npm's {@code --registry}, which still loses to
 *       an {@code @scope:registry} line: an explicit plugin setting that is silently ignored would surprise);</li>
 *   <li>{@code publishConfig["@scope:registry"]};</li>
 *   <li>{@code @scope:registry} in the npm config (environment, project {@code .npmrc}, user {@code .npmrc}),
 *       which <em>beats {@code publishConfig.registry}</em>, npm's well-known gotcha; for an unscoped package the
 *       {@code scope} config names the scope, as in {@code pickRegistry};</li>
 *   <li>{@code publishConfig.registry};</li>
 *   <li>{@code registry} in the npm config;</li>
 *   <li>npm's default {@code https://registry.npmjs.org/}.</li>
 * </ol>
 * The result always ends in {@code /} (see {@link SelectedRegistry#trailingSlashAdded()}).
 */
public final class RegistrySelection {
    public static final String NPM_DEFAULT = "https://registry.npmjs.org/";

    private RegistrySelection() {}

    /** A registry URL with user-info: refused as npm refuses it, never used nor copied. */
    public static final class CredentialsInUrl extends NpmregException {
        CredentialsInUrl(String problem, String fix) {
            super(problem, fix);
        }
    }

    /**
     * @param explicitRegistry the plugin parameter, or {@code null}
     * @param name             the package name
     * @param manifest         the package.json content (its {@code publishConfig} is read)
     * @param packageJson      the package.json path, for the reason text
     * @param npmConfig        the npm config layers, highest first (environment, project .npmrc, user .npmrc)
     */
    public static SelectedRegistry select(String explicitRegistry, PackageName name, ObjectNode manifest,
            Path packageJson, NpmConfig npmConfig) {
        if (explicitRegistry != null && !explicitRegistry.isBlank()) {
            return normalise(explicitRegistry, RegistryOrigin.PLUGIN_PARAMETER, null);
        }
        JsonNode publishConfig = manifest.path("publishConfig");
        String pkg = packageJson.toAbsolutePath().toString();
        Optional<String> scope = name.scope();
        if (scope.isEmpty()) {
            scope = npmConfig.get("scope").map(l -> l.value().replaceFirst("^@?", "@").toLowerCase(Locale.ROOT));
        }
        if (scope.isPresent()) {
            String key = scope.get() + ":registry";
            String fromPublishConfig = text(publishConfig.get(key));
            if (fromPublishConfig != null) {
                return normalise(fromPublishConfig, RegistryOrigin.PUBLISH_CONFIG_SCOPE,
                        "publishConfig[\"" + key + "\"] in " + pkg);
            }
            Optional<NpmConfig.Located> line = npmConfig.get(key).filter(l -> !l.value().isBlank());
            if (line.isPresent()) {
                String reason = ".npmrc line " + key + " in " + line.get().from().file().map(Path::toString)
                        .orElse("the environment");
                if (text(publishConfig.get("registry")) != null) {
                    reason += " (it overrides publishConfig.registry in " + pkg + ", as in npm)";
                }
                return normalise(line.get().value(), RegistryOrigin.NPMRC_SCOPE, reason);
            }
        }
        String registry = text(publishConfig.get("registry"));
        if (registry != null) {
            return normalise(registry, RegistryOrigin.PUBLISH_CONFIG_REGISTRY, "publishConfig.registry in " + pkg);
        }
        Optional<NpmConfig.Located> line = npmConfig.get("registry").filter(l -> !l.value().isBlank());
        if (line.isPresent()) {
            return normalise(line.get().value(), RegistryOrigin.NPMRC_REGISTRY, ".npmrc line registry in "
                    + line.get().from().file().map(Path::toString).orElse("the environment"));
        }
        return new SelectedRegistry(URI.create(NPM_DEFAULT), RegistryOrigin.NPM_DEFAULT, null, false);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue().strip() : null;
    }

    /** {@code url} as the registry from {@code origin}: checked as npm would use it, with its trailing slash. */
    public static SelectedRegistry normalise(String url, RegistryOrigin origin, String where) {
        String reason = where == null ? origin.description() : where;
        String shown = io.github.npmreg.auth.Redaction.maskUserInfo(url);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new NpmregException("The registry URL '" + shown + "' from " + reason + " is not a valid URL: "
                    + io.github.npmreg.auth.Redaction.maskUserInfo(e.getReason()) + " at index " + e.getIndex(),
                    "Write it as https://host/path/ there.");
        }
        if (uri.getRawUserInfo() != null) {
            // npm 11 refuses such a URL too: "ENEEDAUTH This command requires you to be logged in to http://user:***@…".
            // Credentials inside a URL would be copied into publishConfig, the staged package.json and the tarball.
            throw new CredentialsInUrl("The registry URL '" + shown + "' from " + reason + " holds credentials"
                    + " (user:password@ before the host); npm refuses such a URL (ENEEDAUTH), and the plugin never"
                    + " copies a password into publishConfig, package.json or the tarball.",
                    "remove the 'user:password@' part there and put the credentials where they belong: a settings.xml"
                            + " <server> (the plugin's serverId, 'npm' by default) with <username>/<password> or a"
                            + " token in <password>, or an .npmrc auth line such as //" + uri.getRawAuthority()
                            .substring(uri.getRawAuthority().indexOf('@') + 1) + (uri.getRawPath() == null ? "/"
                            : uri.getRawPath().endsWith("/") ? uri.getRawPath() : uri.getRawPath() + "/")
                            + ":_authToken=${NPM_TOKEN}.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new NpmregException("The registry URL '" + shown + "' from " + reason
                    + " is not an absolute http(s) URL", "Write it as https://host/path/ there.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // The query is not shown: tokens are put there.
            shown = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() != null ? "?…" : "#…");
            throw new NpmregException("The registry URL '" + shown + "' from " + reason
                    + " has a query or fragment, which npm would mangle", "Remove the part after '?' or '#'.");
        }
        String text = uri.toString();
        boolean added = !text.endsWith("/");
        return new SelectedRegistry(URI.create(added ? text + "/" : text), origin, where, added);
    }
}
