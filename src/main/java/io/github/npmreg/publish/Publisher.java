package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.OidcExchange;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.manifest.GitHead;
import io.github.npmreg.manifest.PublishManifest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.PublishRequest;
import io.github.npmreg.registry.RegistryClient;
import java.util.function.Supplier;

/**
 * {@code npm publish} for an already packed tarball: checks the release tag when asked, exchanges an OIDC token when
 * trusted publishing applies, normalizes the manifest as npm does and hands the request to the registry client.
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

    public PublishOutcome publish(PublishSettings settings, PublishPlan plan, PackResult packed) {
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
        return client.publish(new PublishRequest(plan.registry().url(), plan.name().toString(),
                plan.name().escapedName(), plan.version(), versionManifest, packed.tarball(), packed.integrity(),
                packed.shasum(), plan.tag(), plan.access(), settings.otp(), credentials, settings.dryRun(),
                settings.skipExisting()));
    }
}
