package io.github.npmreg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An in-test sigstore on 127.0.0.1: a Fulcio ({@code POST /api/v2/signingCert}) with its own root and intermediate
 * CA and its own CT log (each certificate carries an embedded SCT), and a Rekor v1 ({@code POST /api/v1/log/entries},
 * {@code dsse} v0.0.1) with its own log key: a signed entry timestamp, an RFC 6962 Merkle tree with inclusion proofs
 * and signed checkpoints. {@link #trustedRoot()} is the TrustedRoot JSON that sigstore-js verifies against: nothing
 * of it is known to the plugin.
 *
 * <p>What a real service would refuse, this one refuses too: an ID token whose audience is not {@code sigstore} or
 * that has expired (401, Fulcio's message), a proof of possession that does not verify (400), an envelope whose
 * signature does not verify with the certificate (400, Rekor's message). {@link #failNext} injects other answers.
 * Tokens are not signature-checked (the test has no issuer keys); their claims are read as Fulcio reads them.
 */
public final class TestSigstore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    private static final String OID_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    private static final String OID_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";

    /** One request as received. */
    public record Recorded(String method, String path, String body) {}

    private final HttpServer server;
    private final KeyPair rootKey = ecKey();
    private final KeyPair intermediateKey = ecKey();
    private final KeyPair ctLogKey = ecKey();
    private final KeyPair rekorKey = ecKey();
    private final X509Certificate root;
    private final X509Certificate intermediate;
    private final Instant validFrom = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<String, ObjectNode> entries = new TreeMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<int[]> failNext = new AtomicReference<>();
    private final AtomicReference<String> failBody = new AtomicReference<>();
    private final AtomicReference<String> failPath = new AtomicReference<>();

    private TestSigstore(int port) throws IOException {
        try {
            root = certificate(new X500Name("O=npmreg-test,CN=npmreg-test sigstore root"), rootKey.getPublic(),
                    new X500Name("O=npmreg-test,CN=npmreg-test sigstore root"), rootKey, true, null);
            intermediate = certificate(new X500Name("O=npmreg-test,CN=npmreg-test sigstore intermediate"),
                    intermediateKey.getPublic(), new X500Name("O=npmreg-test,CN=npmreg-test sigstore root"), rootKey,
                    true, rootKey.getPublic());
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
        // Entries of other people, so the plugin's entry is not at index 0 and its inclusion proof has hashes.
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 5; i++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestSigstore start() {
        return start(0);
    }

    /** On {@code port} (0: any free one). */
    public static TestSigstore start(int port) {
        try {
            return new TestSigstore(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The next request to {@code pathPrefix} (e.g. {@code /api/v1/log/entries}) is answered with these. */
    public void failNext(String pathPrefix, int status, int times, String body) {
        failPath.set(pathPrefix);
        failBody.set(body);
        failNext.set(new int[] {status, times});
    }

    /** The log's public key id: sha256 of its SubjectPublicKeyInfo. */
    public byte[] rekorLogId() {
        return sha256(rekorKey.getPublic().getEncoded());
    }

    /**
     * The TrustedRoot JSON (protobuf-specs {@code dev.sigstore.trustroot.v1.TrustedRoot}) of this sigstore: the CA
     * chain, the Rekor log key and the CT log key.
     */
    public ObjectNode trustedRoot() {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode rootJson = JSON.createObjectNode();
        rootJson.put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
        rootJson.putArray("tlogs").add(log(url().toString(), rekorKey.getPublic()));
        ObjectNode ca = rootJson.putArray("certificateAuthorities").addObject();
        ca.putObject("subject").put("organization", "npmreg-test").put("commonName", "npmreg-test sigstore");
        ca.put("uri", url().toString());
        ArrayNode chain = ca.putObject("certChain").putArray("certificates");
        try {
            chain.addObject().put("rawBytes", b64.encodeToString(intermediate.getEncoded()));
            chain.addObject().put("rawBytes", b64.encodeToString(root.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ca.putObject("validFor").put("start", validFrom.toString());
        rootJson.putArray("ctlogs").add(log(url() + "/ct", ctLogKey.getPublic()));
        rootJson.putArray("timestampAuthorities");
        return rootJson;
    }

    private ObjectNode log(String baseUrl, PublicKey key) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode log = JSON.createObjectNode();
        log.put("baseUrl", baseUrl);
        log.put("hashAlgorithm", "SHA2_256");
        ObjectNode pk = log.putObject("publicKey");
        pk.put("rawBytes", b64.encodeToString(key.getEncoded()));
        pk.put("keyDetails", "PKIX_ECDSA_P256_SHA_256");
        pk.putObject("validFor").put("start", validFrom.toString());
        log.putObject("logId").put("keyId", b64.encodeToString(sha256(key.getEncoded())));
        return log;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---------------------------------------------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().toString(), body));
        try {
            int[] fail = failNext.get();
            if (fail != null && path.startsWith(failPath.get())) {
                if (--fail[1] <= 0) {
                    failNext.set(null);
                }
                send(ex, fail[0], failBody.get());
                return;
            }
            if (ex.getRequestMethod().equals("POST") && path.equals("/api/v2/signingCert")) {
                signingCert(ex, JSON.readTree(body));
            } else if (ex.getRequestMethod().equals("POST") && path.equals("/api/v1/log/entries")) {
                createEntry(ex, JSON.readTree(body));
            } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/api/v1/log/entries/")) {
                ObjectNode entry = entries.get(path.substring("/api/v1/log/entries/".length()));
                if (entry == null) {
                    send(ex, 404, "{\"code\":404,\"message\":\"entry not found\"}");
                } else {
                    send(ex, 200, entry.toString());
                }
            } else {
                send(ex, 404, "{\"code\":404,\"message\":\"path " + path + " not found\"}");
            }
        } catch (RuntimeException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            send(ex, 500, "{\"code\":500,\"message\":" + JSON.writeValueAsString(String.valueOf(e)) + "}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        JsonAnswers.send(ex, status, body);
    }

    // -------------------------------------------------------------------------------------------------- Fulcio

    private void signingCert(HttpExchange ex, JsonNode request) throws IOException, GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        String token = request.path("credentials").path("oidcIdentityToken").asText("");
        JsonNode claims = claims(token);
        if (claims == null || !audience(claims).contains("sigstore") || !claims.path("exp").canConvertToLong()
                || claims.get("exp").asLong() <= Instant.now().getEpochSecond()) {
            send(ex, 401, "{\"code\":16,\"message\":\"There was an error processing the identity token\",\"details\":[]}");
            return;
        }
        PublicKey key = parsePublicKey(request.path("publicKeyRequest").path("publicKey").path("content").asText(""));
        byte[] proof = Base64.getDecoder().decode(request.path("publicKeyRequest").path("proofOfPossession").asText(""));
        if (key == null || !verify(key, claims.path("sub").asText("").getBytes(StandardCharsets.UTF_8), proof)) {
            send(ex, 400, "{\"code\":3,\"message\":\"The signature supplied in the request could not be verified\"}");
            return;
        }
        X509Certificate leaf = leaf(key, claims);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode certs = answer.putObject("signedCertificateEmbeddedSct").putObject("chain").putArray("certificates");
        certs.add(pem(leaf.getEncoded()));
        certs.add(pem(intermediate.getEncoded()));
        certs.add(pem(root.getEncoded()));
        send(ex, 201, answer.toString());
    }

    /** The leaf Fulcio issues for a GitLab CI token: SAN https://{ci_config_ref_uri}, issuer extensions, an SCT. */
    private X509Certificate leaf(PublicKey key, JsonNode claims) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name issuer = new X500Name("O=npmreg-test,CN=npmreg-test sigstore intermediate");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minusSeconds(5)), Date.from(now.plus(10, ChronoUnit.MINUTES)), new X500Name(new RDN[0]),
                key);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        b.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(intermediateKey.getPublic()));
        String san = "https://" + claims.path("ci_config_ref_uri").asText(claims.path("sub").asText());
        b.addExtension(Extension.subjectAlternativeName, true,
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, san)));
        String iss = claims.path("iss").asText("");
        b.addExtension(new ASN1ObjectIdentifier(OID_ISSUER_V1), false, iss.getBytes(StandardCharsets.US_ASCII));
        b.addExtension(new ASN1ObjectIdentifier(OID_ISSUER_V2), false, new DERUTF8String(iss));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(intermediateKey.getPrivate());
        // The SCT signs the certificate as it is without the SCT extension (RFC 6962 3.2, precert entry).
        byte[] tbs = b.build(signer).toASN1Structure().getTBSCertificate().getEncoded();
        b.addExtension(new ASN1ObjectIdentifier(OID_SCT_LIST), false, new DEROctetString(sctList(tbs, now)));
        return toX509(b.build(signer));
    }

    private byte[] sctList(byte[] tbs, Instant now) throws GeneralSecurityException {
        long timestamp = now.toEpochMilli();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0); // v1
        signed.write(0); // certificate_timestamp
        signed.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        signed.writeBytes(new byte[] {0, 1}); // precert_entry
        signed.writeBytes(sha256(intermediateKey.getPublic().getEncoded()));
        signed.writeBytes(new byte[] {(byte) (tbs.length >> 16), (byte) (tbs.length >> 8), (byte) tbs.length});
        signed.writeBytes(tbs);
        signed.writeBytes(new byte[] {0, 0}); // no extensions
        byte[] signature = sign(ctLogKey.getPrivate(), signed.toByteArray());
        ByteArrayOutputStream sct = new ByteArrayOutputStream();
        sct.write(0);
        sct.writeBytes(sha256(ctLogKey.getPublic().getEncoded()));
        sct.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        sct.writeBytes(new byte[] {0, 0});
        sct.write(4); // sha256
        sct.write(3); // ecdsa
        sct.writeBytes(new byte[] {(byte) (signature.length >> 8), (byte) signature.length});
        sct.writeBytes(signature);
        byte[] one = sct.toByteArray();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        int total = one.length + 2;
        list.writeBytes(new byte[] {(byte) (total >> 8), (byte) total, (byte) (one.length >> 8), (byte) one.length});
        list.writeBytes(one);
        return list.toByteArray();
    }

    // --------------------------------------------------------------------------------------------------- Rekor

    private synchronized void createEntry(HttpExchange ex, JsonNode proposed) throws IOException,
            GeneralSecurityException {
        if (!"dsse".equals(proposed.path("kind").asText()) || !"0.0.1".equals(proposed.path("apiVersion").asText())) {
            send(ex, 400, "{\"code\":400,\"message\":\"this test Rekor accepts dsse v0.0.1 entries only\"}");
            return;
        }
        JsonNode content = proposed.path("spec").path("proposedContent");
        String envelopeText = content.path("envelope").asText();
        JsonNode envelope = JSON.readTree(envelopeText);
        String verifierB64 = content.path("verifiers").path(0).asText();
        String verifierPem = new String(Base64.getDecoder().decode(verifierB64), StandardCharsets.UTF_8);
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(verifierPem.getBytes(StandardCharsets.US_ASCII)));
        byte[] payload = Base64.getDecoder().decode(envelope.path("payload").asText());
        String sigB64 = envelope.path("signatures").path(0).path("sig").asText();
        byte[] pae = io.github.npmreg.sigstore.Dsse.pae(envelope.path("payloadType").asText(), payload);
        if (!verify(cert.getPublicKey(), pae, Base64.getDecoder().decode(sigB64))) {
            send(ex, 400, "{\"code\":400,\"message\":\"verifying signature: invalid signature when validating ASN.1"
                    + " encoded signature\"}");
            return;
        }
        HexFormat hex = HexFormat.of();
        // Rekor's canonical form: sorted keys, no whitespace (json canonicalization, RFC 8785).
        String canonical = "{\"apiVersion\":\"0.0.1\",\"kind\":\"dsse\",\"spec\":{\"envelopeHash\":{\"algorithm\":"
                + "\"sha256\",\"value\":\"" + hex.formatHex(sha256(envelopeText.getBytes(StandardCharsets.UTF_8)))
                + "\"},\"payloadHash\":{\"algorithm\":\"sha256\",\"value\":\"" + hex.formatHex(sha256(payload))
                + "\"},\"signatures\":[{\"signature\":\"" + sigB64 + "\",\"verifier\":\"" + verifierB64 + "\"}]}}";
        byte[] body = canonical.getBytes(StandardCharsets.UTF_8);
        String uuid = hex.formatHex(sha256(body));
        if (entries.containsKey(uuid)) {
            ex.getResponseHeaders().set("Location", "/api/v1/log/entries/" + uuid);
            send(ex, 409, "{\"code\":409,\"message\":\"an equivalent entry already exists in the transparency log\"}");
            return;
        }
        long index = leaves.size();
        leaves.add(body);
        long integratedTime = Instant.now().getEpochSecond();
        String logId = hex.formatHex(rekorLogId());
        String bodyB64 = Base64.getEncoder().encodeToString(body);
        String setPayload = "{\"body\":\"" + bodyB64 + "\",\"integratedTime\":" + integratedTime + ",\"logID\":\""
                + logId + "\",\"logIndex\":" + index + "}";
        String set = Base64.getEncoder().encodeToString(sign(rekorKey.getPrivate(),
                setPayload.getBytes(StandardCharsets.UTF_8)));
        int size = leaves.size();
        byte[] rootHash = merkleRoot(0, size);
        String origin = url().getAuthority() + " - 4242";
        String note = origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
        byte[] noteSig = sign(rekorKey.getPrivate(), note.getBytes(StandardCharsets.UTF_8));
        byte[] hinted = new byte[4 + noteSig.length];
        System.arraycopy(rekorLogId(), 0, hinted, 0, 4);
        System.arraycopy(noteSig, 0, hinted, 4, noteSig.length);
        String checkpoint = note + "\n\u2014 " + url().getAuthority() + " " + Base64.getEncoder().encodeToString(hinted)
                + "\n";
        ObjectNode entry = JSON.createObjectNode();
        ObjectNode e = entry.putObject(uuid);
        e.put("body", bodyB64);
        e.put("integratedTime", integratedTime);
        e.put("logID", logId);
        e.put("logIndex", index);
        ObjectNode verification = e.putObject("verification");
        ObjectNode proof = verification.putObject("inclusionProof");
        proof.put("checkpoint", checkpoint);
        ArrayNode hashes = proof.putArray("hashes");
        for (byte[] h : auditPath((int) index, 0, size)) {
            hashes.add(hex.formatHex(h));
        }
        proof.put("logIndex", index);
        proof.put("rootHash", hex.formatHex(rootHash));
        proof.put("treeSize", size);
        verification.put("signedEntryTimestamp", set);
        entries.put(uuid, entry);
        ex.getResponseHeaders().set("Location", "/api/v1/log/entries/" + uuid);
        send(ex, 201, entry.toString());
    }

    /** RFC 6962 MTH over leaves [from, to). */
    private byte[] merkleRoot(int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHash(leaves.get(from));
        }
        int k = Integer.highestOneBit(n - 1);
        return nodeHash(merkleRoot(from, from + k), merkleRoot(from + k, to));
    }

    /** RFC 6962 PATH(m, D[from:to]), leaf to root. */
    private List<byte[]> auditPath(int m, int from, int to) {
        int n = to - from;
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path.addAll(auditPath(m, from, from + k));
            path.add(merkleRoot(from + k, to));
        } else {
            path.addAll(auditPath(m - k, from + k, to));
            path.add(merkleRoot(from, from + k));
        }
        return path;
    }

    private static byte[] leafHash(byte[] leaf) {
        return sha256(new byte[] {0}, leaf);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    // --------------------------------------------------------------------------------------------------- crypto

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, KeyPair issuerKey,
            boolean ca, PublicKey authority) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, key);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, authority == null ? new BasicConstraints(1)
                : new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        if (authority != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(authority));
        }
        return toX509(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }

    private static X509Certificate toX509(X509CertificateHolder holder) throws GeneralSecurityException, IOException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    private static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    private static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static PublicKey parsePublicKey(String pem) {
        try {
            String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return java.security.KeyFactory.getInstance("EC")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1].replaceAll("=+$", "")));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> out = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        } else if (aud.isTextual()) {
            out.add(aud.asText());
        }
        return out;
    }
}
