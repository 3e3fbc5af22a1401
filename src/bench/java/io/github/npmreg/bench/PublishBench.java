package io.github.npmreg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.registry.PublishOutcome;
import io.github.npmreg.registry.PublishRequest;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The publish step alone inside a warm JVM, for bench/publish.sh:
 * {@code PublishBench <packageDir> <registryUrl> <token> <warmups> <runs>}. Each round writes a new version into
 * {@code package.json}, packs it (not timed) and times {@link RegistryClient#publish} only, with one client for
 * the whole process as in a build. Prints one line:
 * {@code median_ms=<n> runs=<ms,...> peak_heap_mb=<n> size=<tarball bytes>}; the peak heap is the sum of the heap
 * pools' peak usage over the process, so run it with {@code -Xmx96m} to show the upload does not hold the tarball.
 */
public final class PublishBench {
    public static void main(String[] args) throws Exception {
        Path pkg = Path.of(args[0]).toAbsolutePath();
        URI registry = URI.create(args[1].endsWith("/") ? args[1] : args[1] + "/");
        Credentials token = new Credentials.Token(args[2], "bench");
        int warmups = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        ObjectMapper json = new ObjectMapper();
        Path manifestFile = pkg.resolve("package.json");
        Path out = Files.createTempDirectory("publish-bench");
        Packer packer = new Packer();
        List<Long> times = new ArrayList<>();
        long size = 0;
        try (RegistryClient client = new RegistryClient(
                RegistryClientConfig.defaults("npmreg-maven-plugin/bench", BuildLog.SILENT))) {
            for (int i = 0; i < warmups + runs; i++) {
                ObjectNode manifest = (ObjectNode) json.readTree(manifestFile.toFile());
                manifest.put("version", "1.0." + i);
                json.writeValue(manifestFile.toFile(), manifest);
                PackResult packed = packer.pack(
                        new PackRequest(pkg, manifestFile, manifest, out, out.resolve("pack-report.json")));
                size = packed.size();
                String name = manifest.get("name").asText();
                PublishRequest request = new PublishRequest(registry, name, name, packed.version(), manifest,
                        packed.tarball(), packed.integrity(), packed.shasum(), "latest", null, null, token, false,
                        false);
                long start = System.nanoTime();
                PublishOutcome outcome = client.publish(request);
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (outcome.result() != PublishOutcome.Result.PUBLISHED) {
                    throw new IllegalStateException("not published: " + outcome);
                }
                if (i >= warmups) {
                    times.add(ms);
                }
                Files.delete(packed.tarball());
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("median_ms=%d runs=%s peak_heap_mb=%.1f size=%d%n", sorted.get(sorted.size() / 2),
                times.toString().replace(" ", ""), peak / 1048576.0, size);
    }
}
