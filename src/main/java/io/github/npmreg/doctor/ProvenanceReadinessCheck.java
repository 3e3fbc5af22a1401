package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.gitlab.IdTokenClaims;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.provenance.ProvenanceCheck;
import io.github.npmreg.provenance.ProvenanceMode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Provenance before the release: when npm would sign (provenance=true, or its automatic rule under trusted
 * publishing), the SIGSTORE_ID_TOKEN's audience and expiry, the runner and GitLab instance npmjs.org accepts,
 * package.json's repository.url against CI_PROJECT_URL, and, when the network is used, the package's visibility.
 * The same rules as publish ({@link ProvenanceCheck}); a missing SIGSTORE_ID_TOKEN is {@link CiCheck}'s finding.
 */
final class ProvenanceReadinessCheck implements Check {
    @Override
    public String id() {
        return "provenance";
    }

    @Override
    public String title() {
        return "provenance";
    }

    @Override
    public Category category() {
        return Category.LOCAL;
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        DoctorContext.ProvenanceSetup setup = context.provenanceSetup();
        Map<String, String> env = context.environment();
        if (setup.file()) {
            return List.of(Finding.skipped(this, "provenanceFile attaches a bundle made elsewhere; publish checks"
                    + " its subject against the tarball"));
        }
        if (setup.mode() == ProvenanceMode.FALSE) {
            return List.of(Finding.skipped(this, "provenance=false"));
        }
        if (setup.mode() == ProvenanceMode.AUTO) {
            String off = automaticOff(context);
            if (off != null) {
                return List.of(Finding.skipped(this, "not made: " + off + " (npm's automatic rule)"));
            }
        }
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        if (registry == null) {
            return List.of(Finding.skipped(this, "no usable registry URL"));
        }
        List<Finding> findings = new ArrayList<>();
        for (ProvenanceCheck.Problem p : ProvenanceCheck.check(new ProvenanceCheck.Context(env, registry,
                repositoryUrl(context.manifest()), setup.publicFulcio(), context.clock().instant()))) {
            FindingKind kind = switch (p.issue()) {
                case NOT_GITLAB_CI -> FindingKind.PROVENANCE_NOT_GITLAB_CI;
                case NO_SIGSTORE_TOKEN -> null; // CiCheck reports SIGSTORE_ID_TOKEN_MISSING
                case MALFORMED_TOKEN -> FindingKind.SIGSTORE_ID_TOKEN_UNREADABLE;
                case WRONG_AUDIENCE -> FindingKind.SIGSTORE_ID_TOKEN_AUDIENCE_MISMATCH;
                case EXPIRED_TOKEN -> FindingKind.SIGSTORE_ID_TOKEN_EXPIRED;
                case SELF_HOSTED_RUNNER -> FindingKind.PROVENANCE_SELF_HOSTED_RUNNER;
                case NOT_GITLAB_COM -> FindingKind.PROVENANCE_NOT_GITLAB_COM;
                case REPOSITORY_MISSING -> FindingKind.PROVENANCE_REPOSITORY_MISSING;
                case REPOSITORY_MISMATCH -> FindingKind.PROVENANCE_REPOSITORY_MISMATCH;
                case PRIVATE_PACKAGE -> FindingKind.PROVENANCE_PRIVATE_PACKAGE;
            };
            if (kind != null) {
                findings.add(new Finding(kind.id(), p.blocking() ? Status.FAIL : Status.WARN, id(), kind.title(),
                        kind.cause(), p.problem(), p.fix(), kind, kind.falsifies()));
            }
        }
        if (findings.isEmpty() && !"public".equals(setup.access())) {
            Boolean visible = visibility(context, registry);
            if (visible != null && !visible) {
                ProvenanceCheck.Problem p = ProvenanceCheck.privatePackage(name(context), setup.access(),
                        "not public (the registry's visibility answer)");
                findings.add(Finding.of(FindingKind.PROVENANCE_PRIVATE_PACKAGE, id(), p.problem(), p.fix()));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass(this, "provenance " + (setup.mode() == ProvenanceMode.TRUE ? "required"
                    : "on (npm's automatic rule)") + ": SIGSTORE_ID_TOKEN has aud sigstore and is valid,"
                    + " repository.url matches CI_PROJECT_URL " + env.get("CI_PROJECT_URL")));
        }
        return findings;
    }

    /** Why npm's automatic rule leaves provenance off, or {@code null} when it turns it on. */
    private static String automaticOff(DoctorContext context) {
        Map<String, String> env = context.environment();
        if (!context.trustedPublishing()) {
            return "this publish does not use trusted publishing";
        }
        if (!ProvenanceCheck.inGitLabCi(env)) {
            return "not a GitLab CI job";
        }
        try {
            String visibility = IdTokenClaims.decode(env.getOrDefault("NPM_ID_TOKEN", "")).projectVisibility();
            if (!"public".equals(visibility)) {
                return "NPM_ID_TOKEN claim project_visibility is " + visibility;
            }
        } catch (NpmregException e) {
            return "NPM_ID_TOKEN cannot be read";
        }
        String sigstore = env.get(ProvenanceCheck.SIGSTORE_ID_TOKEN);
        if (sigstore == null || sigstore.isBlank()) {
            return "SIGSTORE_ID_TOKEN is not set (add id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } } for a"
                    + " provenance badge)";
        }
        return null;
    }

    /** The registry's {@code /-/package/<name>/visibility}, or {@code null} when offline or not answered. */
    private static Boolean visibility(DoctorContext context, URI registry) {
        String name = name(context);
        if (context.network() == null || name == null) {
            return null;
        }
        String escaped;
        try {
            escaped = PackageName.parse(name).escapedName();
        } catch (NpmregException e) {
            return null;
        }
        URI url = URI.create(registry.toString().replaceAll("/+$", "") + "/-/package/" + escaped + "/visibility");
        try {
            Network.Answer a = context.network().get(url, context.credentials().authorizationHeader());
            if (a.status() == 404) {
                return false;
            }
            if (a.status() != 200) {
                return null;
            }
            JsonNode body = Json.parse(a.body());
            return body != null && body.path("public").asBoolean(false);
        } catch (IOException e) {
            return null;
        }
    }

    private static String name(DoctorContext context) {
        JsonNode manifest = context.manifest();
        return manifest == null || !manifest.path("name").isTextual() ? null : manifest.get("name").asText();
    }

    private static String repositoryUrl(JsonNode manifest) {
        if (manifest == null) {
            return null;
        }
        JsonNode repository = manifest.get("repository");
        if (repository == null || repository.isNull()) {
            return null;
        }
        return repository.isTextual() ? repository.asText() : repository.path("url").asText(null);
    }
}
