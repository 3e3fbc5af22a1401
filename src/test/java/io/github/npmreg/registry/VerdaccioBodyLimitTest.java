package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.Verdaccio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A real registry's body size limit (Verdaccio max_body_size) is reported with the tarball's size. */
class VerdaccioBodyLimitTest {
    @Test
    void payloadTooLargeNamesTheSize() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"),
                "registry-tests", "limit-" + System.nanoTime()));
        byte[] bytes = new byte[2_000_000];
        new Random(3).nextBytes(bytes);
        Path tgz = Files.write(work.resolve("big.tgz"), bytes);
        try (Verdaccio v = Verdaccio.start(work.resolve("verdaccio"), Verdaccio.Options.defaults().withMaxBodySize("1mb"));
                RegistryClient client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test", BuildLog.SILENT)
                        .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1)))) {
            Credentials creds = new Credentials.Token(v.addUser("ci", "ci-secret-123"), "test");
            ObjectNode manifest = new ObjectMapper().createObjectNode().put("name", "big").put("version", "1.0.0");
            PublishRequest r = new PublishRequest(v.url(), "big", "big", "1.0.0", manifest, tgz, "sha512-x", "00",
                    "latest", null, null, creds, false, false);
            RegistryException e = assertThrows(RegistryException.class, () -> client.publish(r));
            assertEquals(413, e.status());
            assertEquals("E413", e.npmCode());
            assertTrue(e.problem().contains("The tarball is 2000000 bytes"), e.problem());
            assertTrue(e.problem().contains("request entity too large"), e.problem());
        }
    }
}
