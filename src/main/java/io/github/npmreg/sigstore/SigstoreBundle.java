package io.github.npmreg.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The sigstore bundle v0.3 JSON of a DSSE attestation, in the shape and key order protobuf-specs'
 * {@code Bundle.toJSON} writes for what sigstore-js's {@code attest} builds: the leaf certificate alone (v0.3 has no
 * chain), one transparency-log entry and the envelope. As in proto3 JSON, 64-bit numbers are strings, bytes are
 * base64, and zero or empty values are left out (a {@code logIndex} of 0 has no key).
 */
public final class SigstoreBundle {
    public static final String MEDIA_TYPE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";

    /** Built on first use: a publish without provenance loads this class (for the default URLs) but signs nothing. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private SigstoreBundle() {}

    public static ObjectNode of(byte[] leafCertificateDer, RekorEntry entry, Dsse envelope) {
        Base64.Encoder b64 = Base64.getEncoder();
        HexFormat hex = HexFormat.of();
        ObjectNode bundle = Mapper.JSON.createObjectNode();
        bundle.put("mediaType", MEDIA_TYPE_V03);
        ObjectNode material = bundle.putObject("verificationMaterial");
        material.putObject("certificate").put("rawBytes", b64.encodeToString(leafCertificateDer));
        ObjectNode tlog = material.putArray("tlogEntries").addObject();
        putNonZero(tlog, "logIndex", entry.logIndex());
        tlog.putObject("logId").put("keyId", b64.encodeToString(hex.parseHex(entry.logIdHex())));
        JsonNode body = body(entry);
        ObjectNode kindVersion = tlog.putObject("kindVersion");
        putNonEmpty(kindVersion, "kind", body.path("kind").asText(""));
        putNonEmpty(kindVersion, "version", body.path("apiVersion").asText(""));
        putNonZero(tlog, "integratedTime", entry.integratedTime());
        if (entry.signedEntryTimestamp() != null) {
            tlog.putObject("inclusionPromise").put("signedEntryTimestamp", entry.signedEntryTimestamp());
        }
        RekorEntry.InclusionProof proof = entry.inclusionProof();
        if (proof != null) {
            ObjectNode p = tlog.putObject("inclusionProof");
            putNonZero(p, "logIndex", proof.logIndex());
            if (!proof.rootHashHex().isEmpty()) {
                p.put("rootHash", b64.encodeToString(hex.parseHex(proof.rootHashHex())));
            }
            putNonZero(p, "treeSize", proof.treeSize());
            if (!proof.hashesHex().isEmpty()) {
                ArrayNode hashes = p.putArray("hashes");
                proof.hashesHex().forEach(h -> hashes.add(b64.encodeToString(hex.parseHex(h))));
            }
            ObjectNode checkpoint = p.putObject("checkpoint");
            putNonEmpty(checkpoint, "envelope", proof.checkpoint() == null ? "" : proof.checkpoint());
        }
        putNonEmpty(tlog, "canonicalizedBody", entry.bodyBase64());
        material.putObject("timestampVerificationData");
        bundle.set("dsseEnvelope", envelope.toJson());
        return bundle;
    }

    /** The DSSE payload of a bundle, decoded, or {@code null} when the bundle has none. */
    public static byte[] dssePayload(JsonNode bundle) {
        JsonNode payload = bundle == null ? null : bundle.path("dsseEnvelope").path("payload");
        if (payload == null || !payload.isTextual() || payload.asText().isEmpty()) {
            return null;
        }
        return Base64.getDecoder().decode(payload.asText());
    }

    private static JsonNode body(RekorEntry entry) {
        try {
            return Mapper.JSON.readTree(new String(Base64.getDecoder().decode(entry.bodyBase64()), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return Mapper.JSON.createObjectNode();
        }
    }

    private static void putNonZero(ObjectNode node, String key, long value) {
        if (value != 0) {
            node.put(key, Long.toString(value));
        }
    }

    private static void putNonEmpty(ObjectNode node, String key, String value) {
        if (!value.isEmpty()) {
            node.put(key, value);
        }
    }
}
