package io.github.npmreg.npm.tar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes npm's uncompressed tar stream: for each file an optional PAX header, the ustar header, the data
 * NUL-padded to 512 bytes; at the end two zero blocks and nothing more (no padding to a 10240-byte record).
 * File data is streamed through one reusable buffer, so memory does not depend on file sizes.
 */
public final class TarWriter {
    private static final byte[] ZEROS = new byte[2 * TarHeader.BLOCK];
    private static final int COPY_BUFFER = 64 * 1024;

    private final OutputStream out;
    private final byte[] header = new byte[TarHeader.BLOCK];
    private final byte[] buffer = new byte[COPY_BUFFER];

    /** {@code out} receives the tar bytes; it is neither buffered nor closed here. */
    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Appends one regular file as {@code package/<relativePath>}.
     *
     * @param relativePath the package-relative, {@code /}-separated path
     * @param mode the entry mode, see {@link EntryMode}
     * @param size the number of bytes to copy from {@code content}
     * @param content the file's bytes; exactly {@code size} of them are read, and fewer is an error (the file
     *     changed while it was packed)
     */
    public void addFile(String relativePath, int mode, long size, InputStream content) throws IOException {
        String path = "package/" + relativePath;
        if (TarHeader.encodeFile(header, path, mode, size)) {
            write(TarHeader.paxEntry(path, null, size));
        }
        write(header, TarHeader.BLOCK);
        long remaining = size;
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException(relativePath + " became shorter while it was being packed: expected "
                        + size + " bytes, got " + (size - remaining));
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
        int padding = (int) ((TarHeader.BLOCK - (size % TarHeader.BLOCK)) % TarHeader.BLOCK);
        write(ZEROS, padding);
    }

    /**
     * Appends a hard link {@code package/<relativePath>} to the earlier entry {@code package/<targetRelativePath>}:
     * node-tar writes one, with size 0, for a file whose inode it has already packed.
     */
    public void addHardLink(String relativePath, int mode, String targetRelativePath) throws IOException {
        String path = "package/" + relativePath;
        String linkPath = "package/" + targetRelativePath;
        if (TarHeader.encodeHardLink(header, path, mode, linkPath)) {
            write(TarHeader.paxEntry(path, linkPath, 0));
        }
        write(header, TarHeader.BLOCK);
    }

    /** Writes the two zero blocks that end the archive; {@code out} stays open. */
    public void finish() throws IOException {
        write(ZEROS, ZEROS.length);
    }

    private void write(byte[] bytes) throws IOException {
        write(bytes, bytes.length);
    }

    private void write(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
    }
}
