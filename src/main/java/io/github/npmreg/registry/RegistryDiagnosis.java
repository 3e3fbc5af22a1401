package io.github.npmreg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a registry's error answer into cause, evidence and fix. One place for every registry, so {@code publish}
 * and the doctor say the same. Sources: npm-registry-fetch's check-response (codes), Verdaccio's, npmjs's and
 * GitLab's bodies (npm-pack-and-publish.md section 4, gitlab-npm-registry.md sections 1-3).
 */
public final class RegistryDiagnosis {
    private static final Pattern GITLAB_GROUP_OR_INSTANCE =
            Pattern.compile("/api/v4/(groups/[^?#]+?/-/packages/npm|packages/npm)(/|$)");
    private static final Pattern GITLAB_PROJECT = Pattern.compile("/api/v4/projects/([^/]+)/packages/npm(/|$)");
    private static final int MAX_MESSAGE = 300;

    private RegistryDiagnosis() {}

    /** {@link #explain(String, URI, int, Map, String, String, long)} without credential or upload details. */
    public static RegistryException explain(String method, URI url, int status, Map<String, String> headers,
            String body) {
        return explain(method, url, status, headers, body, null, -1);
    }

    /**
     * @param headers response headers, names in lower case
     * @param body the response body (may be empty or HTML)
     * @param credentials how the request authenticated, as {@code Credentials.toString()} shows it (never the secret),
     *     or {@code null} when unknown
     * @param uploadBytes the size of the tarball being published, or -1 when not an upload
     */
    public static RegistryException explain(String method, URI url, int status, Map<String, String> headers,
            String body, String credentials, long uploadBytes) {
        String message = registryMessage(body);
        String wwwAuthRaw = headers.getOrDefault("www-authenticate", "");
        // GitLab puts the reason of a 401 (expired, revoked) in the body and in WWW-Authenticate.
        String lower = (message + " " + wwwAuthRaw).toLowerCase(Locale.ROOT);
        String wwwAuth = wwwAuthRaw.toLowerCase(Locale.ROOT);
        String evidence = method + " " + url + " answered " + status
                + (message.isEmpty() ? "" : ": \"" + message + "\"");
        String sent = credentials == null ? "" : " (sent: " + credentials + ")";
        String path = url.getPath() == null ? "" : url.getPath();
        boolean gitlab = path.contains("/api/v4/");

        if (status == 401 && (wwwAuth.contains("otp") || lower.contains("one-time pass"))) {
            return new RegistryException(status, "EOTP", "The registry requires a one-time password (2FA) for this"
                    + " request. " + evidence, "pass the current code from your authenticator: -Dnpmreg.otp=<code>,"
                    + " or use an automation/granular token that bypasses 2FA for CI");
        }
        if (status == 401 && wwwAuth.contains("ipaddress")) {
            return new RegistryException(status, "EAUTHIP", "The token is not allowed from this IP address. "
                    + evidence, "add this machine's address to the token's allowed CIDR ranges, or use another token");
        }
        switch (status) {
            case 401 -> {
                if (lower.contains("invalid_token") || lower.contains("expired") || lower.contains("revoked")) {
                    String what = lower.contains("expired") ? "has expired" : lower.contains("revoked")
                            ? "was revoked" : "is not valid";
                    return new RegistryException(status, "E401", "The token " + what + sent + ". " + evidence,
                            "create a new token (GitLab: personal/project/group access token with scope 'api', or a"
                                    + " deploy token with write_package_registry) and put it in the server's password"
                                    + " in settings.xml or the _authToken line of .npmrc");
                }
                return new RegistryException(status, "E401", "The registry did not accept the credentials"
                        + (credentials == null ? "" : sent) + ": they are missing, wrong, or for another registry"
                        + " URL. " + evidence, "configure a token for " + registryPrefix(url)
                        + " (a settings.xml <server> named by npmreg.serverId, or an .npmrc line"
                        + " //host/path/:_authToken=...) and check it has not expired");
            }
            case 402 -> {
                return new RegistryException(status, "E402", "The registry treats this scoped package as private"
                        + " and private packages need a paid plan. " + evidence,
                        "publish it as public: set <access>public</access> (-Dnpmreg.access=public) or"
                                + " \"publishConfig\": {\"access\": \"public\"} in package.json");
            }
            case 403 -> {
                return forbidden(status, evidence, lower, sent, gitlab);
            }
            case 404 -> {
                Matcher wrongLevel = GITLAB_GROUP_OR_INSTANCE.matcher(path);
                if (wrongLevel.find() && !"GET".equals(method)) {
                    return new RegistryException(status, "E404", "GitLab has no publish endpoint at the "
                            + (wrongLevel.group(1).startsWith("groups") ? "group" : "instance") + " level: "
                            + registryPrefix(url) + " is for installing only. " + evidence,
                            "publish to the project endpoint https://<host>/api/v4/projects/<project id>/packages/npm/"
                                    + " (in CI: ${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/npm/)");
                }
                if (GITLAB_PROJECT.matcher(path).find()) {
                    return new RegistryException(status, "E404", "GitLab answered 404 for the project registry "
                            + registryPrefix(url) + ": the project id is wrong, or the project is not visible to"
                            + " these credentials" + sent + " (GitLab hides projects you cannot see). " + evidence,
                            "check the project id in the registry URL (Settings > General shows it) and that the token's"
                                    + " user, deploy token or CI job token has access to that project");
                }
                return new RegistryException(status, "E404", "Not found at " + url + ": wrong registry URL, or the"
                        + " package is not visible to these credentials" + sent + ". " + evidence,
                        "check the registry URL (it must be the npm registry's base URL and end with '/')");
            }
            case 409 -> {
                return new VersionExistsRefusal(status, "E409", "This version is already in the registry. " + evidence,
                        "bump the version in package.json, or set npmreg.skipExisting=true to skip versions that"
                                + " exist");
            }
            case 413 -> {
                String size = uploadBytes >= 0 ? " The tarball is " + uploadBytes + " bytes (" + mb(uploadBytes)
                        + "); the publish body carries it base64-encoded, about " + mb(uploadBytes * 4 / 3) + "."
                        : "";
                return new RegistryException(status, "E413", "The request is larger than the registry (or a proxy in"
                        + " front of it) accepts." + size + " " + evidence, "make the package smaller (check the"
                        + " 'files' field and .npmignore with the pack report), or raise the limit: GitLab's"
                        + " npm_max_file_size, Verdaccio's max_body_size, nginx's client_max_body_size");
            }
            case 400 -> {
                return badRequest(status, evidence, lower, message);
            }
            default -> {
                if (status >= 300 && status < 400) {
                    return new RegistryException(status, "E" + status, "The registry redirected the request to "
                            + headers.getOrDefault("location", "(no Location header)") + "; credentials are not"
                            + " forwarded across redirects. " + evidence, "use the final registry URL directly"
                            + " (often https instead of http, or a missing path such as /api/v4/projects/<id>/packages/npm/)");
                }
                if (status >= 500) {
                    String gitlabHint = gitlab && "PUT".equals(method) ? " On GitLab a 500 on publish is often a"
                            + " storage permission problem of the instance (packages storage path or object storage"
                            + " bucket); ask its administrator." : "";
                    return new RegistryException(status, "E" + status, "The registry failed with a server error."
                            + gitlabHint + " " + evidence, "try again later; if it persists, report it to the"
                            + " registry's operators with the time of the request");
                }
                return new RegistryException(status, "E" + status, "The registry refused the request. " + evidence,
                        "check the registry URL, the credentials and the package against the registry's message");
            }
        }
    }

    /** Why there was no answer at all (connection refused, reset, timeout, TLS). */
    /**
     * What went wrong on the wire, in words rather than exception class names: refused, timed out, reset, closed
     * without an answer, the total deadline, TLS.
     */
    public static String describe(Exception e) {
        if (e == null) {
            return "no answer";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof QuietConnection.DeadlineExceeded d) {
            return "the answer did not complete within the request timeout of " + d.limit.toSeconds()
                    + " s (npmreg.requestTimeoutSeconds): the server sends too slowly or never finishes";
        }
        if (e instanceof java.net.ConnectException || e instanceof org.apache.hc.client5.http.HttpHostConnectException) {
            return message.toLowerCase(java.util.Locale.ROOT).contains("timed out")
                    ? "the connection timed out (npmreg.connectTimeoutSeconds)"
                    : "connection refused: nothing listens at that host and port";
        }
        if (e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            return "the connection timed out (npmreg.connectTimeoutSeconds)";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "no data within the read timeout (npmreg.socketTimeoutSeconds)";
        }
        if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
            return "the server closed the connection without answering";
        }
        if (e instanceof org.apache.hc.core5.http.ConnectionClosedException
                || e instanceof org.apache.hc.core5.http.TruncatedChunkException) {
            return "the connection closed before the answer was complete";
        }
        if (e instanceof org.apache.hc.core5.http.ProtocolException
                || e instanceof org.apache.hc.core5.http.MessageConstraintException) {
            return "the server's answer is not valid HTTP (" + message + ")";
        }
        if (e instanceof java.net.SocketException && message.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
            return "the connection was reset";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + message;
        }
        return message.isBlank() ? "the connection failed" : message;
    }

    public static RegistryException noAnswer(String method, URI url, Exception e) {
        String what = describe(e);
        if (e instanceof QuietConnection.DeadlineExceeded) {
            return new RegistryException(0, "ETIMEDOUT", "No complete answer from the registry " + url.getHost()
                    + " for " + method + " " + url + ": " + what, "check that the registry URL is right and the"
                    + " registry healthy; for a slow link or a large tarball raise -Dnpmreg.requestTimeoutSeconds"
                    + " (<requestTimeoutSeconds>)", e);
        }
        if (e instanceof javax.net.ssl.SSLHandshakeException || e instanceof javax.net.ssl.SSLPeerUnverifiedException) {
            return new RegistryException(0, "ECONNECTION", "TLS with " + url.getHost() + " failed: " + what
                    + " (" + method + " " + url + ")", "if the registry uses a private CA, give its certificate as a"
                    + " PEM file with npmreg.caFile (or import it into the JVM trust store)", e);
        }
        if (e instanceof java.net.UnknownHostException) {
            return new RegistryException(0, "ECONNECTION", "The registry host " + url.getHost()
                    + " is unknown (DNS): " + what, "check the host name in the registry URL, or the proxy"
                    + " settings in settings.xml", e);
        }
        return new RegistryException(0, "ECONNECTION", "No answer from the registry for " + method + " " + url
                + ": " + what, "check the registry URL, the network and the <proxy> in settings.xml; the"
                + " request was retried with backoff", e);
    }

    private static RegistryException forbidden(int status, String evidence, String lower, String sent,
            boolean gitlab) {
        if (lower.contains("cannot publish over") || lower.contains("previously published")) {
            return new RegistryException(status, "E403", "This version was published before and a registry never"
                    + " accepts it again, even after an unpublish. " + evidence,
                    "bump the version in package.json, or set npmreg.skipExisting=true to skip existing versions");
        }
        if (lower.contains("package already exists")) {
            return new VersionExistsRefusal(status, "E403", "GitLab already holds this name and version, in this"
                    + " project or in another project of the same top-level group. " + evidence,
                    "bump the version, set npmreg.skipExisting=true, or delete the existing package version in"
                            + " GitLab (Deploy > Package registry) if it was a mistake");
        }
        if (lower.contains("package protected")) {
            return new RegistryException(status, "E403", "A GitLab package protection rule forbids these"
                    + " credentials" + sent + " to publish this package. " + evidence, "publish with a user whose"
                    + " role meets the rule (Settings > Packages and registries > Protected packages), or change the"
                    + " rule");
        }
        if (lower.contains("insufficient_scope") || lower.contains("insufficient scope")) {
            return new RegistryException(status, "E403", "The token lacks the scope needed to publish" + sent + ". "
                    + evidence, "use a token with scope 'api' (personal/project/group access token) or a deploy"
                    + " token with write_package_registry");
        }
        if (lower.contains("job token") || lower.contains("allowlist") || lower.contains("ci_job_token")) {
            return new RegistryException(status, "E403", "The CI job token may not write to this project. "
                    + evidence, "add the publishing project to the target project's job token allowlist (Settings >"
                    + " CI/CD > Job token permissions), or publish with a project access token");
        }
        String fix = gitlab
                ? "publishing needs at least the Developer role on the project, a token with scope 'api' (or a deploy"
                        + " token with write_package_registry) and the package registry enabled on the project"
                : "check that these credentials may publish this package (owner or maintainer of the package, or"
                        + " member of its scope)";
        return new RegistryException(status, "E403", "The registry forbids this request for these credentials"
                + sent + ". " + evidence, fix);
    }

    private static RegistryException badRequest(int status, String evidence, String lower, String message) {
        String fix;
        String cause;
        if (lower.contains("validation failed") && lower.contains("already exists")) {
            return new VersionExistsRefusal(status, "E400", "GitLab rejects the version: another project in the"
                    + " same top-level group already holds this package name and version. " + evidence,
                    "bump the version, or rename the package (its scope should match the project's top-level"
                            + " group)");
        }
        if (lower.contains("valid npm package name")) {
            cause = "GitLab rejects the package name.";
            fix = "rename the package in package.json to a valid npm name (lowercase, @scope/name)";
        } else if (lower.contains("semver")) {
            cause = "GitLab rejects the version: it is not strict SemVer.";
            fix = "use a version like 1.2.3 or 1.2.3-rc.1 in package.json";
        } else if (lower.contains("file is too large")) {
            cause = "The tarball exceeds the GitLab instance's npm package size limit (npm_max_file_size).";
            fix = "make the package smaller, or ask the GitLab administrator to raise npm_max_file_size";
        } else if (lower.contains("package lease")) {
            cause = "GitLab is processing another upload of this package.";
            fix = "run the publish again in a minute";
        } else if (lower.contains("version is empty") || lower.contains("attachment data is empty")
                || lower.contains("invalid json")) {
            cause = "GitLab could not read the publish body.";
            fix = "check that the registry URL points straight at GitLab (a proxy may alter the body) and report"
                    + " this as a plugin bug with the GitLab version";
        } else {
            cause = "The registry rejected the request" + (message.isEmpty() ? "." : " with its own message.");
            fix = "correct package.json as the registry's message says (GitLab also rejects a package.json over"
                    + " 20,000 characters)";
        }
        return new RegistryException(status, "E400", cause + " " + evidence, fix);
    }

    /** The registry's own words: {@code error}, {@code message} or {@code reason} of a JSON body, else the text. */
    static String registryMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode json = io.github.npmreg.json.JsonTree.read(text);
                StringBuilder out = new StringBuilder();
                for (String field : new String[] {"message", "error", "error_description", "reason", "detail"}) {
                    JsonNode v = json.get(field);
                    if (v != null && !v.isNull()) {
                        String s = v.isTextual() ? v.asText() : v.toString();
                        if (!out.toString().contains(s)) {
                            out.append(out.length() == 0 ? "" : " - ").append(s);
                        }
                    }
                }
                if (out.length() > 0) {
                    return shorten(out.toString());
                }
            } catch (java.io.IOException notJson) {
                // fall through to the raw text
            }
        }
        return shorten(text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }

    private static String shorten(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }

    private static String registryPrefix(URI url) {
        String path = url.getRawPath() == null ? "/" : url.getRawPath();
        int slash = path.lastIndexOf('/');
        return url.getScheme() + "://" + url.getRawAuthority() + path.substring(0, slash + 1);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
