package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MiB tarball publishes from a JVM limited to 96 MB of heap: the body (about 140 MB of JSON) can only fit
 * if it is streamed from the file.
 */
class StreamingPublishMemoryTest {
    private static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void hundredMegabyteTarballWithSmallHeap() throws Exception {
        Path tgz = dir.resolve("big.tgz");
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(tgz)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        try (ScriptedRegistry registry = new ScriptedRegistry()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                    HeapBoundPublish.class.getName(), registry.url("/").toString(), tgz.toString())
                    .redirectErrorStream(true).start();
            String output;
            long start = System.nanoTime();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "publish did not finish");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("100 MiB publish with -Xmx96m: %.1f s%n%s%n", seconds, output);
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("outcome=PUBLISHED"), output);
            assertTrue(output.contains("[info] Uploading big@1.0.0: 50%"), "progress is logged: " + output);
            List<ScriptedRegistry.Received> puts = registry.received.stream()
                    .filter(r -> r.method().equals("PUT")).toList();
            assertEquals(1, puts.size());
            long expected = 4 * ((SIZE + 2) / 3);
            assertTrue(puts.get(0).bodyBytes() > expected, "the whole base64 body arrived: " + puts.get(0).bodyBytes());
            assertEquals(Long.parseLong(puts.get(0).headers().get("Content-length").get(0)), puts.get(0).bodyBytes());
        }
    }
}
