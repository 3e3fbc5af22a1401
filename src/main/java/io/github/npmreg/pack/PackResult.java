package io.github.npmreg.pack;

import java.nio.file.Path;
import java.util.List;

/**
 * A written tarball and what {@code npm pack --json} reports about it.
 *
 * @param tarball the {@code .tgz} file
 * @param id {@code name@version}
 * @param size the tarball's size in bytes
 * @param unpackedSize the sum of the entries' sizes
 * @param shasum hex SHA-1 of the tarball
 * @param integrity {@code sha512-<base64>} of the tarball
 * @param filename the tarball's file name
 * @param files the entries, in npm's report order (not the tar order)
 * @param entryCount the number of entries
 * @param bundled the bundled dependency names, in tar order
 * @param npm the npm major whose rules were used
 * @param npmReason which npm's rules were used and why ({@link NpmSelection#describe})
 * @param warnings npm's warnings for this pack (e.g. {@code patched-dependencies})
 */
public record PackResult(Path tarball, String id, String name, String version, long size, long unpackedSize,
        String shasum, String integrity, String filename, List<PackedFile> files, int entryCount,
        List<String> bundled, int npm, String npmReason, List<String> warnings) {
    public PackResult {
        files = List.copyOf(files);
        bundled = List.copyOf(bundled);
        warnings = List.copyOf(warnings);
    }
}
