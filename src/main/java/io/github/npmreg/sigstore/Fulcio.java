package io.github.npmreg.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.Redaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Fulcio's v2 API: {@code POST <fulcio>/api/v2/signingCert} with the OIDC ID token and the public key, proven by a
 * signature over the token's subject ({@code @sigstore/sign} {@code signer/fulcio/ca.js}). The answer is the
 * certificate chain, leaf first, with the SCT embedded ({@code signedCertificateEmbeddedSct}) or beside it
 * ({@code signedCertificateDetachedSct}).
 */
public final class Fulcio {
    /** The public-good instance. */
    public static final URI PUBLIC = URI.create("https://fulcio.sigstore.dev");

    /** Built on first use: a publish without provenance loads this class (for the default URLs) but signs nothing. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** The certificate chain Fulcio issued: PEM texts as Fulcio sent them, and the parsed leaf. */
    public record Chain(List<String> pems, X509Certificate leaf) {
        public Chain {
            pems = List.copyOf(pems);
        }

        public String leafPem() {
            return pems.get(0);
        }
    }

    private final SigstoreHttp http;
    private final URI base;

    Fulcio(SigstoreHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    public URI url() {
        return URI.create(trimSlash(base.toString()) + "/api/v2/signingCert");
    }

    /**
     * @param idToken           the raw ID token (a secret: it is only sent, never shown)
     * @param publicKeyPem      the ephemeral public key
     * @param proofOfPossession the ephemeral key's signature over the token's subject
     * @throws SigstoreException when Fulcio refuses, cannot be reached or answers without a certificate
     */
    public Chain signingCertificate(String idToken, String publicKeyPem, byte[] proofOfPossession) {
        ObjectNode request = Mapper.JSON.createObjectNode();
        request.putObject("credentials").put("oidcIdentityToken", idToken);
        ObjectNode keyRequest = request.putObject("publicKeyRequest");
        keyRequest.putObject("publicKey").put("algorithm", "ECDSA").put("content", publicKeyPem);
        keyRequest.put("proofOfPossession", Base64.getEncoder().encodeToString(proofOfPossession));
        URI url = url();
        SigstoreHttp.Answer answer = http.post(SigstoreException.Service.FULCIO, url, request.toString(),
                List.of(idToken));
        if (!answer.ok()) {
            throw new SigstoreException(SigstoreException.Service.FULCIO, answer.status(),
                    "Fulcio refused the signing certificate: POST " + url + " answered " + answer.status() + " "
                            + Redaction.redact(message(answer), List.of(idToken)) + ".",
                    null, null);
        }
        JsonNode body = parse(answer.body());
        JsonNode signed = body.has("signedCertificateEmbeddedSct") ? body.get("signedCertificateEmbeddedSct")
                : body.get("signedCertificateDetachedSct");
        JsonNode certificates = signed == null ? null : signed.path("chain").path("certificates");
        if (certificates == null || !certificates.isArray() || certificates.isEmpty()) {
            throw notFulcio(url, answer, "no certificate chain (signedCertificateEmbeddedSct.chain.certificates)");
        }
        List<String> pems = new ArrayList<>();
        certificates.forEach(c -> pems.add(c.asText()));
        X509Certificate leaf;
        try {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pems.get(0).getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw notFulcio(url, answer, "a first certificate that is not a PEM X.509 certificate (" + e.getMessage()
                    + ")");
        }
        return new Chain(pems, leaf);
    }

    /** The server's {@code message} (Fulcio and Rekor answer {@code {"code":…,"message":…}}), else the body. */
    static String message(SigstoreHttp.Answer answer) {
        try {
            JsonNode node = Mapper.JSON.readTree(answer.body());
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        String text = answer.body().strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static String trimSlash(String url) {
        return url.replaceAll("/+$", "");
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Mapper.JSON.readTree(body);
            return node == null ? Mapper.JSON.createObjectNode() : node;
        } catch (IOException e) {
            return Mapper.JSON.createObjectNode();
        }
    }

    private static SigstoreException notFulcio(URI url, SigstoreHttp.Answer answer, String what) {
        return new SigstoreException(SigstoreException.Service.FULCIO, answer.status(), "POST " + url
                + " answered " + answer.status() + " with " + what + ": the URL is not a Fulcio v2 API.",
                "Set fulcioUrl (npmreg.fulcioUrl) to the base URL of a Fulcio instance, e.g. "
                        + PUBLIC + " (the plugin adds /api/v2/signingCert).", null);
    }
}
