package io.github.npmreg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.Packer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pack step inside a warm JVM, for bench/pack.sh: {@code PackBench <packageDir> <outDir> <warmups> <runs>}.
 * Prints one line: {@code median_ms=<n> cpu_ms=<median process CPU time> runs=<ms,...> peak_heap_mb=<n> files=<n> size=<bytes>}. The peak heap
 * is the sum of the heap pools' peak usage over the whole process, so run it with {@code -Xmx64m} to show that
 * packing does not keep the input in memory.
 */
public final class PackBench {
    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    public static void main(String[] args) throws Exception {
        Path pkg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(pkg.resolve("package.json").toFile());
        PackRequest request = new PackRequest(pkg, pkg.resolve("package.json"), manifest, out, out.resolve("pack-report.json"));
        Packer packer = new Packer();
        PackResult result = null;
        for (int i = 0; i < warmups; i++) {
            result = packer.pack(request);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> times = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            result = packer.pack(request);
            times.add((System.nanoTime() - start) / 1_000_000);
            cpu.add((os.getProcessCpuTime() - cpuStart) / 1_000_000);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("median_ms=%d cpu_ms=%d runs=%s peak_heap_mb=%.1f files=%d size=%d%n", median(times),
                median(cpu), times.toString().replace(" ", ""), peak / 1048576.0, result.entryCount(), result.size());
    }
}
