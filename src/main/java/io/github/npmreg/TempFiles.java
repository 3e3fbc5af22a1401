package io.github.npmreg;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files for atomic writes (write the temp file, then move it over the target). Unlike
 * {@link Files#createTempFile}, which always makes 0600 files, these take the mode the umask gives any new file
 * (0644 under the usual 022), so the tarball, pack.json and the staged package.json are readable as npm's own
 * outputs are. Only the .npmrc, which holds secrets, is written owner-only (by {@code NpmrcWriter}).
 */
public final class TempFiles {
    private TempFiles() {}

    /** A new, empty file in {@code dir} named {@code prefix<random>suffix}, with the umask's default mode. */
    public static Path create(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + suffix);
            try {
                // CREATE_NEW without file attributes: open(2) with mode 0666, reduced by the umask.
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
