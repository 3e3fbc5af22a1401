package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every slf4j logger at TRACE (what {@code mvn -X} does to httpclient's loggers through Maven's slf4j
 * provider), a publish must not print the token, the Authorization header or the wire bytes.
 */
class HttpClientLoggingTest {
    @TempDir
    Path dir;

    @Test
    void debugLoggingShowsNoHeadersAndNoToken() throws Exception {
        Path tgz = Files.write(dir.resolve("small.tgz"), "tarball-bytes".getBytes(StandardCharsets.UTF_8));
        try (ScriptedRegistry registry = new ScriptedRegistry()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                    "-Dorg.slf4j.simpleLogger.logFile=System.out", "-Dorg.slf4j.simpleLogger.showLogName=true",
                    "-cp", System.getProperty("java.class.path"), HeapBoundPublish.class.getName(),
                    registry.url("/").toString(), tgz.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("org.apache.hc.client5"), "httpclient debug logging must be on: " + output);
            assertFalse(output.contains("t0ken-for-bench"), "token in the log:\n" + output);
            assertFalse(output.toLowerCase(Locale.ROOT).contains("authorization"), "header in the log:\n" + output);
            assertFalse(output.contains("dGFyYmFsbC1ieXRlcw"), "body bytes in the log:\n" + output);
        }
    }
}
