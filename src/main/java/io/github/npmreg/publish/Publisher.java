package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.BackgroundProcessing;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.manifest.GitHead;
import io.github.npmreg.npm.packagejson.PackageJsonNormalizer;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.provenance.Provenance;
import io.github.npmreg.provenance.ProvenanceMode;
import io.github.npmreg.registry.PackumentLookup;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.PublishRequest;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryException;
import io.github.npmreg.registry.Sleeper;
import io.github.npmreg.sigstore.KeylessSigner;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code npm publish} of a {@link Release} for an already packed tarball: checks the release tag when asked,
 * exchanges an OIDC token when trusted publishing applies, normalizes the manifest as npm does, signs or attaches the
 * provenance bundle when npm would, and hands the request to the registry client.
 */
public final class Publisher {
    private final RegistryClient client;
    private final Supplier<OidcExchange> oidc;
    private final BackgroundProcessing processing;
    private final BackgroundProcessing.Wait processingWait;
    private final java.time.Clock clock;
    private final BuildLog log;

    /**
     * @param oidc           creates the OIDC exchange only when trusted publishing is actually used
     * @param processingWait how long to wait for GitLab's background processing after the PUT
     */
    public Publisher(RegistryClient client, Supplier<OidcExchange> oidc, BackgroundProcessing.Wait processingWait,
            java.time.Clock clock, BuildLog log) {
        this.client = client;
        this.oidc = oidc;
        this.processing = new BackgroundProcessing(client, clock, d -> Thread.sleep(d.toMillis()), log);
        this.processingWait = processingWait;
        this.clock = clock;
        this.log = log;
    }

    /** {@link #publish(Release, Path, ObjectNode, PackResult, Map, String, boolean, ProvenanceSettings)} with npm's
     * provenance defaults. */
    public PublishOutcome publish(Release release, Path packageDirectory, ObjectNode packedManifest,
            PackResult packed, Map<String, String> env, String otp, boolean dryRun) {
        return publish(release, packageDirectory, packedManifest, packed, env, otp, dryRun, ProvenanceSettings.DEFAULTS);
    }

    /**
     * @param packageDirectory the package directory (for the git checkout and gitHead)
     * @param packedManifest   the package.json inside the tarball (the staged one when publish-config ran)
     */
    public PublishOutcome publish(Release release, Path packageDirectory, ObjectNode packedManifest,
            PackResult packed, Map<String, String> env, String otp, boolean dryRun, ProvenanceSettings provenance) {
        release.requireValid();
        requirePackedIsRelease(release, packedManifest, packed);
        release.tagVerdict(packageDirectory, env).ifPresent(verdict -> {
            if (verdict instanceof ReleaseTag.Verdict.Refused refused) {
                throw refused.toException();
            }
            ReleaseTag.Verdict.Matched matched = (ReleaseTag.Verdict.Matched) verdict;
            log.info("Release tag " + matched.tag() + " matches version " + release.version().published()
                    + (matched.source() == ReleaseTag.Source.CI_COMMIT_TAG ? " (CI_COMMIT_TAG)" : " (git tag at HEAD)"));
        });
        Credentials credentials = release.credentials();
        if (release.trustedPublishing()) {
            log.info("No credentials configured and an OIDC ID token is present: exchanging it for a publish token"
                    + " (npm trusted publishing)");
            credentials = dryRun
                    ? credentials
                    : oidc.get().exchange(release.registry().url(), release.name().toString(), env);
        }
        String gitHead = GitHead.of(packageDirectory).orElse(null);
        ObjectNode versionManifest = PackageJsonNormalizer.forPublish(packedManifest, packageDirectory, gitHead,
                packed.npm());
        PublishRequest request = new PublishRequest(release.registry().url(), release.name().toString(),
                release.name().escapedName(), release.version().published(), versionManifest, packed.tarball(),
                packed.integrity(), packed.shasum(), release.tag().name(), release.access(), otp, credentials, dryRun,
                release.skipExisting());
        Optional<Provenance.Attachment> bundle = provenance(request, env, release.trustedPublishing(), dryRun,
                provenance);
        if (bundle.isPresent()) {
            Provenance.Attachment a = bundle.get();
            request = request.withTextAttachment(new PublishRequest.TextAttachment(a.fileName(), a.contentType(),
                    a.data(), a.length()));
        }
        java.time.Instant uploadedAt = clock.instant();
        PublishOutcome outcome;
        try {
            outcome = client.publish(request);
        } catch (RegistryException e) {
            if (bundle.isPresent() && (e.status() == 400 || e.status() == 422)) {
                throw refusedWithProvenance(e, request, bundle.get());
            }
            throw e;
        }
        if (outcome.result() == PublishOutcome.Result.PUBLISHED && !outcome.visible()
                && release.registry().gitlab().level() == GitLabEndpoints.Level.PROJECT) {
            processing.await(release.registry().url(), release.name().toString(), release.name().escapedName(),
                    release.version().published(), credentials, uploadedAt, processingWait);
            outcome = new PublishOutcome(outcome.result(), outcome.tarballUrl(), outcome.attempts(), true);
        }
        if (bundle.isPresent() && bundle.get().entryUrl() != null
                && (outcome.result() == PublishOutcome.Result.PUBLISHED
                        || outcome.result() == PublishOutcome.Result.ALREADY_PUBLISHED_BY_US)) {
            log.info("Provenance: " + release.id() + " is signed; transparency log entry " + bundle.get().entryUrl());
        }
        return outcome;
    }

    /**
     * The tarball must hold the release: a tarball packed from package.json while the release's version comes from
     * the POM (publish-config not run in this build) would publish one version under another's name.
     */
    static void requirePackedIsRelease(Release release, ObjectNode packedManifest, PackResult packed) {
        String name = packedManifest.path("name").asText();
        String version = packedManifest.path("version").asText();
        // npm packs package.json as written and cleans the version when it publishes ("v1.0.0" goes as 1.0.0).
        String cleaned = io.github.npmreg.manifest.NpmVersion.clean(version).orElse(version);
        if (name.equals(release.name().toString()) && cleaned.equals(release.version().published())) {
            return;
        }
        throw new NpmregException("The tarball " + packed.tarball() + " holds " + name + "@" + version + ", but the"
                + " release is " + release.id() + " (version from " + release.version().origin().description()
                + "): the tarball was packed without the release's version.",
                "bind the publish-config goal before pack in the same execution (it stages package.json with the"
                        + " version), or remove the plugin's version parameter to publish package.json's version.");
    }

    /**
     * The provenance attachment npm would send. Signing logs an entry in a public transparency log, so it is not
     * done for a version the registry already has (npm checks that before it signs, too).
     */
    private Optional<Provenance.Attachment> provenance(PublishRequest request, Map<String, String> env,
            boolean trustedPublishing, boolean dryRun, ProvenanceSettings provenance) {
        if (provenance.mode() == ProvenanceMode.FALSE && provenance.file() == null) {
            return Optional.empty();
        }
        Provenance.Request r = new Provenance.Request(request.name(), request.version(), request.integrity(),
                env, provenance.mode(), provenance.file(), request.access(), request.registry(),
                repositoryUrl(request.manifest()), trustedPublishing, provenance.services(), dryRun,
                provenance.clock().instant());
        return new Provenance(log).prepare(r,
                () -> client.visibility(request.registry(), request.escapedName(), request.credentials()),
                () -> alreadyPublished(request),
                () -> new KeylessSigner(client.http(), provenance.services(), Sleeper.SYSTEM, OidcExchange.USER_AGENT));
    }

    /**
     * A 400 or 422 for a PUT that carried a provenance bundle: npmjs.org answers 422 when it rejects the bundle (the
     * repository, the runner, the signature), and a registry that takes no second attachment answers 400 (Verdaccio
     * 6: "unsupported registry call").
     */
    private static RuntimeException refusedWithProvenance(RegistryException e, PublishRequest request,
            Provenance.Attachment bundle) {
        String id = request.name() + "@" + request.version();
        if (e.status() == 422) {
            return new io.github.npmreg.NpmregException(request.registry() + " refused the provenance of " + id
                    + " (E422): " + e.problem() + " npmjs.org checks that package.json repository.url names the"
                    + " GitLab project that built it, that the job ran on a GitLab.com hosted runner, and the"
                    + " signature.", "Fix what the registry's message names (mvn npmreg:verify checks the repository"
                    + " URL and the runner beforehand), or publish without provenance (provenance=false).", e);
        }
        return new io.github.npmreg.NpmregException(request.registry() + " refused the publish of " + id + " with"
                + " its provenance bundle (" + bundle.fileName() + ") attached: " + e.problem() + " Registries other"
                + " than npmjs.org may not take a second attachment (Verdaccio 6 refuses any, with 400 \"unsupported"
                + " registry call\").", "Publish to this registry without provenance: -D"
                + "npmreg.provenance=false (<provenance>false</provenance>); provenance is for npmjs.org.", e);
    }

    private boolean alreadyPublished(PublishRequest request) {
        try {
            PackumentLookup lookup = client.fetch(request.registry(), request.escapedName(), request.credentials(),
                    request.otp());
            return lookup.hasVersion(request.version());
        } catch (RegistryException e) {
            return false;
        }
    }

    /** {@code repository.url} of the normalized manifest (npm turns a shorthand into {@code {type, url}}). */
    static String repositoryUrl(ObjectNode manifest) {
        var repository = manifest.get("repository");
        if (repository == null || repository.isNull()) {
            return null;
        }
        if (repository.isTextual()) {
            return repository.asText();
        }
        var url = repository.get("url");
        return url == null || !url.isTextual() ? null : url.asText();
    }
}
