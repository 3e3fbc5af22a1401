package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {
    @TempDir
    Path tmp;

    /** Text-like data with repeats both within and across 128 KiB blocks, and a random tail. */
    static byte[] sample(int size) {
        Random random = new Random(size);
        byte[] data = new byte[size];
        String[] words = {"const ", "function ", "return ", "module.exports", " = ", "require('", "');\n", "{\n", "}\n"};
        int pos = 0;
        while (pos < size * 3 / 4) {
            byte[] w = words[random.nextInt(words.length)].getBytes();
            int n = Math.min(w.length, size - pos);
            System.arraycopy(w, 0, data, pos, n);
            pos += n;
        }
        byte[] tail = new byte[size - pos];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, data, pos, tail.length);
        return data;
    }

    static byte[] gzip(byte[] data, int threads, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(out, threads)) {
            for (int off = 0; off < data.length; off += chunk) {
                gz.write(data, off, Math.min(chunk, data.length - off));
            }
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1000, ParallelGzipOutputStream.BLOCK_SIZE, ParallelGzipOutputStream.BLOCK_SIZE + 1,
        3 * ParallelGzipOutputStream.BLOCK_SIZE + 17})
    void sameBytesForAnyThreadCountAndWriteSize(int size) throws IOException {
        byte[] data = sample(size);
        byte[] one = gzip(data, 1, 4096);
        assertArrayEquals(one, gzip(data, 4, 4096), "1 and 4 threads");
        assertArrayEquals(one, gzip(data, 2, 777), "another write size");
        assertArrayEquals(data, gunzip(one));
    }

    @Test
    void headerIsNpmsAndTrailerHoldsCrcAndSize() throws IOException {
        byte[] gz = gzip("hello".getBytes(), 2, 5);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff}, Arrays.copyOf(gz, 10));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("hello".getBytes());
        long c = crc.getValue();
        assertArrayEquals(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24), 5, 0, 0, 0},
                Arrays.copyOfRange(gz, gz.length - 8, gz.length));
    }

    @Test
    void compressesAboutAsWellAsOneStream() throws IOException {
        byte[] data = sample(800_000);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(single) {
            {
                def.setLevel(9);
            }
        }) {
            gz.write(data);
        }
        int parallel = gzip(data, 2, 65536).length;
        // The dictionaries keep matches across block boundaries; sync flushes cost a few bytes per block.
        assertEquals(single.size(), parallel, single.size() / 50.0 + 5 * 16);
    }

    @Test
    void gzipToolAcceptsIt() throws Exception {
        Path file = tmp.resolve("x.gz");
        Files.write(file, gzip(sample(1_000_000), 2, 10_000));
        Process p = new ProcessBuilder("gzip", "-t", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(1, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), "gzip -t: " + output);
    }
}
