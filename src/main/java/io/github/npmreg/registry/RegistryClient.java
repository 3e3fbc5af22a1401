package io.github.npmreg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * The npm registry HTTP client: packument lookups and the publish PUT, the way npm sends them
 * (npm-pack-and-publish.md section 4), with retries that never publish twice. One per build: it holds the
 * connection pool, proxy and TLS set up from {@link RegistryClientConfig}.
 *
 * <p>Secrets: every line this class logs goes through a redacting log, and httpclient itself cannot log headers or
 * wire bytes (see {@link QuietConnection}).
 */
public final class RegistryClient implements AutoCloseable {

    private final RegistryClientConfig config;
    private final RetryPolicy retries;
    private final CloseableHttpClient http;

    public RegistryClient(RegistryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.retries = new RetryPolicy(config.maxRetries(), config.backoffBase(), config.maxBackoff(),
                config.clock());
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(config.connectTimeout()))
                .setSocketTimeout(Timeout.of(config.responseTimeout()))
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(QuietConnection.factory(config.requestTimeout()))
                        .setTlsSocketStrategy(LazyTlsStrategy.of(config.extraCaPem()))
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                .setUserAgent(config.userAgent())
                // We retry ourselves (checking the packument between PUTs) and never follow redirects with the
                // user's credentials.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        ProxyConfig proxy = config.proxy();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultRoutePlanner(null) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypasses(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.username() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(
                        proxy.username(), (proxy.password() == null ? "" : proxy.password()).toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.http = builder.build();
    }

    /**
     * The configured HTTP client (proxy, trust store, quiet connections, no redirects), for the few calls outside
     * the registry protocol such as the OIDC token exchange, so they go the same way as the publish.
     */
    public org.apache.hc.client5.http.classic.HttpClient http() {
        return http;
    }

    /** How long an answer read through {@link #http()} may stand in for publish's own packument GET. */
    static final java.time.Duration REUSE_WITHIN = java.time.Duration.ofSeconds(30);

    /** GET answers (200 or 404) another part of the build just read through {@link #http()}, by URL. */
    private final Map<String, RecentAnswer> recentAnswers = new java.util.concurrent.ConcurrentHashMap<>();

    private record RecentAnswer(String authorization, int status, String body, java.time.Instant at) {}

    /**
     * Offers a GET answer read through {@link #http()} (the publish preflight reads the packument that way) to
     * {@link #publish}: its lookup before the PUT then uses it once instead of asking the registry again seconds
     * later. Only a 200 or 404 for the same URL and the same Authorization, within {@link #REUSE_WITHIN}, is used.
     */
    public void offerAnswer(URI url, String authorization, int status, String body) {
        if (status == 200 || status == 404) {
            recentAnswers.put(url.toString(), new RecentAnswer(authorization, status, body, config.clock().instant()));
        }
    }

    private Optional<PackumentLookup> recentLookup(PublishRequest r, URI url, BuildLog log) {
        RecentAnswer a = recentAnswers.remove(url.toString());
        if (a == null || !java.util.Objects.equals(a.authorization(), r.credentials().authorizationHeader())
                || a.at().plus(REUSE_WITHIN).isBefore(config.clock().instant())) {
            return Optional.empty();
        }
        if (a.status() == 404) {
            log.debug("GET " + url + " answered 404 to the preflight just now: not asked again before publishing");
            return Optional.of(new PackumentLookup.NotFound(url, RegistryDiagnosis.registryMessage(a.body())));
        }
        try {
            if (NonRegistryAnswer.isJsonObject(a.body())
                    && io.github.npmreg.json.JsonTree.read(a.body()) instanceof ObjectNode object) {
                log.debug("GET " + url + " answered the preflight just now: its packument is used before publishing");
                return Optional.of(new PackumentLookup.Found(new Packument(object)));
            }
        } catch (IOException notJson) {
            // asked again below
        }
        return Optional.empty();
    }

    /** {@link #fetch(URI, String, Credentials, String)} without a one-time password. */
    public PackumentLookup fetch(URI registry, String escapedName, Credentials credentials) {
        return fetch(registry, escapedName, credentials, null);
    }

    /**
     * {@code GET <registry>/<escapedName>} with {@code Accept: application/json}: the full packument. Same-host
     * redirects are followed; a redirect to another host is reported, not followed.
     *
     * @throws RegistryException for any other error answer (after retries) or when no answer came
     */
    public PackumentLookup fetch(URI registry, String escapedName, Credentials credentials, String otp) {
        return fetch(registry, escapedName, credentials, otp, retries);
    }

    /**
     * {@link #fetch(URI, String, Credentials)} tried once: for lookups that are part of another request's budget
     * (the checks between PUT attempts) or of a poll that is its own retry loop (GitLab's background processing).
     */
    public PackumentLookup fetchOnce(URI registry, String escapedName, Credentials credentials) {
        return fetch(registry, escapedName, credentials, null, retries.none());
    }

    private PackumentLookup fetch(URI registry, String escapedName, Credentials credentials, String otp,
            RetryPolicy budget) {
        BuildLog log = redacting(credentials, otp);
        URI url = RegistryUrls.packageUrl(registry, escapedName);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        if (otp != null) {
            headers.put("npm-otp", otp);
        }
        for (int hop = 0; ; hop++) {
            URI target = url;
            Answer a = withRetries(budget, "GET", target, log, () -> send("GET", target, credentials, headers, null));
            if (a.status() == 200) {
                return new PackumentLookup.Found(new Packument(parseObject("GET", target, a)));
            }
            if (a.status() == 404) {
                return new PackumentLookup.NotFound(target, RegistryDiagnosis.registryMessage(a.body()));
            }
            String location = a.headers().get("location");
            if (a.status() >= 300 && a.status() < 400 && location != null) {
                URI next = target.resolve(location);
                if (sameOrigin(target, next) && hop < 5) {
                    log.debug("GET " + target + " redirected to " + next + " (same host, following)");
                    url = next;
                    continue;
                }
                log.debug("GET " + target + " redirected to another host: " + next + " (not followed)");
                return new PackumentLookup.Redirected(target, a.status(), next);
            }
            throw RegistryDiagnosis.explain("GET", target, a.status(), a.headers(), a.body(),
                    credentials.toString(), -1);
        }
    }

    /**
     * Publishes one version as npm does: check the packument, PUT the streamed body, retry what is worth retrying,
     * and after any failed or unanswered PUT look at the packument before anything else, so a version the registry
     * stored is never sent twice nor reported as a failure.
     *
     * @throws NpmregException when the version exists (without {@code skipExisting}) or exists with other contents
     * @throws RegistryException when the registry refuses the PUT or never answers
     */
    public PublishOutcome publish(PublishRequest r) {
        BuildLog log = redacting(r.credentials(), r.otp());
        URI url = RegistryUrls.packageUrl(r.registry(), r.escapedName());
        URI tarballUrl = RegistryUrls.tarballUrl(r.registry(), r.name(), r.version());
        String id = r.name() + "@" + r.version();
        PublishBody body = new PublishBody(r, log, config.clock());

        Optional<PackumentLookup> before = recentLookup(r, url, log);
        if (before.isEmpty()) {
            before = lookupQuietly(r, log, "before publishing", true);
        }
        if (before.isPresent() && before.get().hasVersion(r.version())) {
            Packument existing = ((PackumentLookup.Found) before.get()).packument();
            if (r.skipExisting()) {
                log.info("Skipping " + id + ": this version already exists in " + r.registry()
                        + " (npmreg.skipExisting is on)");
                return new PublishOutcome(PublishOutcome.Result.SKIPPED_EXISTING,
                        servedTarball(existing, r.version(), tarballUrl), 0, true);
            }
            boolean same = existing.matches(r.version(), r.integrity(), r.shasum()).orElse(false);
            throw new NpmregException("Cannot publish " + id + " to " + r.registry() + ": this version was already"
                    + " published there" + (same ? " (with the same tarball, e.g. by an earlier run)"
                            : " (with different contents)") + ", and a registry never accepts a version twice",
                    "bump the version where it is set (the POM's <version> when the plugin's version parameter is set,"
                            + " else \"version\" in package.json), or set npmreg.skipExisting=true"
                            + " (-Dnpmreg.skipExisting) to skip versions that already exist");
        }
        if (before.isPresent() && before.get() instanceof PackumentLookup.Redirected rd) {
            log.debug(rd.url() + " redirected to " + rd.location() + ": the registry does not hold " + r.name()
                    + " yet");
        }

        Map<String, String> headers = publishHeaders(r);
        if (r.dryRun()) {
            logDryRun(log, url, r.credentials(), headers, body);
            return new PublishOutcome(PublishOutcome.Result.DRY_RUN, tarballUrl, 0, false);
        }
        for (int attempt = 1; ; attempt++) {
            log.info("Publishing " + id + " to " + r.registry() + " (" + body.tarballSize() + " bytes"
                    + (attempt > 1 ? ", attempt " + attempt : "") + ")");
            Answer answer = null;
            IOException failure = null;
            try {
                answer = send("PUT", url, r.credentials(), headers, body);
            } catch (PublishBody.TarballChangedException e) {
                throw new NpmregException("Cannot publish " + id + ": " + e.getMessage()
                        + "; another process is writing it", "let the build finish writing the tarball (do not run"
                        + " two builds in the same directory at once), then publish again", e);
            } catch (IOException e) {
                failure = e;
            }
            if (answer != null && answer.status() >= 200 && answer.status() < 300 && NonRegistryAnswer.isHtml(
                    answer.headers().get("content-type"), answer.body())) {
                // A login page or web UI answering 2xx to the PUT: no registry took the package.
                Optional<PackumentLookup> check = lookupQuietly(r, log, "after an HTML answer to the PUT", false);
                if (check.isEmpty() || !check.get().hasVersion(r.version())) {
                    throw new RegistryException(answer.status(), "ENOTREGISTRY", NonRegistryAnswer.problem("PUT", url,
                            answer.status(), answer.headers().get("content-type"), answer.shownBody())
                            + "; the package was not published", NonRegistryAnswer.LIKELY_CAUSES);
                }
            }
            if (answer != null && answer.status() >= 200 && answer.status() < 300) {
                log.info("Published " + id + " (" + answer.status() + ")");
                Optional<Packument> visible = awaitVisible(r, log);
                return new PublishOutcome(PublishOutcome.Result.PUBLISHED,
                        visible.map(p -> servedTarball(p, r.version(), tarballUrl)).orElse(tarballUrl), attempt,
                        visible.isPresent());
            }
            String what = answer != null ? "answered " + answer.status() + " "
                    + RegistryDiagnosis.registryMessage(answer.body())
                    : "got no answer (" + RegistryDiagnosis.describe(failure) + ")";
            // Whatever went wrong, the registry may have stored the package (lost answer, timeout after the upload,
            // 409 on a retry of our own PUT): look before deciding.
            Optional<PackumentLookup> after = lookupQuietly(r, log, "after a failed PUT", false);
            if (after.isPresent() && after.get() instanceof PackumentLookup.Found found
                    && found.packument().hasVersion(r.version())) {
                Optional<Boolean> ours = found.packument().matches(r.version(), r.integrity(), r.shasum());
                if (ours.orElse(false)) {
                    log.info("The PUT " + what.strip() + ", but the registry holds " + id
                            + " with our integrity: it was stored, nothing more to send");
                    return new PublishOutcome(PublishOutcome.Result.ALREADY_PUBLISHED_BY_US,
                            servedTarball(found.packument(), r.version(), tarballUrl), attempt, true);
                }
                throw new NpmregException("The PUT of " + id + " " + what.strip() + ", and the registry now holds "
                        + id + " with a different tarball (integrity " + found.packument().integrityOf(r.version())
                                .orElse("unknown") + ", ours " + r.integrity() + "): someone else published it",
                        "bump \"version\" in package.json and publish again");
            }
            boolean worthRetry = answer != null ? RetryPolicy.retryable(answer.status())
                    : RetryPolicy.retryable(failure);
            if (!worthRetry || !retries.mayRetryAfter(attempt)) {
                RegistryException refusal = answer != null
                        ? RegistryDiagnosis.explain("PUT", url, answer.status(), answer.headers(), answer.body(),
                                r.credentials().toString(), body.tarballSize())
                        : RegistryDiagnosis.noAnswer("PUT", url, failure);
                if (refusal instanceof VersionExistsRefusal && r.skipExisting()) {
                    // GitLab refuses a version another project of the group holds, which this project's packument
                    // does not list: skipExisting means "skip versions that exist", wherever they are.
                    log.warn("Skipping " + id + ": " + r.registry() + " refused it as existing (" + refusal.status()
                            + ") although its packument does not list it (on GitLab: another project of the same"
                            + " top-level group holds it); npmreg.skipExisting is on");
                    return new PublishOutcome(PublishOutcome.Result.SKIPPED_EXISTING, tarballUrl, attempt, false);
                }
                throw refusal;
            }
            Duration wait = retries.delay(attempt, answer == null ? null : answer.headers().get("retry-after"));
            log.warn("PUT " + url + " " + what.strip() + (after.isPresent() ? "; the version is not in the registry"
                    : "; the registry could not be checked") + ", retrying in " + wait.toMillis() + " ms");
            sleep(wait);
        }
    }

    /**
     * {@code GET <registry>/-/package/<escapedName>/visibility} (libnpmaccess {@code getVisibility}): whether the
     * package is public, or empty when the registry does not know it (404), which npm takes as "not public".
     *
     * @throws RegistryException for any other error answer
     */
    public Optional<Boolean> visibility(URI registry, String escapedName, Credentials credentials) {
        BuildLog log = redacting(credentials, null);
        String base = registry.toString().replaceAll("/+$", "");
        URI url = URI.create(base + "/-/package/" + escapedName + "/visibility");
        Map<String, String> headers = Map.of("accept", "application/json");
        Answer a = withRetries(retries, "GET", url, log, () -> send("GET", url, credentials, headers, null));
        if (a.status() == 404) {
            return Optional.empty();
        }
        if (a.status() != 200) {
            throw RegistryDiagnosis.explain("GET", url, a.status(), a.headers(), a.body(), credentials.toString(), -1);
        }
        JsonNode visible = parseObject("GET", url, a).get("public");
        return Optional.of(visible != null && visible.asBoolean(false));
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers npm 11 sends with a publish (npm-pack-and-publish.md section 4), except Authorization. */
    private static Map<String, String> publishHeaders(PublishRequest r) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("npm-auth-type", r.otp() == null ? "web" : "legacy");
        h.put("npm-command", "publish");
        if (r.otp() != null) {
            h.put("npm-otp", r.otp());
        }
        h.put("accept", "*/*");
        return h;
    }

    private void logDryRun(BuildLog log, URI url, Credentials credentials, Map<String, String> headers,
            PublishBody body) {
        log.info("Dry run: not sending PUT " + url);
        log.info("  user-agent: " + config.userAgent());
        String auth = credentials.authorizationHeader();
        if (auth != null) {
            int space = auth.indexOf(' ');
            log.info("  authorization: " + auth.substring(0, space + 1) + Redaction.hint(auth.substring(space + 1))
                    + " (" + credentials + ")");
        }
        headers.forEach((k, v) -> log.info("  " + k + ": " + (k.equals("npm-otp") ? "****" : v)));
        log.info("  content-type: application/json");
        log.info("  content-length: " + body.getContentLength());
        log.info("  body: " + body.describeWithoutData());
    }

    /** Polls until the new version shows: GitLab 18.6+ stores uploads asynchronously. Never fails the publish. */
    /** The packument once it lists the version, or empty when it did not show up within the visibility timeout. */
    private Optional<Packument> awaitVisible(PublishRequest r, BuildLog log) {
        if (config.visibilityTimeout().isZero()) {
            return Optional.empty();
        }
        long polls = Math.max(1, config.visibilityTimeout().toMillis()
                / Math.max(1, config.visibilityPollInterval().toMillis()));
        for (long i = 0; i <= polls; i++) {
            Optional<PackumentLookup> now = lookupQuietly(r, BuildLog.SILENT, "after publishing", false);
            if (now.isPresent() && now.get() instanceof PackumentLookup.Found found
                    && found.packument().hasVersion(r.version())) {
                return Optional.of(found.packument());
            }
            if (i < polls) {
                sleep(config.visibilityPollInterval());
            }
        }
        log.warn(r.name() + "@" + r.version() + " was accepted but does not show in the package metadata after "
                + config.visibilityTimeout().toSeconds() + " s; some registries (GitLab) process uploads"
                + " asynchronously, so check it again in a minute");
        return Optional.empty();
    }

    /**
     * The tarball URL the registry serves, from its metadata: registries rewrite the URL npm sends (Verdaccio drops
     * the scope from the file name, GitLab points at the project-level route), so only theirs is worth printing.
     */
    private static URI servedTarball(Packument packument, String version, URI sent) {
        return packument.tarballOf(version).flatMap(t -> {
            try {
                return Optional.of(URI.create(t));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(sent);
    }

    /** A packument lookup whose failure is logged, not thrown: npm too ignores a failed pre-publish GET. */
    private Optional<PackumentLookup> lookupQuietly(PublishRequest r, BuildLog log, String when, boolean retry) {
        try {
            return Optional.of(fetch(r.registry(), r.escapedName(), r.credentials(), r.otp(),
                    retry ? retries : retries.none()));
        } catch (RegistryException e) {
            log.debug("Could not read the package metadata " + when + ": " + e.problem());
            return Optional.empty();
        }
    }

    /** What came back: status, headers (lower-case names, repeated ones joined by ", ") and the body as text. */
    private record Answer(int status, Map<String, String> headers, String body, List<String> secrets) {
        /** The body as it may be shown (a 2xx body is kept intact for parsing). */
        String shownBody() {
            return Redaction.redact(body, secrets);
        }
    }

    @FunctionalInterface
    private interface Exchange {
        Answer run() throws IOException;
    }

    private Answer withRetries(RetryPolicy budget, String method, URI url, BuildLog log, Exchange exchange) {
        for (int attempt = 1; ; attempt++) {
            Answer a = null;
            IOException failure = null;
            try {
                a = exchange.run();
            } catch (IOException e) {
                failure = e;
            }
            boolean worthRetry = a != null ? RetryPolicy.retryable(a.status()) : RetryPolicy.retryable(failure);
            if (!worthRetry || !budget.mayRetryAfter(attempt)) {
                if (a != null) {
                    return a;
                }
                throw RegistryDiagnosis.noAnswer(method, url, failure);
            }
            Duration wait = budget.delay(attempt, a == null ? null : a.headers().get("retry-after"));
            log.warn(method + " " + url + (a != null ? " answered " + a.status()
                    : " got no answer (" + RegistryDiagnosis.describe(failure) + ")")
                    + "; retrying in " + wait.toMillis() + " ms");
            sleep(wait);
        }
    }

    private Answer send(String method, URI url, Credentials credentials, Map<String, String> headers,
            HttpEntity entity) throws IOException {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(url);
        headers.forEach(request::setHeader);
        String authorization = credentials.authorizationHeader();
        if (authorization != null) {
            request.setHeader("authorization", authorization);
        }
        if (entity != null) {
            request.setEntity(entity);
        }
        List<String> secrets = secrets(credentials, headers.get("npm-otp"));
        return http.execute(request.build(), response -> {
            // An error answer (and a redirect) is only ever shown: what the server says is redacted of every secret
            // this request carried before anything reads it, so a server that echoes the request leaks nothing.
            boolean shownOnly = response.getCode() < 200 || response.getCode() >= 300;
            Map<String, String> h = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                String value = shownOnly ? Redaction.redact(header.getValue(), secrets) : header.getValue();
                h.merge(header.getName().toLowerCase(Locale.ROOT), value, (x, y) -> x + ", " + y);
            }
            HttpEntity e = response.getEntity();
            String text = e == null ? "" : EntityUtils.toString(e, StandardCharsets.UTF_8);
            return new Answer(response.getCode(), h, shownOnly ? Redaction.redact(text, secrets) : text, secrets);
        });
    }

    private static ObjectNode parseObject(String method, URI url, Answer a) {
        if (NonRegistryAnswer.isJsonObject(a.body())) {
            try {
                if (io.github.npmreg.json.JsonTree.read(a.body()) instanceof ObjectNode object) {
                    return object;
                }
            } catch (IOException notJson) {
                // reported below
            }
        }
        throw new RegistryException(a.status(), "ENOTREGISTRY", NonRegistryAnswer.problem(method, url, a.status(),
                a.headers().get("content-type"), a.shownBody()), NonRegistryAnswer.LIKELY_CAUSES);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private BuildLog redacting(Credentials credentials, String otp) {
        return new RedactingLog(config.log(), secrets(credentials, otp));
    }

    /** Every secret a request carries: the credentials, the whole Authorization value, the OTP, the proxy's. */
    private List<String> secrets(Credentials credentials, String otp) {
        List<String> secrets = new ArrayList<>(credentials.secrets());
        secrets.addAll(Redaction.secretsOf(credentials.authorizationHeader()));
        if (otp != null) {
            secrets.add(otp);
        }
        if (config.proxy() != null) {
            secrets.addAll(config.proxy().secrets());
        }
        return secrets;
    }

    private void sleep(Duration d) {
        try {
            config.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NpmregException("Interrupted while waiting to retry a registry request", null, e);
        }
    }
}
