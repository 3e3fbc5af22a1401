package io.github.npmreg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-test HTTP server that answers as GitLab's npm API does (gitlab-npm-registry.md §1-§4), so publish, verify
 * and the real npm CLI can be tested against GitLab's contract without a GitLab. What it models:
 * <ul>
 *   <li>project routes: {@code PUT /api/v4/projects/:id/packages/npm/:escaped_name} (publish, deprecate),
 *       metadata {@code GET .../*name}, tarball {@code GET .../*name/-/*file}, dist-tags;</li>
 *   <li>group and instance routes: metadata and dist-tags only, no PUT (404); at instance level the scope must be
 *       a top-level namespace;</li>
 *   <li>every {@code dist.tarball} is the project-level URL, whichever route served the metadata;</li>
 *   <li>personal access tokens with scopes ({@code api}, {@code read_api}) and expiry, deploy tokens
 *       ({@code read_package_registry}, {@code write_package_registry}), job tokens bound to one project;</li>
 *   <li>GitLab's status codes and bodies: 401 {@code {"message":"401 Unauthorized"}}, 403
 *       {@code {"message":"403 Forbidden"}}, 404 {@code {"message":"404 Project Not Found"}}, the publish errors
 *       {@code {message, error}} of {@code CreatePackageService}, and for an unknown package on a metadata GET the
 *       302 redirect to the public registry (forwarding on) or 404 {@code {"message":"404 Package Not Found"}};</li>
 *   <li>{@code GET /api/v4/personal_access_tokens/self}; an expired or revoked token is answered as
 *       lib/api/api_guard.rb does: 401 {@code {"error":"invalid_token","error_description":"Token is expired…"}};</li>
 *   <li>the project API {@code GET /api/v4/projects/:id} (namespace, the caller's access level), package
 *       protection rules ({@code GET /api/v4/projects/:id/packages/protection/rules}, enforced on PUT with 403
 *       {@code Package protected.}), and the packages API ({@code GET /api/v4/projects/:id/packages});</li>
 *   <li>optionally GitLab 18.6+'s asynchronous upload path: the PUT answers with a temporary
 *       {@code 0.0.0-<uuid>} package in status processing, and the version appears (or the package turns to
 *       status error with GitLab's message, e.g. a duplicate) only after a delay; GraphQL gives the
 *       {@code statusMessage}.</li>
 * </ul>
 * Every project is private (anonymous reads get 401), a PAT acts as a Maintainer of every project unless given
 * another role, a job token acts as a Developer. Every request is recorded.
 */
public final class GitLabNpmServer implements AutoCloseable {

    /** One request as received, with the status it was answered with. */
    public record Recorded(String method, String rawPath, Map<String, String> headers, byte[] body, int status) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A stored package version: the package.json GitLab keeps and the tarball. */
    public record StoredVersion(int projectId, ObjectNode packageJson, byte[] tarball, String shasum) {}

    private record Project(int id, String path) {
        String root() {
            return path.substring(0, path.indexOf('/'));
        }
    }

    private record PersonalAccessToken(int id, String name, Set<String> scopes, LocalDate expiresAt, boolean revoked) {}

    /** A package protection rule: name pattern ({@code *} wildcards) and the role a push needs. */
    private record ProtectionRule(int id, int projectId, String pattern, String minimumAccessLevelForPush) {}

    /** An upload waiting for (or failed in) background processing. */
    private record TemporaryPackage(int id, int projectId, String name, String version, String tempVersion,
            long dueNanos, String createdAt, byte[] body, Map<String, String> headers, Caller caller) {}

    private record ProcessedPackage(int id, int projectId, String name, String version, String status,
            String statusMessage, String createdAt) {}

    private enum Access { READ, WRITE }

    /** Who is calling: a PAT, a deploy token, a job token (bound to a project), or nobody. */
    private record Caller(String kind, Set<String> scopes, Integer jobProject, PersonalAccessToken pat, int level) {
        static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, null, 0);
        static final Caller EXPIRED = new Caller("expired", Set.of(), null, null, 0);
        static final Caller REVOKED = new Caller("revoked", Set.of(), null, null, 0);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Gitlab::Regex.npm_package_name_regex with Gitlab::PathRegex::NAMESPACE_FORMAT_REGEX (reference §3).
    private static final Pattern NAME = Pattern.compile(
            "(?:@((?:[a-zA-Z0-9_.][a-zA-Z0-9_\\-.]*[a-zA-Z0-9_\\-]|[a-zA-Z0-9_])(?<!\\.git|\\.atom))/)?[-+._a-zA-Z0-9]+");
    // Gitlab::Regex.semver_regex: strict SemVer 2.0.
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final int MAX_PACKAGE_JSON_SIZE = 20_000;
    private static final Set<String> NOT_KEPT = Set.of("readme", "readmeFilename", "licenseText", "contributors",
            "exports");
    // What GenerateMetadataService copies from the stored package.json into a version entry, besides the
    // dependencies, name, version and dist it writes itself.
    private static final List<String> METADATA_FIELDS = List.of("deprecated", "bin", "directories", "engines",
            "_hasShrinkwrap", "hasInstallScript");
    private static final List<String> DEPENDENCY_FIELDS = List.of("dependencies", "devDependencies",
            "bundleDependencies", "peerDependencies", "optionalDependencies");
    private static final Pattern PROJECT_ROUTE = Pattern.compile("/api/v4/projects/([^/]+)/packages/npm/(.*)");
    private static final Pattern GROUP_ROUTE = Pattern.compile("/api/v4/groups/([^/]+)/-/packages/npm/(.*)");
    private static final Pattern INSTANCE_ROUTE = Pattern.compile("/api/v4/packages/npm/(.*)");
    private static final Pattern PROJECT_API = Pattern.compile(
            "/api/v4/projects/([^/]+)(/packages/protection/rules|/packages)?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<Integer, Project> projects = new ConcurrentHashMap<>();
    private final Map<Integer, String> groups = new ConcurrentHashMap<>();
    private final Map<String, PersonalAccessToken> pats = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> deployTokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> jobTokens = new ConcurrentHashMap<>();
    // project id -> package name -> version -> stored version (insertion order = publish order)
    private final Map<Integer, Map<String, Map<String, StoredVersion>>> packages = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Map<String, String>>> distTags = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile boolean forwarding = true;
    private volatile URI forwardTo = URI.create("https://registry.npmjs.org/");

    private volatile boolean metadataCacheLag;
    private final Map<String, Integer> roles = new ConcurrentHashMap<>();
    private final List<ProtectionRule> protectionRules = new CopyOnWriteArrayList<>();
    private volatile java.time.Duration processingDelay;
    private final List<TemporaryPackage> processing = new CopyOnWriteArrayList<>();
    private final List<ProcessedPackage> processed = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger nextPackageId = new java.util.concurrent.atomic.AtomicInteger(100);

    private GitLabNpmServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public static GitLabNpmServer start() {
        return start(0);
    }

    /** Listens on {@code port} of 127.0.0.1 (0: any free one), e.g. a port the build reserved for an invoker IT. */
    public static GitLabNpmServer start(int port) {
        try {
            GitLabNpmServer s = new GitLabNpmServer(port);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- configuration -------------------------------------------------------------------------------------

    /** Adds a project with its full path, e.g. {@code 42, "acme/web/app"}; its groups exist implicitly. */
    public GitLabNpmServer project(int id, String fullPath) {
        if (!fullPath.contains("/")) {
            throw new IllegalArgumentException("a project path has a namespace: " + fullPath);
        }
        projects.put(id, new Project(id, fullPath));
        return this;
    }

    /** Gives the group at {@code fullPath} a numeric id for the group route. */
    public GitLabNpmServer group(int id, String fullPath) {
        groups.put(id, fullPath);
        return this;
    }

    public GitLabNpmServer personalAccessToken(String token, String... scopes) {
        return personalAccessToken(token, LocalDate.of(2099, 1, 1), scopes);
    }

    /** A PAT expiring at the start of {@code expiresAt}; an expired one is answered with 401 like an unknown one. */
    public GitLabNpmServer personalAccessToken(String token, LocalDate expiresAt, String... scopes) {
        pats.put(token, new PersonalAccessToken(pats.size() + 1, "token-" + (pats.size() + 1), Set.of(scopes),
                expiresAt, false));
        return this;
    }

    /** A revoked PAT: every API route answers 401 invalid_token "Token was revoked…". */
    public GitLabNpmServer revokedPersonalAccessToken(String token, String... scopes) {
        pats.put(token, new PersonalAccessToken(pats.size() + 1, "token-" + (pats.size() + 1), Set.of(scopes),
                LocalDate.of(2099, 1, 1), true));
        return this;
    }

    /** The role (GitLab access level: 30 Developer, 40 Maintainer, 50 Owner) of a PAT's user in every project. */
    public GitLabNpmServer role(String token, int accessLevel) {
        roles.put(token, accessLevel);
        return this;
    }

    /**
     * A package protection rule of {@code projectId} (GitLab 17.6+): names matching {@code pattern} ({@code *}
     * wildcards) need {@code minimumAccessLevelForPush} ({@code maintainer}, {@code owner}, {@code admin}) to push;
     * deploy tokens cannot push them at all.
     */
    public GitLabNpmServer protectionRule(int projectId, String pattern, String minimumAccessLevelForPush) {
        protectionRules.add(new ProtectionRule(protectionRules.size() + 1, projectId, pattern,
                minimumAccessLevelForPush));
        return this;
    }

    /**
     * GitLab 18.6+'s asynchronous upload path: a PUT is answered at once with a temporary package, and the version
     * is processed {@code delay} later (validated then: a duplicate turns the package to status error with
     * "Package already exists."). {@code null} turns it off (synchronous, as before 18.6); a very long delay models
     * a package left in processing.
     */
    public GitLabNpmServer asynchronousProcessing(java.time.Duration delay) {
        processingDelay = delay;
        return this;
    }

    public GitLabNpmServer deployToken(String token, String... scopes) {
        deployTokens.put(token, Set.of(scopes));
        return this;
    }

    /** A CI job token of a job in {@code projectId}: it reads and writes that project's packages only. */
    public GitLabNpmServer jobToken(String token, int projectId) {
        jobTokens.put(token, projectId);
        return this;
    }

    /** Whether unknown packages are redirected to the public registry ("Forward npm package requests"). */
    public GitLabNpmServer forwarding(boolean on) {
        forwarding = on;
        return this;
    }

    /**
     * Whether project-level metadata lags behind the stored packages: GitLab serves npm metadata from a cache that
     * a background worker (Packages::Npm::CreateMetadataCacheWorker) rebuilds after a publish, so a packument read
     * can miss a version the upload path already refuses as a duplicate. While on, metadata GETs answer as if the
     * package did not exist.
     */
    public GitLabNpmServer metadataCacheLag(boolean on) {
        metadataCacheLag = on;
        return this;
    }

    /** Where forwarded requests go; {@code https://registry.npmjs.org/} by default. */
    public GitLabNpmServer forwardTo(URI registry) {
        forwardTo = registry;
        return this;
    }

    // ---- addresses and state -------------------------------------------------------------------------------

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public URI projectEndpoint(Object idOrEncodedPath) {
        return baseUrl().resolve("api/v4/projects/" + idOrEncodedPath + "/packages/npm/");
    }

    public URI groupEndpoint(Object idOrEncodedPath) {
        return baseUrl().resolve("api/v4/groups/" + idOrEncodedPath + "/-/packages/npm/");
    }

    public URI instanceEndpoint() {
        return baseUrl().resolve("api/v4/packages/npm/");
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public Optional<StoredVersion> stored(int projectId, String name, String version) {
        return Optional.ofNullable(packages.getOrDefault(projectId, Map.of()).getOrDefault(name, Map.of()).get(version));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- request handling ----------------------------------------------------------------------------------

    private record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply json(int status, Object body) {
            try {
                return new Reply(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Reply message(int status, String message) {
            return json(status, Map.of("message", message));
        }

        /** CreatePackageService errors: {@code render_structured_api_error!({message:, error:})}. */
        static Reply structured(int status, String message) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("message", message);
            body.put("error", message);
            return json(status, body);
        }
    }

    private static final Reply UNAUTHORIZED = Reply.message(401, "401 Unauthorized");
    private static final Reply FORBIDDEN = Reply.message(403, "403 Forbidden");
    private static final Reply PROJECT_NOT_FOUND = Reply.message(404, "404 Project Not Found");
    private static final Reply NOT_FOUND = Reply.json(404, Map.of("error", "404 Not Found"));

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String rawPath = ex.getRequestURI().getRawPath();
        Reply reply;
        try {
            reply = route(ex.getRequestMethod(), rawPath, headers, body);
        } catch (RuntimeException e) {
            reply = Reply.message(500, "500 Internal Server Error: " + e);
        }
        requests.add(new Recorded(ex.getRequestMethod(), rawPath
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                headers, body, reply.status()));
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.body().length == 0) {
            ex.sendResponseHeaders(reply.status(), -1);
        } else {
            ex.sendResponseHeaders(reply.status(), reply.body().length);
            ex.getResponseBody().write(reply.body());
        }
        ex.close();
    }

    private Reply route(String method, String rawPath, Map<String, String> headers, byte[] body) {
        processDue();
        Optional<Caller> caller = authenticate(headers);
        if (caller.isPresent() && (caller.get() == Caller.EXPIRED || caller.get() == Caller.REVOKED)) {
            return invalidToken(caller.get() == Caller.EXPIRED
                    ? "Token is expired. You can either do re-authorization or token refresh."
                    : "Token was revoked. You have to re-authorize from the user.");
        }
        if (rawPath.equals("/api/graphql") && method.equals("POST")) {
            return graphql(caller, body);
        }
        Matcher api;
        if ((api = PROJECT_API.matcher(rawPath)).matches()) {
            return projectApi(method, api.group(1), api.group(2) == null ? "" : api.group(2), caller);
        }
        if (rawPath.equals("/api/v4/personal_access_tokens/self") && method.equals("GET")) {
            return tokenSelf(caller);
        }
        Matcher m;
        if ((m = PROJECT_ROUTE.matcher(rawPath)).matches()) {
            if (caller.isEmpty()) {
                return UNAUTHORIZED;
            }
            Optional<Project> project = findProject(decode(m.group(1)));
            return projectRoute(method, project, m.group(2), caller.get(), headers, body);
        }
        if ((m = GROUP_ROUTE.matcher(rawPath)).matches()) {
            if (caller.isEmpty()) {
                return UNAUTHORIZED;
            }
            String groupPath = findGroup(decode(m.group(1)));
            if (groupPath == null) {
                return Reply.message(404, "404 Group Not Found");
            }
            return namespaceRoute(method, m.group(2), caller.get(), body,
                    p -> p.path().startsWith(groupPath + "/"), "group");
        }
        if ((m = INSTANCE_ROUTE.matcher(rawPath)).matches()) {
            if (caller.isEmpty()) {
                return UNAUTHORIZED;
            }
            return namespaceRoute(method, m.group(1), caller.get(), body, null, "instance");
        }
        return NOT_FOUND;
    }

    /** Empty when a credential was presented but is unknown or expired (GitLab answers those with 401). */
    private Optional<Caller> authenticate(Map<String, String> headers) {
        List<String> presented = new ArrayList<>();
        String authorization = headers.get("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented.add(authorization.substring(7).strip());
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // Deploy tokens and gitlab-ci-token:<job token> come as Basic auth; the password is the token.
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            presented.add(decoded.substring(decoded.indexOf(':') + 1));
        }
        for (String header : List.of("private-token", "job-token", "deploy-token")) {
            if (headers.containsKey(header)) {
                presented.add(headers.get(header).strip());
            }
        }
        if (presented.isEmpty()) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String token = presented.get(0);
        if (jobTokens.containsKey(token)) {
            return Optional.of(new Caller("job", Set.of(), jobTokens.get(token), null, 30));
        }
        PersonalAccessToken pat = pats.get(token);
        if (pat != null) {
            if (pat.revoked()) {
                return Optional.of(Caller.REVOKED);
            }
            return pat.expiresAt().isAfter(LocalDate.now())
                    ? Optional.of(new Caller("pat", pat.scopes(), null, pat, roles.getOrDefault(token, 40)))
                    : Optional.of(Caller.EXPIRED);
        }
        if (deployTokens.containsKey(token)) {
            return Optional.of(new Caller("deploy", deployTokens.get(token), null, null, 0));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code caller} may do {@code access} on {@code project}: null when allowed, else the reply. A job token
     * of another project sees nothing (404, gitlab-org/gitlab#352962); anonymous callers get 401 (all projects are
     * private here); a token without the scope gets 403.
     */
    private Reply authorize(Caller caller, Project project, Access access) {
        switch (caller.kind()) {
            case "anonymous":
                return UNAUTHORIZED;
            case "job":
                return caller.jobProject() == project.id() ? null : PROJECT_NOT_FOUND;
            case "pat":
                if (caller.scopes().contains("api")) {
                    return null;
                }
                // lib/api/api.rb: read_api is accepted for GET and HEAD only.
                return access == Access.READ && caller.scopes().contains("read_api") ? null : FORBIDDEN;
            case "deploy":
                String needed = access == Access.READ ? "read_package_registry" : "write_package_registry";
                return caller.scopes().contains(needed) ? null : FORBIDDEN;
            default:
                throw new IllegalStateException(caller.kind());
        }
    }

    private Reply projectRoute(String method, Optional<Project> project, String rest, Caller caller,
            Map<String, String> headers, byte[] body) {
        if (rest.startsWith("-/package/")) {
            if (project.isEmpty()) {
                return PROJECT_NOT_FOUND;
            }
            return distTags(method, project.get(), rest.substring("-/package/".length()), caller, body);
        }
        if (rest.startsWith("-/npm/v1/security/") && method.equals("POST")) {
            return Reply.json(200, Map.of());
        }
        if (method.equals("PUT")) {
            // NPM_ENDPOINT_REQUIREMENTS: the name is one segment, so only "@scope%2fname" reaches the publish route.
            if (rest.isEmpty() || rest.contains("/")) {
                return NOT_FOUND;
            }
            if (project.isEmpty()) {
                return PROJECT_NOT_FOUND;
            }
            return publish(project.get(), decode(rest), caller, headers, body);
        }
        if (!method.equals("GET")) {
            return NOT_FOUND;
        }
        int dash = rest.indexOf("/-/");
        if (dash > 0) {
            if (project.isEmpty()) {
                return PROJECT_NOT_FOUND;
            }
            Reply denied = authorize(caller, project.get(), Access.READ);
            if (denied != null) {
                return denied;
            }
            return tarball(project.get(), decode(rest.substring(0, dash)), decode(rest.substring(dash + 3)));
        }
        String name = decode(rest);
        Map<String, StoredVersion> versions = project.isEmpty() ? Map.of()
                : packages.getOrDefault(project.get().id(), Map.of()).getOrDefault(name, Map.of());
        // redirect_registry_request: decided before authorization, on whether the package exists at all.
        if (versions.isEmpty() || metadataCacheLag) {
            return packageNotFound(name);
        }
        Reply denied = authorize(caller, project.get(), Access.READ);
        return denied != null ? denied : Reply.json(200, metadata(project.get(), name));
    }

    /** Group and instance routes: metadata and dist-tags; the package's project is the one of its latest version. */
    private Reply namespaceRoute(String method, String rest, Caller caller, byte[] body,
            java.util.function.Predicate<Project> inGroup, String level) {
        boolean distTagRoute = rest.startsWith("-/package/");
        String name;
        if (distTagRoute) {
            String tail = rest.substring("-/package/".length());
            int at = tail.indexOf("/dist-tags");
            if (at < 0) {
                return NOT_FOUND;
            }
            name = decode(tail.substring(0, at));
        } else {
            if (!method.equals("GET")) {
                return NOT_FOUND; // no PUT route at group or instance level: gitlab-org/gitlab#220985
            }
            name = decode(rest);
        }
        java.util.function.Predicate<Project> filter = inGroup;
        if (filter == null) {
            // Instance level: Namespace.top_level.by_path(scope), case-insensitive; no scope, no namespace.
            if (!name.startsWith("@") || !name.contains("/")) {
                return packageNotFound(name);
            }
            String scope = name.substring(1, name.indexOf('/'));
            filter = p -> p.root().equalsIgnoreCase(scope);
        }
        Project owner = null;
        for (Project p : projects.values()) {
            Map<String, StoredVersion> versions = packages.getOrDefault(p.id(), Map.of()).get(name);
            if (filter.test(p) && versions != null && !versions.isEmpty()) {
                owner = owner == null || p.id() > owner.id() ? p : owner;
            }
        }
        if (owner == null) {
            return distTagRoute ? Reply.message(404, "404 Package Not Found") : packageNotFound(name);
        }
        if (distTagRoute) {
            return distTags(method, owner, rest.substring("-/package/".length()), caller, body);
        }
        Reply denied = authorize(caller, owner, Access.READ);
        if (denied != null) {
            // current_user ? forbidden! : unauthorized! (npm_namespace_endpoints.rb)
            return denied;
        }
        return Reply.json(200, metadata(owner, name));
    }

    private Reply packageNotFound(String name) {
        if (forwarding) {
            return new Reply(302, Map.of("Location", forwardTo.resolve(name).toString()), new byte[0]);
        }
        return Reply.message(404, "404 Package Not Found");
    }

    private ObjectNode metadata(Project project, String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        ObjectNode versions = root.putObject("versions");
        packages.get(project.id()).get(name).forEach((version, stored) -> {
            ObjectNode v = versions.putObject(version);
            v.put("name", name);
            v.put("version", version);
            for (String field : DEPENDENCY_FIELDS) {
                if (stored.packageJson().has(field)) {
                    v.set(field, stored.packageJson().get(field));
                }
            }
            for (String field : METADATA_FIELDS) {
                if (stored.packageJson().has(field)) {
                    v.set(field, stored.packageJson().get(field));
                }
            }
            ObjectNode dist = v.putObject("dist");
            JsonNode published = stored.packageJson().path("dist");
            if (published.has("integrity")) {
                dist.set("integrity", published.get("integrity"));
            }
            dist.put("shasum", stored.shasum());
            dist.put("tarball", tarballUrl(project, name, version));
        });
        ObjectNode tags = root.putObject("dist-tags");
        distTags.getOrDefault(project.id(), Map.of()).getOrDefault(name, Map.of()).forEach(tags::put);
        return root;
    }

    /** GenerateMetadataService#tarball_url: always the project-level URL, the name unescaped. */
    private String tarballUrl(Project project, String name, String version) {
        return projectEndpoint(project.id()) + name + "/-/" + name + "-" + version + ".tgz";
    }

    private Reply tarball(Project project, String name, String fileName) {
        Map<String, StoredVersion> versions = packages.getOrDefault(project.id(), Map.of()).getOrDefault(name, Map.of());
        for (Map.Entry<String, StoredVersion> e : versions.entrySet()) {
            if (fileName.equals(name + "-" + e.getKey() + ".tgz")
                    || fileName.equals(name.substring(name.indexOf('/') + 1) + "-" + e.getKey() + ".tgz")) {
                return new Reply(200, Map.of("Content-Type", "application/octet-stream"), e.getValue().tarball());
            }
        }
        return Reply.message(404, "404 Package Not Found");
    }

    private Reply distTags(String method, Project project, String tail, Caller caller, byte[] body) {
        int at = tail.indexOf("/dist-tags");
        if (at < 0) {
            return NOT_FOUND;
        }
        String name = decode(tail.substring(0, at));
        String rest = tail.substring(at + "/dist-tags".length());
        Map<String, StoredVersion> versions = packages.getOrDefault(project.id(), Map.of()).getOrDefault(name, Map.of());
        if (method.equals("GET") && rest.isEmpty()) {
            Reply denied = authorize(caller, project, Access.READ);
            if (denied != null) {
                return denied;
            }
            if (versions.isEmpty()) {
                return Reply.message(404, "404 Package Not Found");
            }
            return Reply.json(200, distTags.getOrDefault(project.id(), Map.of()).getOrDefault(name, Map.of()));
        }
        if (!rest.startsWith("/") || rest.length() < 2 || !(method.equals("PUT") || method.equals("DELETE"))) {
            return NOT_FOUND;
        }
        String tag = decode(rest.substring(1));
        Reply denied = authorize(caller, project, Access.WRITE);
        if (denied != null) {
            return denied;
        }
        if (versions.isEmpty()) {
            return Reply.message(404, "404 Package Not Found");
        }
        Map<String, String> tags = distTags.computeIfAbsent(project.id(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, k -> new ConcurrentHashMap<>());
        if (method.equals("DELETE")) {
            tags.remove(tag);
            return new Reply(204, Map.of(), new byte[0]);
        }
        String version;
        try {
            JsonNode v = JSON.readTree(body);
            version = v != null && v.isTextual() ? v.asText() : new String(body, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            version = new String(body, StandardCharsets.UTF_8).strip();
        }
        if (!versions.containsKey(version)) {
            return Reply.message(404, "404 Package Not Found");
        }
        tags.put(tag, version);
        return new Reply(204, Map.of(), new byte[0]);
    }

    private Reply publish(Project project, String urlName, Caller caller, Map<String, String> headers, byte[] body) {
        if (caller.kind().equals("anonymous")) {
            return UNAUTHORIZED; // authenticate_non_get!
        }
        Reply denied = authorize(caller, project, Access.WRITE);
        if (denied != null) {
            return denied;
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (IOException e) {
            return Reply.structured(400, "Invalid json");
        }
        if (doc == null || !doc.path("versions").isObject()) {
            return Reply.json(400, Map.of("error", "versions is missing"));
        }
        String name = doc.path("name").asText(urlName);
        if ("deprecate".equalsIgnoreCase(headers.get("npm-command"))) {
            return deprecate(project, name, doc);
        }
        if (doc.path("versions").isEmpty()) {
            return Reply.structured(400, "Version is empty.");
        }
        String version = doc.path("versions").fieldNames().next();
        ObjectNode versionData = (ObjectNode) doc.path("versions").path(version);
        JsonNode attachment = doc.path("_attachments").path(name + "-" + version + ".tgz");
        if (attachment.path("data").asText("").isEmpty()) {
            return Reply.structured(400, "Attachment data is empty.");
        }
        if (protectedAgainst(project, name, caller)) {
            return Reply.structured(403, "Package protected.");
        }
        java.time.Duration delay = processingDelay;
        if (delay != null) {
            // CreateTemporaryPackageService: name@0.0.0-<uuid>, status processing; the worker does the rest later.
            int id = nextPackageId.incrementAndGet();
            String temp = "0.0.0-" + java.util.UUID.randomUUID();
            String createdAt = java.time.Instant.now().toString();
            processing.add(new TemporaryPackage(id, project.id(), name, version, temp,
                    System.nanoTime() + delay.toNanos(), createdAt, body, headers, caller));
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("id", id);
            created.put("name", name);
            created.put("version", temp);
            created.put("package_type", "npm");
            created.put("status", "processing");
            return Reply.json(200, created);
        }
        return store(project, name, version, doc, versionData, attachment);
    }

    /** CreatePackageService: the duplicate and model validations, then the stored version and its dist-tag. */
    private Reply store(Project project, String name, String version, JsonNode doc, ObjectNode versionData,
            JsonNode attachment) {
        Map<String, Map<String, StoredVersion>> projectPackages = packages.computeIfAbsent(project.id(),
                k -> new ConcurrentHashMap<>());
        synchronized (projectPackages) {
            if (projectPackages.getOrDefault(name, Map.of()).containsKey(version)) {
                return Reply.structured(403, "Package already exists.");
            }
            ObjectNode packageJson = versionData.deepCopy();
            packageJson.remove(NOT_KEPT);
            JsonNode scripts = packageJson.path("scripts");
            if (scripts.has("preinstall") || scripts.has("install") || scripts.has("postinstall")) {
                packageJson.put("hasInstallScript", true);
            }
            List<String> errors = validate(project, name, version, packageJson);
            if (!errors.isEmpty()) {
                return Reply.structured(400, "Validation failed: " + String.join(", ", errors));
            }
            byte[] tarball = Base64.getDecoder().decode(attachment.path("data").asText());
            // GitLab takes file_sha1 from the publish body's dist.shasum; fall back to hashing for odd clients.
            String shasum = versionData.path("dist").path("shasum").asText(sha1(tarball));
            projectPackages.computeIfAbsent(name, k -> new LinkedHashMap<>())
                    .put(version, new StoredVersion(project.id(), packageJson, tarball, shasum));
            String tag = doc.path("dist-tags").fieldNames().hasNext() ? doc.path("dist-tags").fieldNames().next()
                    : "latest";
            distTags.computeIfAbsent(project.id(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(name, k -> new ConcurrentHashMap<>()).put(tag, version);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("name", name);
        created.put("version", version);
        return Reply.json(200, created);
    }

    /** Runs the background processing of uploads that are due: stored, or turned to status error. */
    private void processDue() {
        long now = System.nanoTime();
        for (TemporaryPackage t : processing) {
            if (t.dueNanos() - now > 0) {
                continue;
            }
            processing.remove(t);
            Reply reply;
            try {
                JsonNode doc = JSON.readTree(t.body());
                ObjectNode versionData = (ObjectNode) doc.path("versions").path(t.version());
                reply = store(projects.get(t.projectId()), t.name(), t.version(), doc, versionData,
                        doc.path("_attachments").path(t.name() + "-" + t.version() + ".tgz"));
            } catch (IOException | RuntimeException e) {
                reply = Reply.message(500, "Unexpected error: " + e.getClass().getSimpleName());
            }
            String message = null;
            if (reply.status() / 100 != 2) {
                try {
                    message = JSON.readTree(reply.body()).path("message").asText("Unexpected error");
                } catch (IOException e) {
                    message = "Unexpected error";
                }
            }
            processed.add(new ProcessedPackage(t.id(), t.projectId(), t.name(),
                    message == null ? t.version() : t.tempVersion(), message == null ? "default" : "error", message,
                    t.createdAt()));
        }
    }

    private boolean protectedAgainst(Project project, String name, Caller caller) {
        for (ProtectionRule rule : protectionRules) {
            if (rule.projectId() != project.id() || !wildcard(rule.pattern()).matcher(name).matches()) {
                continue;
            }
            int needed = switch (rule.minimumAccessLevelForPush()) {
                case "maintainer" -> 40;
                case "owner" -> 50;
                default -> 60;
            };
            if (caller.kind().equals("deploy") || caller.level() < needed) {
                return true;
            }
        }
        return false;
    }

    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static Reply invalidToken(String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "invalid_token");
        body.put("error_description", description);
        try {
            return new Reply(401, Map.of("Content-Type", "application/json", "WWW-Authenticate",
                    "Bearer realm=\"\", error=\"invalid_token\", error_description=\"" + description + "\""),
                    JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The projects API: the project itself, its protection rules, its packages. Job and deploy tokens see none. */
    private Reply projectApi(String method, String idOrPath, String rest, Optional<Caller> caller) {
        if (!method.equals("GET")) {
            return NOT_FOUND;
        }
        if (caller.isEmpty()) {
            return UNAUTHORIZED;
        }
        Optional<Project> found = findProject(decode(idOrPath));
        Caller c = caller.get();
        if (found.isEmpty()) {
            return PROJECT_NOT_FOUND;
        }
        Project project = found.get();
        if (rest.equals("/packages")) {
            if (authorize(c, project, Access.READ) != null) {
                return c.kind().equals("anonymous") ? UNAUTHORIZED : PROJECT_NOT_FOUND;
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (ProcessedPackage p : processed) {
                if (p.projectId() == project.id()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", p.id());
                    entry.put("name", p.name());
                    entry.put("version", p.version());
                    entry.put("package_type", "npm");
                    entry.put("status", p.status());
                    entry.put("created_at", p.createdAt());
                    list.add(entry);
                }
            }
            for (TemporaryPackage t : processing) {
                if (t.projectId() == project.id()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", t.id());
                    entry.put("name", t.name());
                    entry.put("version", t.tempVersion());
                    entry.put("package_type", "npm");
                    entry.put("status", "processing");
                    entry.put("created_at", t.createdAt());
                    list.add(entry);
                }
            }
            return Reply.json(200, list);
        }
        // Only personal (and project/group) access tokens read the projects API; others see nothing.
        if (!c.kind().equals("pat")) {
            return PROJECT_NOT_FOUND;
        }
        if (!c.scopes().contains("api") && !c.scopes().contains("read_api")) {
            return Reply.json(403, Map.of("error", "insufficient_scope", "scope", "api read_api"));
        }
        if (rest.equals("/packages/protection/rules")) {
            if (c.level() < 40) {
                return FORBIDDEN;
            }
            List<Map<String, Object>> rules = new ArrayList<>();
            for (ProtectionRule r : protectionRules) {
                if (r.projectId() == project.id()) {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("id", r.id());
                    rule.put("project_id", r.projectId());
                    rule.put("package_name_pattern", r.pattern());
                    rule.put("package_type", "npm");
                    rule.put("minimum_access_level_for_delete", null);
                    rule.put("minimum_access_level_for_push", r.minimumAccessLevelForPush());
                    rules.add(rule);
                }
            }
            return Reply.json(200, rules);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", project.id());
        json.put("path", project.path().substring(project.path().lastIndexOf('/') + 1));
        json.put("path_with_namespace", project.path());
        Map<String, Object> namespace = new LinkedHashMap<>();
        String ns = project.path().substring(0, project.path().lastIndexOf('/'));
        namespace.put("full_path", ns);
        namespace.put("path", ns.substring(ns.lastIndexOf('/') + 1));
        namespace.put("kind", "group");
        json.put("namespace", namespace);
        json.put("visibility", "private");
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("access_level", c.level());
        access.put("notification_level", 3);
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("project_access", access);
        permissions.put("group_access", null);
        json.put("permissions", permissions);
        return Reply.json(200, json);
    }

    /** Just enough GraphQL for {@code package(id: "gid://gitlab/Packages::Package/N") { status statusMessage }}. */
    private Reply graphql(Optional<Caller> caller, byte[] body) {
        if (caller.isEmpty() || !caller.get().kind().equals("pat")) {
            return UNAUTHORIZED;
        }
        Matcher m = Pattern.compile("Packages::Package/(\\d+)").matcher(new String(body, StandardCharsets.UTF_8));
        Map<String, Object> pkg = null;
        if (m.find()) {
            int id = Integer.parseInt(m.group(1));
            for (ProcessedPackage p : processed) {
                if (p.id() == id) {
                    pkg = new LinkedHashMap<>();
                    pkg.put("status", p.status().toUpperCase(Locale.ROOT));
                    pkg.put("statusMessage", p.statusMessage());
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("package", pkg);
        return Reply.json(200, Map.of("data", data));
    }

    /** Packages::Npm::Package and Metadatum validations (reference §3). */
    private List<String> validate(Project project, String name, String version, ObjectNode packageJson) {
        List<String> errors = new ArrayList<>();
        Matcher nameMatch = NAME.matcher(name);
        if (!nameMatch.matches()) {
            errors.add("Name should be a valid NPM package name: "
                    + "https://github.com/npm/validate-npm-package-name#naming-rules.");
        }
        if (!SEMVER.matcher(version).matches()) {
            errors.add("Version should follow SemVer: https://semver.org");
        }
        // npm_package_already_taken: only for names following the convention (scope = root namespace).
        if (nameMatch.matches() && nameMatch.group(1) != null
                && nameMatch.group(1).equalsIgnoreCase(project.root())) {
            for (Project other : projects.values()) {
                if (other.id() != project.id() && other.root().equalsIgnoreCase(project.root())
                        && packages.getOrDefault(other.id(), Map.of()).getOrDefault(name, Map.of())
                                .containsKey(version)) {
                    errors.add("Package already exists");
                }
            }
        }
        // Metadatum#ensure_package_json_size measures Ruby's Hash#to_s; the compact JSON length is close enough.
        if (packageJson.toString().length() >= MAX_PACKAGE_JSON_SIZE) {
            errors.add("Package json structure is too large");
        }
        return errors;
    }

    private Reply deprecate(Project project, String name, JsonNode doc) {
        Map<String, StoredVersion> versions = packages.getOrDefault(project.id(), Map.of()).getOrDefault(name, Map.of());
        boolean any = false;
        for (Map.Entry<String, StoredVersion> e : versions.entrySet()) {
            JsonNode given = doc.path("versions").path(e.getKey());
            if (given.has("deprecated")) {
                e.getValue().packageJson().set("deprecated", given.get("deprecated"));
                any = true;
            }
        }
        return any ? Reply.json(200, Map.of()) : Reply.json(400, Map.of("message",
                "400 Bad request - \"package versions to deprecate\" not given"));
    }

    private Reply tokenSelf(Optional<Caller> caller) {
        if (caller.isEmpty() || caller.get().pat() == null) {
            return UNAUTHORIZED;
        }
        PersonalAccessToken pat = caller.get().pat();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", pat.id());
        body.put("name", pat.name());
        body.put("revoked", false);
        body.put("created_at", "2026-01-01T00:00:00.000Z");
        body.put("scopes", pat.scopes().stream().sorted().toList());
        body.put("user_id", 1);
        body.put("active", true);
        body.put("expires_at", pat.expiresAt().toString());
        return Reply.json(200, body);
    }

    private Optional<Project> findProject(String idOrPath) {
        if (idOrPath.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(projects.get(Integer.parseInt(idOrPath)));
        }
        return projects.values().stream().filter(p -> p.path().equalsIgnoreCase(idOrPath)).findFirst();
    }

    /** The group's full path, for a numeric id or a path that some project lives under; null when unknown. */
    private String findGroup(String idOrPath) {
        if (idOrPath.chars().allMatch(Character::isDigit)) {
            return groups.get(Integer.parseInt(idOrPath));
        }
        boolean exists = groups.containsValue(idOrPath)
                || projects.values().stream().anyMatch(p -> p.path().startsWith(idOrPath + "/"));
        return exists ? idOrPath : null;
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
