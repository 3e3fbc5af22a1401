package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry with a certificate from a private CA: refused by default, trusted with the extra CA PEM file. */
class ExtraCaTest {
    @TempDir
    Path dir;

    @Test
    void privateCaIsTrustedOnlyWithTheExtraPem() throws Exception {
        Path keystore = dir.resolve("server.p12");
        run("keytool", "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        Path pem = dir.resolve("ca.pem");
        run("keytool", "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", pem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            URI registry = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
            RegistryClientConfig config = RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT)
                    .withRetries(0, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1));

            try (RegistryClient plain = new RegistryClient(config)) {
                RegistryException e = assertThrows(RegistryException.class,
                        () -> plain.fetch(registry, "pkg", Credentials.none()));
                assertEquals("ECONNECTION", e.npmCode());
                assertTrue(e.problem().startsWith("TLS with 127.0.0.1 failed"), e.problem());
                assertTrue(e.fix().contains("PEM"), e.fix());
            }
            try (RegistryClient trusting = new RegistryClient(config.withExtraCaPem(pem))) {
                assertInstanceOf(PackumentLookup.NotFound.class, trusting.fetch(registry, "pkg", Credentials.none()));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void missingOrEmptyPemIsAUserError() throws Exception {
        RegistryClientConfig config = RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT);
        NpmregException missing = assertThrows(NpmregException.class,
                () -> new RegistryClient(config.withExtraCaPem(dir.resolve("nope.pem"))));
        assertTrue(missing.problem().contains("nope.pem"), missing.problem());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThrows(NpmregException.class, () -> new RegistryClient(config.withExtraCaPem(empty)));
    }

    private static void run(String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(command));
        cmd.set(0, Path.of(System.getProperty("java.home"), "bin", command[0]).toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
    }
}
