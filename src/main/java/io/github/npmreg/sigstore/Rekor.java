package io.github.npmreg.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rekor's v1 API: a {@code dsse} v0.0.1 entry for a DSSE envelope signed with a Fulcio certificate, as
 * {@code @sigstore/sign}'s {@code witness/tlog/entry.js} proposes it: the envelope as JSON text and the certificate
 * PEM, base64-encoded, as the verifier.
 *
 * <p>Unlike sigstore-js (which gives up on a conflict when attesting), a 409 with a {@code Location} is read back:
 * it means an earlier attempt of this very request was logged but its answer was lost, and the entry is ours.
 */
public final class Rekor {
    /** The public-good instance. */
    public static final URI PUBLIC = URI.create("https://rekor.sigstore.dev");

    /** Built on first use: a publish without provenance loads this class (for the default URLs) but signs nothing. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final SigstoreHttp http;
    private final URI base;

    Rekor(SigstoreHttp http, URI base) {
        this.http = http;
        this.base = base;
    }

    public URI entriesUrl() {
        return URI.create(Fulcio.trimSlash(base.toString()) + "/api/v1/log/entries");
    }

    /** The proposed entry, as sent. */
    static ObjectNode proposedDsseEntry(Dsse envelope, String certificatePem) {
        ObjectNode entry = Mapper.JSON.createObjectNode();
        entry.put("apiVersion", "0.0.1");
        entry.put("kind", "dsse");
        ObjectNode content = entry.putObject("spec").putObject("proposedContent");
        content.put("envelope", envelope.toJson().toString());
        content.putArray("verifiers").add(Base64.getEncoder()
                .encodeToString(certificatePem.getBytes(StandardCharsets.UTF_8)));
        return entry;
    }

    /**
     * @throws SigstoreException when Rekor refuses, cannot be reached or answers without an entry
     */
    public RekorEntry createDsseEntry(Dsse envelope, String certificatePem) {
        URI url = entriesUrl();
        SigstoreHttp.Answer answer = http.post(SigstoreException.Service.REKOR, url,
                proposedDsseEntry(envelope, certificatePem).toString(), List.of());
        if (answer.status() == 409 && answer.headers().containsKey("location")) {
            URI existing = url.resolve(answer.headers().get("location"));
            answer = http.get(SigstoreException.Service.REKOR, existing);
            url = existing;
        }
        if (!answer.ok()) {
            throw new SigstoreException(SigstoreException.Service.REKOR, answer.status(),
                    "Rekor refused the log entry: POST " + url + " answered " + answer.status() + " "
                            + Fulcio.message(answer) + ".", null, null);
        }
        return parse(url, answer);
    }

    static RekorEntry parse(URI url, SigstoreHttp.Answer answer) {
        JsonNode root;
        try {
            root = Mapper.JSON.readTree(answer.body());
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || root.size() != 1) {
            throw notRekor(url, answer, "not a JSON object with exactly one entry");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        Map.Entry<String, JsonNode> only = fields.next();
        JsonNode e = only.getValue();
        if (!e.path("body").isTextual() || !e.path("logID").isTextual() || !e.path("logIndex").canConvertToLong()
                || !e.path("integratedTime").canConvertToLong()) {
            throw notRekor(url, answer, "an entry without body, logID, logIndex or integratedTime");
        }
        JsonNode verification = e.path("verification");
        JsonNode set = verification.path("signedEntryTimestamp");
        JsonNode proof = verification.path("inclusionProof");
        RekorEntry.InclusionProof inclusion = null;
        if (proof.isObject()) {
            List<String> hashes = new ArrayList<>();
            proof.path("hashes").forEach(h -> hashes.add(h.asText()));
            inclusion = new RekorEntry.InclusionProof(proof.path("logIndex").asLong(),
                    proof.path("rootHash").asText(), proof.path("treeSize").asLong(), hashes,
                    proof.path("checkpoint").isTextual() ? proof.get("checkpoint").asText() : null);
        }
        return new RekorEntry(only.getKey(), e.get("logIndex").asLong(), e.get("logID").asText(),
                e.get("integratedTime").asLong(), e.get("body").asText(), set.isTextual() ? set.asText() : null,
                inclusion);
    }

    private static SigstoreException notRekor(URI url, SigstoreHttp.Answer answer, String what) {
        return new SigstoreException(SigstoreException.Service.REKOR, answer.status(), url + " answered "
                + answer.status() + " with " + what + ": the URL is not a Rekor v1 API.",
                "Set rekorUrl (npmreg.rekorUrl) to the base URL of a Rekor v1 instance, e.g. " + PUBLIC
                        + " (the plugin adds /api/v1/log/entries).", null);
    }
}
