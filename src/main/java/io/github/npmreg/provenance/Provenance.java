package io.github.npmreg.provenance;

import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.gitlab.IdTokenClaims;
import io.github.npmreg.sigstore.Dsse;
import io.github.npmreg.sigstore.KeylessSigner;
import io.github.npmreg.sigstore.SigstoreBundle;
import io.github.npmreg.sigstore.SigstoreException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The provenance step of a publish, as libnpmpublish's {@code buildMetadata} runs it: decide whether to sign
 * (npm's automatic rule, {@code provenance=true}, or a {@code provenanceFile}), check what can be checked before
 * anything is sent, sign the GitLab statement with sigstore, and return the {@code .sigstore} attachment.
 */
public final class Provenance {
    /** What the registry says of the package's visibility ({@code GET /-/package/<name>/visibility}). */
    @FunctionalInterface
    public interface Visibility {
        /** {@code true}/{@code false} from the answer; empty when the registry does not know the package (404). */
        Optional<Boolean> isPublic();
    }

    /**
     * One publish's provenance inputs, all plain values.
     *
     * @param integrity         the tarball's {@code sha512-…} integrity
     * @param provenanceFile    a bundle made elsewhere, or {@code null}
     * @param access            the access that is sent ({@code public}, {@code restricted} or {@code null})
     * @param repositoryUrl     {@code repository.url} of the published manifest, or {@code null}
     * @param trustedPublishing an NPM_ID_TOKEN is exchanged for the publish token (npm's automatic rule needs it)
     */
    public record Request(String name, String version, String integrity, Map<String, String> env,
            ProvenanceMode mode, Path provenanceFile, String access, URI registry, String repositoryUrl,
            boolean trustedPublishing, KeylessSigner.Services services, boolean dryRun, Instant now) {
        public Request {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(integrity, "integrity");
            env = Map.copyOf(env);
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(now, "now");
        }

        public Subject subject() {
            return Subject.of(name, version, Subject.sha512Hex(integrity));
        }

        /** {@code <name>-<version>.sigstore}, the attachment key npm uses. */
        public String attachmentName() {
            return name + "-" + version + ".sigstore";
        }

        ProvenanceCheck.Context checkContext() {
            return new ProvenanceCheck.Context(env, registry, repositoryUrl,
                    services.fulcio().toString().replaceAll("/+$", "").equals(KeylessSigner.Services.PUBLIC.fulcio()
                            .toString()), now);
        }
    }

    /**
     * The {@code _attachments["<name>-<version>.sigstore"]} entry: {@code {content_type, data, length}} with the
     * bundle's JSON text as data (not base64) and its JavaScript string length.
     *
     * @param entryUrl where the Rekor entry can be seen, or {@code null} for an attached file
     */
    public record Attachment(String fileName, String contentType, String data, URI entryUrl) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(data, "data");
        }

        /** {@code serializedBundle.length}: UTF-16 code units, as Java's {@link String#length()}. */
        public int length() {
            return data.length();
        }
    }

    private final BuildLog log;

    public Provenance(BuildLog log) {
        this.log = log;
    }

    /**
     * @param visibility    asked only when npm's rules ask the registry
     * @param versionExists asked right before signing: a version the registry already has is not signed (npm
     *                      refuses it before it signs), so no transparency-log entry is made for nothing
     * @param signer        created only when a statement is actually signed
     * @return the attachment, or empty when there is no provenance for this publish (or it is a dry run)
     * @throws NpmregException when provenance is asked for and cannot be made, with the cause and the fix
     */
    public Optional<Attachment> prepare(Request r, Visibility visibility, java.util.function.BooleanSupplier versionExists,
            Supplier<KeylessSigner> signer) {
        if (r.provenanceFile() != null && r.mode() == ProvenanceMode.TRUE) {
            throw new NpmregException("provenance and provenanceFile cannot be used together (npm: EUSAGE):"
                    + " provenance=true signs a new statement, provenanceFile attaches " + r.provenanceFile() + ".",
                    "Keep one: remove <provenance>true</provenance> (-Dnpmreg.provenance) to attach the file, or"
                            + " remove provenanceFile to sign in this job.");
        }
        if (r.provenanceFile() != null) {
            Attachment file = ProvenanceBundleFile.read(r.provenanceFile(), r.subject(), r.attachmentName());
            log.info("Provenance: attaching " + r.provenanceFile() + " as " + r.attachmentName() + " (subject "
                    + r.subject().name() + " matches the tarball)");
            return Optional.of(file);
        }
        if (r.mode() == ProvenanceMode.FALSE) {
            return Optional.empty();
        }
        boolean visibilityKnownPublic = false;
        if (r.mode() == ProvenanceMode.AUTO) {
            Optional<String> off = automaticRuleSaysOff(r);
            if (off.isEmpty()) {
                Optional<Boolean> pub = visibility.isPublic();
                if (!pub.orElse(false)) {
                    off = Optional.of(r.name() + " is " + (pub.isEmpty() ? "not yet in the registry" : "not public")
                            + " (GET /-/package/<name>/visibility)");
                } else {
                    visibilityKnownPublic = true;
                }
            }
            if (off.isPresent()) {
                if (r.trustedPublishing()) {
                    log.info("Provenance: off (npm's automatic rule under trusted publishing: " + off.get()
                            + "); set provenance=true to require it");
                }
                return Optional.empty();
            }
            log.info("Provenance: on (trusted publishing, public project and package, SIGSTORE_ID_TOKEN set:"
                    + " npm's automatic rule)");
        }
        List<ProvenanceCheck.Problem> problems = ProvenanceCheck.check(r.checkContext());
        for (ProvenanceCheck.Problem p : problems) {
            if (p.blocking()) {
                throw p.toException();
            }
        }
        for (ProvenanceCheck.Problem p : problems) {
            log.warn("Provenance: " + p.problem() + " Fix: " + p.fix());
        }
        if (!visibilityKnownPublic && !"public".equals(r.access())) {
            Optional<Boolean> pub = visibility.isPublic();
            if (!pub.orElse(false)) {
                throw ProvenanceCheck.privatePackage(r.name(), r.access(), pub.isEmpty()
                        ? "not in the registry yet (visibility 404: a new package)" : "not public (visibility"
                                + " {\"public\":false})").toException();
            }
        }
        var statement = GitLabStatement.build(List.of(r.subject()), r.env());
        byte[] payload = GitLabStatement.payload(statement);
        if (r.dryRun()) {
            log.info("Dry run: provenance statement that would be signed (" + payload.length + " bytes, "
                    + Dsse.IN_TOTO_PAYLOAD_TYPE + "):");
            GitLabStatement.pretty(statement).lines().forEach(line -> log.info("  " + line));
            log.info("Dry run: nothing sent to Fulcio (" + r.services().fulcio() + ") or logged in Rekor ("
                    + r.services().rekor() + "); the publish would attach " + r.attachmentName());
            return Optional.empty();
        }
        if (versionExists.getAsBoolean()) {
            log.info("Provenance: not signed, " + r.name() + "@" + r.version() + " is already in the registry");
            return Optional.empty();
        }
        String token = r.env().get(ProvenanceCheck.SIGSTORE_ID_TOKEN).strip();
        IdTokenClaims claims = IdTokenClaims.decode(token, ProvenanceCheck.SIGSTORE_ID_TOKEN,
                "id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }");
        Optional<String> subject = KeylessSigner.subjectOf(token);
        if (subject.isEmpty()) {
            throw new NpmregException("SIGSTORE_ID_TOKEN has no sub claim (or an unverified email), which Fulcio"
                    + " needs as the identity to certify.", ProvenanceCheck.ID_TOKENS_FIX);
        }
        KeylessSigner.Attestation attestation;
        KeylessSigner s = signer.get();
        try {
            attestation = s.attest(payload, Dsse.IN_TOTO_PAYLOAD_TYPE, token, subject.get());
        } catch (SigstoreException e) {
            throw explain(e, claims, r);
        }
        log.info("Signed provenance statement with source and build information from GitLab CI/CD (certificate"
                + " from " + r.services().fulcio() + ")");
        URI entryUrl = r.services().entryUrl(attestation.entry().logIndex());
        log.info("Provenance statement published to transparency log: " + entryUrl);
        return Optional.of(new Attachment(r.attachmentName(), SigstoreBundle.MEDIA_TYPE_V03,
                attestation.bundle().toString(), entryUrl));
    }

    /** Why npm's automatic rule leaves provenance off, or empty when everything but the visibility holds. */
    private static Optional<String> automaticRuleSaysOff(Request r) {
        if (!r.trustedPublishing()) {
            return Optional.of("no trusted publishing");
        }
        if (!ProvenanceCheck.inGitLabCi(r.env())) {
            return Optional.of("not in GitLab CI");
        }
        String npmToken = r.env().get("NPM_ID_TOKEN");
        String visibility;
        try {
            visibility = IdTokenClaims.decode(npmToken).projectVisibility();
        } catch (NpmregException e) {
            return Optional.of("NPM_ID_TOKEN cannot be read");
        }
        if (!"public".equals(visibility)) {
            return Optional.of("NPM_ID_TOKEN claim project_visibility is "
                    + (visibility == null ? "missing" : visibility) + ", not public");
        }
        String sigstore = r.env().get(ProvenanceCheck.SIGSTORE_ID_TOKEN);
        if (sigstore == null || sigstore.isEmpty()) {
            return Optional.of("SIGSTORE_ID_TOKEN is not set; add id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }"
                    + " to the job");
        }
        return Optional.empty();
    }

    /** A sigstore refusal, with what the token presents and the fix for its likely cause. */
    private static NpmregException explain(SigstoreException e, IdTokenClaims claims, Request r) {
        if (e.service() == SigstoreException.Service.FULCIO && e.status() >= 400 && e.status() < 500) {
            boolean audienceWrong = !claims.hasAudience(ProvenanceCheck.SIGSTORE_AUDIENCE);
            boolean expired = claims.expiredAt(r.now());
            String evidence = " SIGSTORE_ID_TOKEN presents: iss " + claims.issuer() + ", aud "
                    + String.join(", ", claims.audience()) + (audienceWrong ? " (Fulcio wants sigstore)" : "")
                    + ", exp " + claims.expiresAt() + (expired ? " (expired "
                            + Duration.between(claims.expiresAt(), r.now()).toSeconds() + " s ago)" : "")
                    + ", sub " + claims.subject() + ".";
            String fix;
            if (audienceWrong) {
                fix = "In .gitlab-ci.yml set id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } } on the publish job.";
            } else if (expired) {
                fix = "Set a longer timeout on the publish job, or publish earlier in it: the ID token expires with"
                        + " the job timeout.";
            } else {
                fix = "Fulcio at " + r.services().fulcio() + " must trust the token's issuer " + claims.issuer()
                        + " (the public Fulcio trusts https://gitlab.com); for a self-managed GitLab use a sigstore"
                        + " deployment that trusts it (fulcioUrl, rekorUrl), or set provenance=false.";
            }
            return new SigstoreException(e.service(), e.status(), e.problem() + evidence, fix, e);
        }
        if (e.fix() != null) {
            return e;
        }
        String status = e.status() >= 500 ? " The service is failing: see https://status.sigstore.dev for the public"
                + " instance." : "";
        return new SigstoreException(e.service(), e.status(), e.problem() + status, "Run the job again; if "
                + e.service().title() + " keeps refusing, check " + (e.service() == SigstoreException.Service.REKOR
                        ? "rekorUrl (" + r.services().rekor() + ")" : "fulcioUrl (" + r.services().fulcio() + ")")
                + ", or publish without provenance (provenance=false).", e);
    }
}
