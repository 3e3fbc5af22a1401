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
            throw new NpmregException("Cannot set up TLS with the CA file " + extraCaPem + ": " + e.getMessage(),
                    "give a PEM file with one or more '-----BEGIN CERTIFICATE-----' blocks", e);
        }
    }

    private static Collection<? extends Certificate> readPem(Path pem) throws IOException, CertificateException {
        if (!Files.isRegularFile(pem)) {
            throw new NpmregException("The CA file " + pem + " does not exist",
                    "point npmreg.caFile (or .npmrc cafile) at an existing PEM file");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new NpmregException("The CA file " + pem + " holds no certificate",
                        "give a PEM file with one or more '-----BEGIN CERTIFICATE-----' blocks");
            }
            return certs;
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
