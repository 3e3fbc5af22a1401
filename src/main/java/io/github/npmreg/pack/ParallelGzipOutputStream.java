package io.github.npmreg.pack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Level-9 gzip compressed on several cores, pigz style, as one valid gzip member.
 *
 * <p>The input is cut into fixed {@value #BLOCK_SIZE}-byte blocks. Each block becomes a raw deflate stream primed
 * with the last 32 KiB of the previous block as its dictionary (so matches can reach back across the cut, as in
 * one long stream) and ended with a sync flush, the last one with finish; the pieces are written in order. Because
 * the cut points and dictionaries depend only on the input, the output bytes are the same for any number of
 * threads and any timing. At most a few blocks per thread are in flight, so memory does not grow with the input.
 *
 * <p>The header is npm's: {@code 1f 8b 08 00 00000000 02 ff} (no name, MTIME 0, XFL 2 for level 9, OS 255 as
 * minizlib writes in portable mode). The deflate bytes cannot equal npm's anyway (Node bundles a zlib fork), so
 * only the uncompressed tar is compared with npm byte for byte.
 */
public final class ParallelGzipOutputStream extends OutputStream {
    /** Fixed so that the output does not depend on the thread count. */
    static final int BLOCK_SIZE = 128 * 1024;
    private static final int DICTIONARY_SIZE = 32 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff};

    private final OutputStream out;
    private final int threads;
    /** Started with the second block: a package smaller than one block is compressed on the caller's thread. */
    private ExecutorService workers;
    private final BlockingQueue<Deflater> deflaters;
    private final int maxInFlight;
    private final ArrayDeque<Future<Compressed>> inFlight = new ArrayDeque<>();
    /** Input blocks that finished compressing, reused so a long stream allocates nothing per block. */
    private final ArrayDeque<byte[]> freeBlocks = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block;
    private int fill;
    private byte[] dictionary;
    private long totalIn;
    private boolean closed;

    /** Compresses with {@code threads} worker threads into {@code out}, which is closed by {@link #close()}. */
    public ParallelGzipOutputStream(OutputStream out, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.out = out;
        this.threads = threads;
        this.maxInFlight = 3 * threads;
        this.deflaters = new ArrayBlockingQueue<>(threads);
        this.block = new byte[BLOCK_SIZE];
        out.write(HEADER);
    }

    /** With one worker per available processor. */
    public ParallelGzipOutputStream(OutputStream out) throws IOException {
        this(out, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (len > 0) {
            if (fill == BLOCK_SIZE) {
                submit(false);
            }
            int n = Math.min(len, BLOCK_SIZE - fill);
            System.arraycopy(b, off, block, fill, n);
            fill += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Compresses what is left as the final block, writes everything in order, then the CRC32 and ISIZE trailer,
     * and closes the underlying stream. The worker threads are stopped even when this fails.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream target = out) {
            submit(true);
            while (!inFlight.isEmpty()) {
                writeOldest();
            }
            long c = crc.getValue();
            target.write(new byte[] {
                (byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
                (byte) totalIn, (byte) (totalIn >>> 8), (byte) (totalIn >>> 16), (byte) (totalIn >>> 24)});
        } finally {
            shutdown();
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = fill;
        byte[] dict = dictionary;
        crc.update(input, 0, length);
        totalIn += length;
        if (!last) {
            // The next block's dictionary: copied now, because this block's array is reused once compressed.
            dictionary = new byte[DICTIONARY_SIZE];
            System.arraycopy(input, length - DICTIONARY_SIZE, dictionary, 0, DICTIONARY_SIZE);
            block = freeBlocks.isEmpty() ? new byte[BLOCK_SIZE] : freeBlocks.pop();
            fill = 0;
        }
        if (last && workers == null) {
            // One block in all: the same bytes, without starting threads for a few kilobytes.
            Compressed c = compress(input, length, dict, true);
            out.write(c.output, 0, c.length);
            return;
        }
        if (workers == null) {
            workers = Executors.newFixedThreadPool(threads, runnable -> {
                Thread t = new Thread(runnable, "npmreg-gzip");
                t.setDaemon(true);
                return t;
            });
        }
        inFlight.add(workers.submit(() -> compress(input, length, dict, last)));
        while (inFlight.size() >= maxInFlight || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
            writeOldest();
        }
    }

    private Compressed compress(byte[] input, int length, byte[] dict, boolean last) {
        Deflater deflater = deflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        }
        try {
            deflater.reset();
            if (dict != null) {
                deflater.setDictionary(dict);
            }
            deflater.setInput(input, 0, length);
            byte[] output = new byte[length + length / 8 + 64];
            int n = 0;
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    if (n == output.length) {
                        output = Arrays.copyOf(output, output.length * 2);
                    }
                    n += deflater.deflate(output, n, output.length - n, Deflater.NO_FLUSH);
                }
            } else {
                // SYNC_FLUSH ends on a byte boundary without a final block; a full output buffer means "call again".
                while (true) {
                    int room = output.length - n;
                    int k = deflater.deflate(output, n, room, Deflater.SYNC_FLUSH);
                    n += k;
                    if (k < room) {
                        break;
                    }
                    output = Arrays.copyOf(output, output.length * 2);
                }
            }
            return new Compressed(input, output, n);
        } finally {
            if (!deflaters.offer(deflater)) {
                deflater.end();
            }
        }
    }

    private void writeOldest() throws IOException {
        Compressed c;
        try {
            c = inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("gzip compression failed", e.getCause());
        }
        out.write(c.output, 0, c.length);
        if (c.input.length == BLOCK_SIZE && freeBlocks.size() < maxInFlight) {
            freeBlocks.push(c.input);
        }
    }

    private void shutdown() {
        for (Future<Compressed> f : inFlight) {
            f.cancel(true);
        }
        inFlight.clear();
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Deflater d : deflaters) {
            d.end();
        }
    }

    private record Compressed(byte[] input, byte[] output, int length) {}
}
