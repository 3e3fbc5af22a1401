package io.github.npmreg.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.NpmregException;
import io.github.npmreg.sigstore.Dsse;
import io.github.npmreg.sigstore.SigstoreBundle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * {@code --provenance-file}: a sigstore bundle made elsewhere, checked as libnpmpublish's {@code verifyProvenance}
 * checks it (one subject, the package's purl, the tarball's sha512) and attached as {@code JSON.stringify} of it.
 *
 * <p>npm then verifies the bundle against the public sigstore trust root fetched through TUF; the plugin does not
 * fetch a trust root, and instead checks that the envelope's signature verifies with the bundle's own certificate,
 * which catches a bundle whose statement was edited. The registry verifies the rest.
 */
public final class ProvenanceBundleFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvenanceBundleFile() {}

    /** The checked bundle, ready to attach. */
    public static Provenance.Attachment read(Path file, Subject expected, String attachmentName) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw fail(file, "the file does not exist", "Point provenanceFile at the .sigstore bundle to attach.");
        } catch (IOException e) {
            throw fail(file, "Invalid provenance provided: " + e.getMessage().lines().findFirst().orElse(""),
                    "Give a sigstore bundle JSON file (as `cosign attest-blob --bundle` or npm writes it).");
        }
        if (bundle == null || !bundle.isObject()) {
            throw fail(file, "Invalid provenance provided: not a JSON object", "Give a sigstore bundle JSON file.");
        }
        byte[] payload;
        try {
            payload = SigstoreBundle.dssePayload(bundle);
        } catch (IllegalArgumentException e) {
            payload = null;
        }
        if (payload == null) {
            throw fail(file, "No dsseEnvelope with payload found in sigstore bundle",
                    "Give the bundle of a DSSE attestation (an in-toto statement), not of a plain signature.");
        }
        JsonNode statement;
        try {
            statement = JSON.readTree(payload);
        } catch (IOException e) {
            throw fail(file, "Failed to parse payload from dsseEnvelope: " + e.getMessage().lines().findFirst().orElse(""),
                    "Give the bundle of an in-toto statement.");
        }
        JsonNode subjects = statement == null ? null : statement.path("subject");
        if (subjects == null || !subjects.isArray() || subjects.isEmpty()) {
            throw fail(file, "No subject found in sigstore bundle payload", "Sign a statement whose subject is "
                    + expected.name() + ".");
        }
        if (subjects.size() > 1) {
            throw fail(file, "Found more than one subject in the sigstore bundle payload",
                    "Sign a statement with the one subject " + expected.name() + ".");
        }
        JsonNode subject = subjects.get(0);
        String name = subject.path("name").asText(null);
        if (!expected.name().equals(name)) {
            throw fail(file, "Provenance subject " + name + " does not match the package: " + expected.name(),
                    "Attach the bundle made for this package and version.");
        }
        String digest = subject.path("digest").path("sha512").asText(null);
        if (!expected.sha512Hex().equals(digest)) {
            throw fail(file, "Provenance subject digest does not match the package (bundle sha512 " + digest
                    + ", tarball sha512 " + expected.sha512Hex() + ")", "Sign the tarball this build publishes:"
                    + " the bundle was made for other bytes (a rebuild changes them).");
        }
        verifySignature(file, bundle, payload);
        String media = bundle.path("mediaType").asText("");
        return new Provenance.Attachment(attachmentName, media, bundle.toString(), null);
    }

    private static void verifySignature(Path file, JsonNode bundle, byte[] payload) {
        JsonNode material = bundle.path("verificationMaterial");
        JsonNode raw = material.path("certificate").path("rawBytes");
        if (!raw.isTextual()) {
            raw = material.path("x509CertificateChain").path("certificates").path(0).path("rawBytes");
        }
        JsonNode sig = bundle.path("dsseEnvelope").path("signatures").path(0).path("sig");
        if (!raw.isTextual() || !sig.isTextual()) {
            return; // a key-based bundle: nothing here to check it with
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(raw.asText())));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update(Dsse.pae(bundle.path("dsseEnvelope").path("payloadType").asText(""), payload));
            if (verifier.verify(Base64.getDecoder().decode(sig.asText()))) {
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw fail(file, "its signature cannot be checked: " + e.getMessage(), "Give an unmodified sigstore"
                    + " bundle signed with an EC P-256 certificate.");
        }
        throw fail(file, "the envelope's signature does not verify with the bundle's certificate: the statement or"
                + " the signature was changed after signing", "Attach the bundle exactly as it was made.");
    }

    private static NpmregException fail(Path file, String problem, String fix) {
        return new NpmregException("provenanceFile " + file + ": " + problem + ".", fix);
    }

}
