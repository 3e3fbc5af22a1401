package io.github.npmreg.sigstore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The one-use signing key of a keyless signature: EC P-256, made in memory for one publish and never written
 * anywhere, as sigstore-js's {@code EphemeralSigner}. Signatures are ECDSA with SHA-256 in DER, as Node's
 * {@code crypto.sign('sha256', data, key)} makes them.
 */
public final class EphemeralKey {
    private final KeyPair pair;

    private EphemeralKey(KeyPair pair) {
        this.pair = pair;
    }

    public static EphemeralKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new EphemeralKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys (secp256r1)", e);
        }
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    /** The public key as PEM ({@code SubjectPublicKeyInfo}), the form Fulcio's {@code publicKey.content} takes. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** PEM with 64-character lines and a final newline, as Node's {@code KeyObject.export} writes it. */
    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
