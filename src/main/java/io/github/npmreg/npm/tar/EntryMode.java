package io.github.npmreg.npm.tar;

/**
 * The mode npm writes for a file entry: pacote's tar filter first ORs {@code 0o111} into the stat mode of a
 * package bin, then node-tar's portable {@code modeFix} keeps the permission and setuid/setgid/sticky bits, adds
 * owner read/write and clears group/other write (npm-tar-format.md §3). There is no forcing to 644/755:
 * 0664 becomes 0644, 0600 stays 0600, 4755 stays 4755.
 */
public final class EntryMode {
    private EntryMode() {}

    /** The tar mode for a file whose {@code st_mode} is {@code statMode}; {@code packageBin} when pacote's {@code is-package-bin} says so. */
    public static int of(int statMode, boolean packageBin) {
        int mode = statMode | (packageBin ? 0111 : 0);
        return ((mode & 07777) | 0600) & ~022;
    }
}
