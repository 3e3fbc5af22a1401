package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.manifest.GitHead;
import io.github.npmreg.manifest.PublishManifest;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code npm publish} for an already packed tarball: checks the release tag when asked, exchanges an OIDC token when
 * trusted publishing applies, normalizes the manifest as npm does, signs or attaches the provenance bundle when npm
 * would, and hands the request to the registry client.
 */
public final class Publisher {
    private final RegistryClient client;
    private final Supplier<OidcExchange> oidc;
    private final BuildLog log;

    /**
     * @param oidc creates the OIDC exchange only when trusted publishing is actually used
     */
    public Publisher(RegistryClient client, Supplier<OidcExchange> oidc, BuildLog log) {
        this.client = client;
        this.oidc = oidc;
        this.log = log;
    }

    /** {@link #publish(PublishSettings, PublishPlan, PackResult, ProvenanceSettings)} with npm's provenance defaults. */
    public PublishOutcome publish(PublishSettings settings, PublishPlan plan, PackResult packed) {
        return publish(settings, plan, packed, ProvenanceSettings.DEFAULTS);
    }

    public PublishOutcome publish(PublishSettings settings, PublishPlan plan, PackResult packed,
            ProvenanceSettings provenance) {
        if (settings.requireTag()) {
            ReleaseTag rule = settings.tagPattern() == null || settings.tagPattern().isBlank()
                    ? ReleaseTag.defaults()
                    : new ReleaseTag(settings.tagPattern());
            String tag = rule.require(plan.version(), settings.packageDirectory(), settings.env());
            log.info("Release tag " + tag + " matches version " + plan.version());
        }
        Credentials credentials = plan.credentials();
        if (plan.trustedPublishing()) {
            log.info("No credentials configured and an OIDC ID token is present: exchanging it for a publish token"
                    + " (npm trusted publishing)");
            credentials = settings.dryRun()
                    ? credentials
                    : oidc.get().exchange(plan.registry().url(), plan.name().toString(), settings.env());
        }
        String gitHead = GitHead.of(settings.packageDirectory()).orElse(null);
        ObjectNode versionManifest = PublishManifest.normalize(settings.manifest(), settings.packageDirectory(), gitHead);
        PublishRequest request = new PublishRequest(plan.registry().url(), plan.name().toString(),
                plan.name().escapedName(), plan.version(), versionManifest, packed.tarball(), packed.integrity(),
                packed.shasum(), plan.tag(), plan.access(), settings.otp(), credentials, settings.dryRun(),
                settings.skipExisting());
        Optional<Provenance.Attachment> bundle = provenance(request, settings, plan, provenance);
        if (bundle.isPresent()) {
            Provenance.Attachment a = bundle.get();
            request = request.withTextAttachment(new PublishRequest.TextAttachment(a.fileName(), a.contentType(),
                    a.data(), a.length()));
        }
        PublishOutcome outcome;
        try {
            outcome = client.publish(request);
        } catch (RegistryException e) {
            if (bundle.isPresent() && (e.status() == 400 || e.status() == 422)) {
                throw refusedWithProvenance(e, request, bundle.get());
            }
            throw e;
        }
        if (bundle.isPresent() && bundle.get().entryUrl() != null
                && (outcome.result() == PublishOutcome.Result.PUBLISHED
                        || outcome.result() == PublishOutcome.Result.ALREADY_PUBLISHED_BY_US)) {
            log.info("Provenance: " + plan.name() + "@" + plan.version() + " is signed; transparency log entry "
                    + bundle.get().entryUrl());
        }
        return outcome;
    }

    /**
     * The provenance attachment npm would send. Signing logs an entry in a public transparency log, so it is not
     * done for a version the registry already has (npm checks that before it signs, too).
     */
    private Optional<Provenance.Attachment> provenance(PublishRequest request, PublishSettings settings,
            PublishPlan plan, ProvenanceSettings provenance) {
        if (provenance.mode() == ProvenanceMode.FALSE && provenance.file() == null) {
            return Optional.empty();
        }
        Provenance.Request r = new Provenance.Request(request.name(), request.version(), request.integrity(),
                settings.env(), provenance.mode(), provenance.file(), request.access(), request.registry(),
                repositoryUrl(request.manifest()), plan.trustedPublishing(), provenance.services(), settings.dryRun(),
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
