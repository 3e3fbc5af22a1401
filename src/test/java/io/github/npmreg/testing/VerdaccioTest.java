package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The launcher the invoker ITs use: start writes registry.properties with working tokens, stop ends the server. */
class VerdaccioTest {
    @Test
    void mainStartsAndStops() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("npmreg.buildDir", "target"),
                "registry-tests", "launcher-" + System.nanoTime()));
        Verdaccio.main(new String[] {"start", dir.toString()});
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("registry.properties"))) {
            p.load(in);
        }
        long pid = Long.parseLong(p.getProperty("pid"));
        try {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server running");
            String url = p.getProperty("url");
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/"), url);
            assertEquals("ci", p.getProperty("user"));
            String ping = NpmCli.run(dir, "ping", "--registry", url).orFail("npm ping").stderr();
            assertTrue(ping.contains("PONG"), ping);
            String whoami = NpmCli.run(dir, "whoami", "--registry", url,
                    "--//" + url.substring("http://".length()) + ":_authToken=" + p.getProperty("otherToken"))
                    .orFail("npm whoami").stdout();
            assertEquals("other", whoami.strip());
            String config = Files.readString(dir.resolve("config.yaml"));
            assertTrue(config.contains("max_body_size: 500mb") && config.contains("storage: ./storage"), config);
        } finally {
            Verdaccio.main(new String[] {"stop", dir.toString()});
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server stopped");
    }

    @Test
    void configWithUrlPrefixAndSmallBodyLimit() {
        String config = Verdaccio.config(Verdaccio.Options.defaults().withMaxBodySize("1mb")
                .withUrlPrefix("/api/v4/projects/42/packages/npm/"));
        assertTrue(config.contains("\nmax_body_size: 1mb\n"), config);
        assertTrue(config.contains("\nurl_prefix: /api/v4/projects/42/packages/npm/\n"), config);
    }
}
