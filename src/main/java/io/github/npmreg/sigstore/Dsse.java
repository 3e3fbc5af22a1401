package io.github.npmreg.sigstore;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse) with one signature, as sigstore-js builds it: the
 * signature is over the pre-authentication encoding of the payload type and payload, and the key id is empty (so
 * it is left out of the JSON, as protobuf-specs' {@code Envelope.toJSON} leaves out empty strings).
 *
 * @param payloadType e.g. {@code application/vnd.in-toto+json}
 * @param payload     the signed bytes
 * @param signature   the DER-encoded ECDSA signature over {@link #pae(String, byte[])}
 */
public record Dsse(String payloadType, byte[] payload, byte[] signature) {
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    public Dsse {
        Objects.requireNonNull(payloadType, "payloadType");
        payload = payload.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** {@code "DSSEv1 " + len(type) + " " + type + " " + len(payload) + " " + payload}, lengths in bytes. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Signs {@code payload} with {@code key} and wraps it. */
    public static Dsse sign(String payloadType, byte[] payload, EphemeralKey key) {
        return new Dsse(payloadType, payload, key.sign(pae(payloadType, payload)));
    }

    /** The envelope as protobuf-specs serializes it: {@code {payload, payloadType, signatures: [{sig}]}}. */
    public ObjectNode toJson() {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        Base64.Encoder b64 = Base64.getEncoder();
        if (payload.length > 0) {
            envelope.put("payload", b64.encodeToString(payload));
        }
        if (!payloadType.isEmpty()) {
            envelope.put("payloadType", payloadType);
        }
        envelope.putArray("signatures").addObject().put("sig", b64.encodeToString(signature));
        return envelope;
    }
}
