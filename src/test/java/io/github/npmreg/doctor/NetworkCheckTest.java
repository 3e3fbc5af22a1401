package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.npmreg.registry.ProxyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS, TCP and TLS failures, each from a real socket: an unknown host, a closed port, self-signed servers. */
class NetworkCheckTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final NetworkCheck check = new NetworkCheck();
    @TempDir
    static Path certs;
    @TempDir
    Path dir;
    private static HttpsServer localhostCert;
    private static HttpsServer otherNameCert;
    private static KeyStore localhostStore;
    private static KeyStore otherNameStore;

    @BeforeAll
    static void startTlsServers() throws Exception {
        localhostStore = keyStore("localhost", "dns:localhost,ip:127.0.0.1");
        otherNameStore = keyStore("other", "dns:registry.other.example");
        localhostCert = https(localhostStore);
        otherNameCert = https(otherNameStore);
    }

    @AfterAll
    static void stop() {
        localhostCert.stop(0);
        otherNameCert.stop(0);
    }

    /** A self-signed key pair made by the JDK's keytool, as users make them for internal registries. */
    private static KeyStore keyStore(String alias, String san) throws Exception {
        Path file = certs.resolve(alias + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + alias, "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static HttpsServer https(KeyStore store) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A network that also trusts the certificate in {@code store}, given as -Dnpmreg.caFile=ca.pem gives it. */
    private static Network trusting(KeyStore store) throws Exception {
        String alias = store.aliases().nextElement();
        Path pem = certs.resolve(alias + "-ca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(store.getCertificate(alias).getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return Networks.trusting(pem);
    }

    private Finding run(String registry, Network network) {
        return Setup.only(check.run(Setup.hello(dir, registry).network(network).build()));
    }

    @Test
    void reachableRegistryPasses() throws Exception {
        Finding f = run("https://127.0.0.1:" + localhostCert.getAddress().getPort() + "/", trusting(localhostStore));
        assertEquals(Status.PASS, f.status(), f.toString());
        assertTrue(f.evidence().contains("TLS certificate trusted") && f.evidence().contains("direct connection"),
                f.evidence());
    }

    @Test
    void unknownHost() {
        Finding f = run("https://registry.does-not-exist.invalid/", Networks.direct());
        assertEquals(FindingKind.DNS_FAILED.id(), f.id());
    }

    @Test
    void closedPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertEquals(FindingKind.TCP_FAILED.id(), run("http://127.0.0.1:" + port + "/", Networks.direct()).id());
    }

    @Test
    void selfSignedCertificateIsNotTrusted() {
        Finding f = run("https://127.0.0.1:" + localhostCert.getAddress().getPort() + "/", Networks.direct());
        assertEquals(FindingKind.TLS_UNTRUSTED_CERTIFICATE.id(), f.id());
        assertTrue(f.evidence().contains("PKIX"), f.evidence());
        assertTrue(f.fix().contains("-Dnpmreg.caFile=ca.pem"), f.fix());
    }

    @Test
    void certificateForAnotherName() throws Exception {
        Finding f = run("https://127.0.0.1:" + otherNameCert.getAddress().getPort() + "/", trusting(otherNameStore));
        assertEquals(FindingKind.TLS_HOSTNAME_MISMATCH.id(), f.id(), f.toString());
    }

    @Test
    void httpsToAPlainHttpPort() throws Exception {
        // A plain HTTP server answers the TLS ClientHello with an HTTP error, as nginx or Verdaccio do.
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (var socket = plain.accept()) {
                        socket.getInputStream().read(new byte[512]);
                        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            Finding f = run("https://127.0.0.1:" + plain.getLocalPort() + "/", Networks.direct());
            assertEquals(FindingKind.TLS_FAILED.id(), f.id(), f.toString());
        }
    }

    @Test
    void httpsToAServerThatNeverAnswersTheHandshake() throws Exception {
        try (StubRegistry plain = new StubRegistry()) {
            Network impatient = Networks.with(Networks.config(Duration.ofMillis(500)));
            Finding f = run("https://127.0.0.1:" + plain.port() + "/", impatient);
            assertEquals(FindingKind.TLS_FAILED.id(), f.id(), f.toString());
        }
    }

    @Test
    void unreachableProxyIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProxyConfig proxy = new ProxyConfig("127.0.0.1", port, null, null, null);
        Finding f = run("https://registry.npmjs.org/", Networks.via(proxy));
        assertEquals(FindingKind.TCP_FAILED.id(), f.id());
        assertTrue(f.evidence().contains("through proxy 127.0.0.1:" + port), f.evidence());
        assertTrue(f.fix().contains("<proxy> in settings.xml"), f.fix());
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        try (StubRegistry registry = new StubRegistry()) {
            ProxyConfig proxy = new ProxyConfig("proxy.invalid", 3128, null, null, "127.0.0.1|localhost");
            Finding f = run(registry.base() + "/", Networks.via(proxy));
            assertEquals(Status.PASS, f.status(), f.toString());
            assertTrue(f.evidence().contains("direct connection"), f.evidence());
        }
    }

    @Test
    void noNetworkMeansSkipped() {
        DoctorContext context = Setup.hello(dir, "https://registry.npmjs.org/").build();
        Report report = new Doctor(List.of(check)).run(context, Doctor.categoriesFor(false));
        assertEquals(Status.SKIPPED, Setup.only(report.findings()).status());
    }
}
