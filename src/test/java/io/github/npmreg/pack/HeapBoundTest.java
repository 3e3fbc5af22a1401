package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing streams: a 100 MB file packs in a JVM limited to a 64 MB heap. */
class HeapBoundTest {
    private static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path tmp;

    /** Run in the child JVM: packs args[0] into args[1]. */
    public static void main(String[] args) throws Exception {
        Path pkg = Path.of(args[0]);
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(pkg.resolve("package.json").toFile());
        new Packer().pack(new PackRequest(pkg, pkg.resolve("package.json"), manifest, Path.of(args[1]),
                Path.of(args[1]).resolve("report.json")));
    }

    @Test
    void a100MegabyteFilePacksWith64MegabytesOfHeap() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\":\"big\",\"version\":\"1.0.0\"}\n");
        try (RandomAccessFile big = new RandomAccessFile(pkg.resolve("big.bin").toFile(), "rw")) {
            big.setLength(SIZE);
        }
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                HeapBoundTest.class.getName(), pkg.toString(), out.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), output);
        long total = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("big-1.0.0.tgz")), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        // Two entries (headers + data) and the two end blocks.
        assertEquals(512 + SIZE + 512 + 512 + 1024, total);
    }
}
