package io.github.npmreg.sigstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.registry.Sleeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.hc.client5.http.classic.HttpClient;

/**
 * sigstore-js's {@code attest(payload, payloadType, {identityToken, fulcioURL, rekorURL})}: a fresh key, a Fulcio
 * certificate for it bound to the ID token's identity, the DSSE signature, the Rekor entry, the bundle. Nothing is
 * cached: each call signs with a new key.
 */
public final class KeylessSigner {
    /** Where to sign: the Fulcio and Rekor base URLs. */
    public record Services(URI fulcio, URI rekor) {
        public static final Services PUBLIC = new Services(Fulcio.PUBLIC, Rekor.PUBLIC);

        public Services {
            Objects.requireNonNull(fulcio, "fulcio");
            Objects.requireNonNull(rekor, "rekor");
        }

        /** Whether Rekor is the public-good log, whose entries search.sigstore.dev shows. */
        public boolean publicRekor() {
            return Fulcio.trimSlash(rekor.toString()).equals(Rekor.PUBLIC.toString());
        }

        /** Where a person can look at the entry: search.sigstore.dev for the public log, else the log's own API. */
        public URI entryUrl(long logIndex) {
            return publicRekor() ? URI.create("https://search.sigstore.dev/?logIndex=" + logIndex)
                    : URI.create(Fulcio.trimSlash(rekor.toString()) + "/api/v1/log/entries?logIndex=" + logIndex);
        }
    }

    /** A signed attestation: the bundle JSON and where it was logged. */
    public record Attestation(ObjectNode bundle, RekorEntry entry, Fulcio.Chain certificate) {}

    private final Fulcio fulcio;
    private final Rekor rekor;

    /**
     * @param http      the build's HTTP client (proxy, trust store, no automatic retries or redirects)
     * @param userAgent sent to both services
     */
    public KeylessSigner(HttpClient http, Services services, Sleeper sleeper, String userAgent) {
        SigstoreHttp client = new SigstoreHttp(http, sleeper, userAgent);
        this.fulcio = new Fulcio(client, services.fulcio());
        this.rekor = new Rekor(client, services.rekor());
    }

    /**
     * The identity the proof of possession signs, as sigstore-js's {@code extractJWTSubject}: the token's
     * {@code email} when present (it must be verified), else its {@code sub}; empty when it has neither or is not a
     * JWT. GitLab's ID tokens carry no {@code email}, so it is their {@code sub}.
     */
    public static java.util.Optional<String> subjectOf(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.strip().split("\\.", -1);
        if (parts.length < 2) {
            return java.util.Optional.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.util.Base64.getUrlDecoder().decode(parts[1].replaceAll("=+$", "")));
            if (claims == null) {
                return java.util.Optional.empty();
            }
            if (claims.hasNonNull("email")) {
                return claims.path("email_verified").asBoolean(false)
                        ? java.util.Optional.of(claims.get("email").asText()) : java.util.Optional.empty();
            }
            return claims.hasNonNull("sub") ? java.util.Optional.of(claims.get("sub").asText())
                    : java.util.Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public URI fulcioUrl() {
        return fulcio.url();
    }

    public URI rekorUrl() {
        return rekor.entriesUrl();
    }

    /**
     * @param idToken the OIDC ID token (audience {@code sigstore}); sent to Fulcio only
     * @param subject the identity Fulcio checks the proof of possession against: the token's {@code email} when
     *                verified, else its {@code sub} (sigstore-js {@code util/oidc.js})
     * @throws SigstoreException when Fulcio or Rekor refuses or cannot be reached
     */
    public Attestation attest(byte[] payload, String payloadType, String idToken, String subject) {
        EphemeralKey key = EphemeralKey.generate();
        byte[] proof = key.sign(subject.getBytes(StandardCharsets.UTF_8));
        Fulcio.Chain chain = fulcio.signingCertificate(idToken, key.publicKeyPem(), proof);
        if (!Arrays.equals(chain.leaf().getPublicKey().getEncoded(), key.publicKey().getEncoded())) {
            throw new SigstoreException(SigstoreException.Service.FULCIO, 200, "Fulcio (" + fulcio.url()
                    + ") issued a certificate for another public key than the one it was sent, so nothing signed"
                    + " with this build's key would verify against it.", "Check fulcioUrl: it must be a Fulcio"
                    + " instance, not a cache or a proxy that answers for it.", null);
        }
        Dsse envelope = Dsse.sign(payloadType, payload, key);
        RekorEntry entry = rekor.createDsseEntry(envelope, chain.leafPem());
        byte[] der;
        try {
            der = chain.leaf().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot re-encode the certificate Fulcio issued", e);
        }
        return new Attestation(SigstoreBundle.of(der, entry, envelope), entry, chain);
    }
}
