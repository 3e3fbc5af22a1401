package io.github.npmreg.pack;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Counts the bytes passing through and digests them with SHA-512 and SHA-1, so the tarball's {@code integrity}
 * ({@code sha512-} + base64) and {@code shasum} (hex SHA-1) come out of writing it, without reading it back.
 * They are the values ssri computes over the gzipped bytes (npm-pack-and-publish.md §3).
 */
final class IntegrityOutputStream extends FilterOutputStream {
    private final MessageDigest sha512 = digest("SHA-512");
    private final MessageDigest sha1 = digest("SHA-1");
    private long count;

    IntegrityOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha512.update((byte) b);
        sha1.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha512.update(b, off, len);
        sha1.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** {@code sha512-<base64>}; call once, after the last write. */
    String integrity() {
        return "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
    }

    /** Hex SHA-1; call once, after the last write. */
    String shasum() {
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
