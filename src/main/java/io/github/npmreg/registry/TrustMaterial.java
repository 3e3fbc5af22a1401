package io.github.npmreg.registry;

import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The TLS context: the JVM's trusted CAs, plus the certificates of an extra PEM file (npm's {@code cafile}). */
final class TrustMaterial {
    private TrustMaterial() {}

    static SSLContext sslContext(Path extraCaPem) {
        try {
            X509TrustManager jvm = trustManager(null);
            X509TrustManager trust = jvm;
            if (extraCaPem != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (Certificate c : readPem(extraCaPem)) {
                    store.setCertificateEntry("npmreg-extra-" + i++, c);
                }
                trust = new Either(jvm, trustManager(store));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new NpmregException("Cannot set up TLS with the CA file " + extraCaPem + " (npmreg.caFile): its"
                    + " certificates cannot be used as trust anchors", PEM_FIX, e);
        }
    }

    private static final String PEM_FIX = "npmreg.caFile (<caFile>) must be a readable PEM file of the registry's CA"
            + " certificate(s): text with one or more '-----BEGIN CERTIFICATE-----' ... '-----END CERTIFICATE-----'"
            + " blocks (convert a DER file with: openssl x509 -inform der -in ca.der -out ca.pem)";

    /** The certificates of a PEM file; every way the file can be wrong is named with the file and what it must be. */
    private static Collection<? extends Certificate> readPem(Path pem) throws IOException, CertificateException {
        String file = "The CA file " + pem.toAbsolutePath() + " (npmreg.caFile)";
        if (Files.isDirectory(pem)) {
            throw new NpmregException(file + " is a directory, not a file", PEM_FIX);
        }
        if (!Files.exists(pem)) {
            throw new NpmregException(file + " does not exist", PEM_FIX);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pem);
        } catch (IOException e) {
            throw new NpmregException(file + " cannot be read by the user running the build", PEM_FIX);
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (bytes.length == 0) {
            throw new NpmregException(file + " is empty", PEM_FIX);
        }
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            String what = text.contains("PRIVATE KEY-----") ? "holds a private key, not a certificate"
                    : bytes[0] == 0x30 ? "looks like a binary (DER) certificate, not PEM text"
                    : text.contains("-----BEGIN ") ? "holds a PEM block that is not a certificate"
                    : "is not a PEM file (no '-----BEGIN CERTIFICATE-----' line)";
            throw new NpmregException(file + " " + what, PEM_FIX);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new NpmregException(file + " holds no certificate", PEM_FIX);
            }
            return certs;
        } catch (CertificateException | RuntimeException e) {
            throw new NpmregException(file + " has a certificate block that cannot be decoded (damaged base64 or"
                    + " a truncated block)", PEM_FIX);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    /** Trusts a server when either the JVM's CAs or the extra ones do. */
    private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}
