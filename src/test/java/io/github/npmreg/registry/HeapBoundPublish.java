package io.github.npmreg.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Credentials;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Path;

/**
 * Publishes one tarball and prints the outcome and the peak heap; run in a JVM with a small {@code -Xmx} by
 * {@link StreamingPublishMemoryTest} to show the body is streamed, not built in memory.
 * Usage: {@code HeapBoundPublish <registry url> <tarball> [token]}; also a manual benchmark against Verdaccio.
 */
public final class HeapBoundPublish {
    public static void main(String[] args) throws Exception {
        URI registry = URI.create(args[0]);
        Path tarball = Path.of(args[1]);
        ObjectNode manifest = new ObjectMapper().createObjectNode().put("name", "big").put("version", "1.0.0");
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                System.out.println("[info] " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("[warn] " + message);
            }

            @Override
            public void debug(String message) {}
        };
        try (RegistryClient client = new RegistryClient(RegistryClientConfig.defaults("npmreg-bench", log)
                .withVisibilityPoll(java.time.Duration.ZERO, java.time.Duration.ofMillis(100)))) {
            PublishOutcome outcome = client.publish(new PublishRequest(registry, "big", "big", "1.0.0", manifest,
                    tarball, "sha512-" + java.util.Base64.getEncoder().encodeToString(digest(tarball, "SHA-512")),
                    java.util.HexFormat.of().formatHex(digest(tarball, "SHA-1")), "latest", null, null, new Credentials.Token(args.length > 2 ? args[2] : "t0ken-for-bench", "bench"),
                    false, false));
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("outcome=" + outcome.result() + " peakHeapMB=" + peak / (1024 * 1024)
                    + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static byte[] digest(Path file, String algorithm) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }
}
