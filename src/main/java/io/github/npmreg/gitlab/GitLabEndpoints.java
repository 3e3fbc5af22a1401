package io.github.npmreg.gitlab;

import io.github.npmreg.NpmregException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's three npm endpoints (gitlab-npm-registry.md §1) for one GitLab instance, and the reverse: which of them a
 * registry URL is. Every URL built here ends in {@code /}, because npm's publish credential lookup takes the nerf dart
 * of the registry URL, and without the trailing slash that drops {@code npm/} and finds no token
 * (npm-pack-and-publish.md §5, GitLab issue 295656).
 */
public final class GitLabEndpoints {

    /** Which GitLab npm endpoint a URL is. */
    public enum Level { PROJECT, GROUP, INSTANCE, NOT_GITLAB }

    /**
     * What {@link #classify(URI)} found.
     *
     * @param level    the endpoint kind
     * @param id       the project or group id as GitLab reads it (decoded: {@code 42} or {@code group/sub/proj}),
     *                 {@code null} for the instance level and for non-GitLab URLs
     * @param endpoint the endpoint root with its trailing slash (anything after {@code packages/npm/} dropped),
     *                 {@code null} for non-GitLab URLs
     * @param api      the instance the URL belongs to, {@code null} for non-GitLab URLs
     */
    public record Classification(Level level, String id, URI endpoint, GitLabEndpoints api) {
        public boolean canPublish() {
            return level == Level.PROJECT;
        }
    }

    // <anything>/api/v4/ then one of the three endpoint shapes. The id is one path segment: GitLab requires a
    // path id to be URL-encoded, so a raw "/" never occurs inside it.
    private static final Pattern ENDPOINT = Pattern.compile(
            "^(?<root>.*?/api/v4/)(?:projects/(?<project>[^/]+)/packages/npm"
                    + "|groups/(?<group>[^/]+)/-/packages/npm|(?<instance>packages/npm))(?:/.*)?$");

    private final URI apiV4;

    private GitLabEndpoints(URI apiV4) {
        this.apiV4 = apiV4;
    }

    /**
     * The instance at {@code baseUrl}: {@code https://gitlab.example.com}, with or without a trailing slash, with a
     * port, or with a relative URL root such as {@code https://host/gitlab}.
     */
    public static GitLabEndpoints fromBaseUrl(String baseUrl) {
        URI base = parseHttpUrl(baseUrl, "GitLab base URL");
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/api/v4") || path.endsWith("/api/v4/")) {
            return fromApiV4Url(baseUrl);
        }
        return new GitLabEndpoints(withPath(base, stripTrailingSlashes(path) + "/api/v4/"));
    }

    /** The instance whose API root is {@code apiV4Url}, as GitLab CI passes it in {@code CI_API_V4_URL}. */
    public static GitLabEndpoints fromApiV4Url(String apiV4Url) {
        URI api = parseHttpUrl(apiV4Url, "GitLab API URL (CI_API_V4_URL)");
        String path = stripTrailingSlashes(api.getRawPath() == null ? "" : api.getRawPath());
        if (!path.endsWith("/api/v4")) {
            throw new NpmregException("The GitLab API URL '" + apiV4Url + "' does not end in /api/v4.",
                    "Pass the API root, e.g. https://gitlab.example.com/api/v4 (GitLab CI sets it as CI_API_V4_URL).");
        }
        return new GitLabEndpoints(withPath(api, path + "/"));
    }

    /** The API root, e.g. {@code https://gitlab.example.com/api/v4/}. */
    public URI apiV4() {
        return apiV4;
    }

    /** {@code .../api/v4/projects/<id or URL-encoded path>/packages/npm/}: the only level that accepts a publish. */
    public URI project(String idOrPath) {
        return apiV4.resolve("projects/" + encodeId(idOrPath, "project") + "/packages/npm/");
    }

    /** {@code .../api/v4/groups/<id or URL-encoded path>/-/packages/npm/}: metadata and dist-tags only. */
    public URI group(String idOrPath) {
        return apiV4.resolve("groups/" + encodeId(idOrPath, "group") + "/-/packages/npm/");
    }

    /** {@code .../api/v4/packages/npm/}: metadata and dist-tags only; the scope must be a top-level namespace. */
    public URI instance() {
        return apiV4.resolve("packages/npm/");
    }

    /** {@code .../api/v4/personal_access_tokens/self}: what a token is (scopes, expiry), for {@code verify}. */
    public URI personalAccessTokenSelf() {
        return apiV4.resolve("personal_access_tokens/self");
    }

    /** Which GitLab npm endpoint {@code registry} is; {@link Level#NOT_GITLAB} when it has none of their shapes. */
    public static Classification classify(URI registry) {
        String path = registry.getRawPath();
        if (registry.getScheme() == null || registry.getRawAuthority() == null || path == null) {
            return new Classification(Level.NOT_GITLAB, null, null, null);
        }
        Matcher m = ENDPOINT.matcher(path);
        if (!m.matches()) {
            return new Classification(Level.NOT_GITLAB, null, null, null);
        }
        GitLabEndpoints api = new GitLabEndpoints(withPath(registry, m.group("root")));
        if (m.group("project") != null) {
            String id = decode(m.group("project"));
            return new Classification(Level.PROJECT, id, api.project(id), api);
        }
        if (m.group("group") != null) {
            String id = decode(m.group("group"));
            return new Classification(Level.GROUP, id, api.group(id), api);
        }
        return new Classification(Level.INSTANCE, null, api.instance(), api);
    }

    /**
     * Refuses a publish to a group- or instance-level URL: GitLab has no PUT route there and answers 404
     * (gitlab-npm-registry.md §1, gitlab-org/gitlab#220985). {@code projectIdOrPath} (e.g. {@code CI_PROJECT_ID})
     * makes the fix an exact URL; {@code null} leaves a placeholder. Non-GitLab and project URLs pass.
     */
    public static void requirePublishable(URI registry, String projectIdOrPath) {
        Classification c = classify(registry);
        if (c.level() != Level.GROUP && c.level() != Level.INSTANCE) {
            return;
        }
        String what = c.level() == Level.GROUP ? "a group-level (group '" + c.id() + "')" : "an instance-level";
        String target = projectIdOrPath == null
                ? c.api().apiV4() + "projects/<project ID>/packages/npm/"
                : c.api().project(projectIdOrPath).toString();
        throw new NpmregException(registry + " is " + what + " GitLab npm URL; GitLab accepts publishes only at the"
                + " project level (there is no PUT route here, so the publish would fail with 404).",
                "publish to the project-level URL " + target + " (installs may keep using " + c.endpoint() + ").");
    }

    /**
     * The {@code .npmrc} credential key for {@code endpoint}: {@code //host[:port]/path/} (npm's nerf dart). For a
     * project endpoint this key covers both the metadata and the tarballs: GitLab writes every {@code dist.tarball}
     * as {@code <project endpoint>@scope/pkg/-/@scope/pkg-1.2.3.tgz} (gitlab-npm-registry.md §1), and npm picks
     * credentials by walking up from the request path to the longest matching key (npm-pack-and-publish.md §5), so
     * the walk from a tarball URL reaches this key. A default port is left out, as npm's {@code new URL()} does; an
     * explicit {@code :443} in the key would never match (lerna/lerna#2873).
     */
    public static String authKey(URI endpoint) {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return "//" + hostAndPort(endpoint) + path;
    }

    /**
     * The key that covers tarballs of every project on this instance, {@code //host/api/v4/projects/}. Needed when
     * installs go through a group or instance endpoint: the metadata comes from there, but the tarball URLs point
     * at the hosting project's endpoint, which the group or instance key does not cover. npm 11.19.1 copes without
     * it (when no key matches a URL on the registry's host it sends the registry's credentials; measured in
     * GitLabNpmServerTest), but yarn does not (yarnpkg/berry#4431), which is why GitLab's old docs recommended it.
     */
    public String allProjectsAuthKey() {
        return authKey(apiV4.resolve("projects/"));
    }

    private static String hostAndPort(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
        return host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /**
     * A project or group id as GitLab's {@code :id} parameter wants it: a number as is, a path URL-encoded
     * ({@code group/sub/proj} becomes {@code group%2Fsub%2Fproj}). An id that is already encoded is decoded first,
     * so it is never encoded twice.
     */
    static String encodeId(String idOrPath, String kind) {
        Objects.requireNonNull(idOrPath, kind + " id");
        String decoded = decode(idOrPath.strip());
        while (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        while (decoded.endsWith("/")) {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        if (decoded.isEmpty()) {
            throw new NpmregException("The GitLab " + kind + " id is empty.",
                    "Set the " + kind + " ID (a number, shown on the " + kind + "'s overview page) or its full path,"
                            + " e.g. my-group/my-" + kind + ".");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** Percent-decoding without {@code URLDecoder}'s "+ is a space" rule, which does not apply to paths. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static URI parseHttpUrl(String url, String what) {
        if (url == null || url.isBlank()) {
            throw new NpmregException("The " + what + " is empty.",
                    "Set it to the address of your GitLab instance, e.g. https://gitlab.example.com.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new NpmregException("The " + what + " '" + url + "' is not a valid URL: " + e.getReason() + ".",
                    "Use the form https://gitlab.example.com[:port][/relative-root].", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
            throw new NpmregException("The " + what + " '" + url + "' is not an http(s) URL with a host.",
                    "Use the form https://gitlab.example.com[:port][/relative-root].");
        }
        return uri;
    }

    private static URI withPath(URI uri, String rawPath) {
        try {
            // The default port is dropped, as npm's new URL() does, so URLs and .npmrc keys built from them agree.
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostAndPort(uri) + rawPath);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a URL from " + uri + " and " + rawPath, e);
        }
    }

    private static String stripTrailingSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitLabEndpoints other && other.apiV4.equals(apiV4);
    }

    @Override
    public int hashCode() {
        return apiV4.hashCode();
    }

    @Override
    public String toString() {
        return "GitLab at " + apiV4;
    }
}
