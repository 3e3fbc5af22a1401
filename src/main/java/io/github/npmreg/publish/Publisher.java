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
import io.github.npmreg.manifest.PublishManifest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.PublishRequest;
import io.github.npmreg.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code npm publish} of a {@link Release} for an already packed tarball: checks the release tag when asked,
 * exchanges an OIDC token when trusted publishing applies, normalizes the manifest as npm does and hands the request
 * to the registry client.
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

    /**
     * @param packageDirectory the package directory (for the git checkout and gitHead)
     * @param packedManifest   the package.json inside the tarball (the staged one when publish-config ran)
     */
    public PublishOutcome publish(Release release, Path packageDirectory, ObjectNode packedManifest,
            PackResult packed, Map<String, String> env, String otp, boolean dryRun) {
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
        ObjectNode versionManifest = PublishManifest.normalize(packedManifest, packageDirectory, gitHead);
        java.time.Instant uploadedAt = clock.instant();
        PublishOutcome outcome = client.publish(new PublishRequest(release.registry().url(), release.name().toString(),
                release.name().escapedName(), release.version().published(), versionManifest, packed.tarball(),
                packed.integrity(), packed.shasum(), release.tag().name(), release.access(), otp, credentials, dryRun,
                release.skipExisting()));
        if (outcome.result() == PublishOutcome.Result.PUBLISHED && !outcome.visible()
                && release.registry().gitlab().level() == GitLabEndpoints.Level.PROJECT) {
            processing.await(release.registry().url(), release.name().toString(), release.name().escapedName(),
                    release.version().published(), credentials, uploadedAt, processingWait);
            return new PublishOutcome(outcome.result(), outcome.tarballUrl(), outcome.attempts(), true);
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
        if (name.equals(release.name().toString()) && version.equals(release.version().published())) {
            return;
        }
        throw new NpmregException("The tarball " + packed.tarball() + " holds " + name + "@" + version + ", but the"
                + " release is " + release.id() + " (version from " + release.version().origin().description()
                + "): the tarball was packed without the release's version.",
                "bind the publish-config goal before pack in the same execution (it stages package.json with the"
                        + " version), or remove the plugin's version parameter to publish package.json's version.");
    }
}
