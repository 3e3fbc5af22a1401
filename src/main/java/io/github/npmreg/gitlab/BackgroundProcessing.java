package io.github.npmreg.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.registry.PackumentLookup;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * GitLab (18.6+) processes npm uploads in the background: the PUT is answered with a temporary package, and a worker
 * validates and stores the version later, so a duplicate or broken upload fails after the PUT succeeded
 * (gitlab-npm-registry.md §1, npm12-provenance-gitlab-2026.md). After a successful PUT this waits, bounded, until the
 * version is listed in the package metadata; while it waits it asks the packages API whether the upload turned to
 * status {@code error}, and then GraphQL for GitLab's message. A version that fails or never appears is a failure
 * with its cause and fix, not a success.
 */
public final class BackgroundProcessing {

    /** Why the upload did not become a version. */
    public enum Outcome { LISTED, FAILED, STILL_INVISIBLE }

    /** How long to wait and how often to look. */
    public record Wait(Duration timeout, Duration interval) {}

    private final RegistryClient client;
    private final Clock clock;
    private final BuildLog log;
    private final Sleeper sleeper;

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public BackgroundProcessing(RegistryClient client, Clock clock, Sleeper sleeper, BuildLog log) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Waits until {@code name@version} is listed at {@code registry} (a GitLab project endpoint).
     *
     * @param uploadedAt when the PUT was sent, to tell this upload's temporary package from older ones
     * @throws NpmregException when GitLab's processing failed or the version did not appear within the timeout
     */
    public Outcome await(URI registry, String name, String escapedName, String version, Credentials credentials,
            Instant uploadedAt, Wait wait) {
        GitLabEndpoints.Classification gitlab = GitLabEndpoints.classify(registry);
        Instant deadline = clock.instant().plus(wait.timeout());
        boolean said = false;
        while (true) {
            if (listed(registry, escapedName, version, credentials)) {
                return Outcome.LISTED;
            }
            Optional<Failure> failure = failure(gitlab, name, credentials, uploadedAt);
            if (failure.isPresent()) {
                throw failed(registry, name, version, failure.get());
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new NpmregException("GitLab accepted the upload of " + name + "@" + version + " to " + registry
                        + ", but the version is not listed after " + wait.timeout().toSeconds() + " s: GitLab processes"
                        + " npm uploads in the background and has neither finished nor reported an error, so the"
                        + " package may be left invisible.",
                        "look at the project's Deploy > Package registry: a package in status processing or error"
                                + " there is this upload; if GitLab's background jobs are slow, raise"
                                + " -Dnpmreg.gitlab.processingTimeoutSeconds (now " + wait.timeout().toSeconds()
                                + "); a rerun with -Dnpmreg.skipExisting=true is safe once the version shows.");
            }
            if (!said) {
                log.info("Waiting for GitLab to process " + name + "@" + version + " (background processing, at most "
                        + wait.timeout().toSeconds() + " s)");
                said = true;
            }
            try {
                sleeper.sleep(wait.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NpmregException("Interrupted while waiting for GitLab to process " + name + "@" + version,
                        null, e);
            }
        }
    }

    private boolean listed(URI registry, String escapedName, String version, Credentials credentials) {
        try {
            // One try per poll: the poll loop is the retry, bounded by the wait.
            return client.fetchOnce(registry, escapedName, credentials) instanceof PackumentLookup.Found found
                    && found.packument().hasVersion(version);
        } catch (RegistryException e) {
            log.debug("Package metadata not readable while waiting: " + e.problem());
            return false;
        }
    }

    /** An upload of ours in status error: {@code id} and GitLab's status message when it can be read. */
    private record Failure(long id, String message) {}

    private Optional<Failure> failure(GitLabEndpoints.Classification gitlab, String name, Credentials credentials,
            Instant uploadedAt) {
        URI packages = gitlab.api().apiV4().resolve("projects/" + GitLabEndpoints.encodeId(gitlab.id(), "project")
                + "/packages?package_type=npm&status=error&order_by=created_at&sort=desc&package_name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        JsonNode list = get(packages, credentials);
        if (list == null || !list.isArray()) {
            return Optional.empty();
        }
        for (JsonNode p : list) {
            Instant created = parse(p.path("created_at").asText(""));
            if (p.path("name").asText().equals(name) && p.path("status").asText().equals("error")
                    && p.path("version").asText().startsWith("0.0.0-")
                    && (created == null || !created.isBefore(uploadedAt.minusSeconds(120)))) {
                long id = p.path("id").asLong();
                return Optional.of(new Failure(id, statusMessage(gitlab, id, credentials)));
            }
        }
        return Optional.empty();
    }

    /** GitLab keeps the processing error in statusMessage, which only GraphQL shows; {@code null} when unreadable. */
    private String statusMessage(GitLabEndpoints.Classification gitlab, long id, Credentials credentials) {
        URI graphql = gitlab.api().apiV4().resolve("../graphql");
        HttpPost post = new HttpPost(graphql);
        post.setEntity(new StringEntity("{\"query\":\"{ package(id: \\\"gid://gitlab/Packages::Package/" + id
                + "\\\") { status statusMessage } }\"}", ContentType.APPLICATION_JSON));
        if (credentials.authorizationHeader() != null) {
            post.addHeader("Authorization", credentials.authorizationHeader());
        }
        try {
            JsonNode answer = client.http().execute(post, r -> r.getCode() == 200 && r.getEntity() != null
                    ? io.github.npmreg.json.JsonTree.read(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)) : null);
            String message = answer == null ? null : answer.path("data").path("package").path("statusMessage")
                    .asText(null);
            return message == null || message.isBlank() ? null : message;
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode get(URI uri, Credentials credentials) {
        HttpGet get = new HttpGet(uri);
        get.addHeader("Accept", "application/json");
        if (credentials.authorizationHeader() != null) {
            get.addHeader("Authorization", credentials.authorizationHeader());
        }
        try {
            return client.http().execute(get, r -> r.getCode() == 200 && r.getEntity() != null
                    ? io.github.npmreg.json.JsonTree.read(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8)) : null);
        } catch (IOException e) {
            log.debug("Packages API not readable while waiting: " + e);
            return null;
        }
    }

    private static NpmregException failed(URI registry, String name, String version, Failure failure) {
        boolean duplicate = failure.message() != null && failure.message().toLowerCase(java.util.Locale.ROOT)
                .contains("already exists");
        String what = "GitLab accepted the upload of " + name + "@" + version + " to " + registry + " (the PUT"
                + " succeeded), but its background processing failed"
                + (failure.message() == null ? " (package " + failure.id() + " is in status error)"
                        : ": \"" + failure.message() + "\" (package " + failure.id() + ")")
                + "; the version was not published.";
        return new NpmregException(what, duplicate
                ? "this version already exists in the project or in another project of the same top-level group:"
                        + " bump the version, or set -Dnpmreg.skipExisting=true for a rerun; delete the failed"
                        + " package in Deploy > Package registry"
                : "see the failed package in the project's Deploy > Package registry for the details, fix the package"
                        + " and publish again");
    }

    private static Instant parse(String text) {
        try {
            return text.isBlank() ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
