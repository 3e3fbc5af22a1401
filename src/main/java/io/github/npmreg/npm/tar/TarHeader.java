package io.github.npmreg.npm.tar;

import io.github.npmreg.npm.NodePath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * node-tar's 512-byte ustar header as npm writes it in portable mode (header.js, pax.js; npm-tar-format.md §1),
 * formatted by hand because no Java tar library produces the same bytes: octal numbers padded as
 * {@code 000644 \0}, uid/gid/uname/gname left NUL, the prefix field used for paths of 100 bytes or more,
 * a PAX header named {@code PaxHeader/<basename>} whenever a path is non-ASCII or does not fit.
 */
final class TarHeader {
    static final int BLOCK = 512;
    /** 1985-10-26T08:15:00Z, pacote's fixed mtime for every entry. */
    static final long MTIME = 499162500L;

    private static final int NAME_SIZE = 100;
    /** Portable mode writes no atime/ctime, so the whole 155-byte prefix field is available. */
    private static final int PREFIX_SIZE = 155;
    private static final byte[] USTAR = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);

    private TarHeader() {}

    /**
     * Writes the header of a regular file into {@code block} (512 bytes, overwritten entirely) and returns
     * whether node-tar would precede it with a PAX header.
     */
    static boolean encodeFile(byte[] block, String path, int mode, long size) {
        return encode(block, path, mode, size, (byte) '0', null);
    }

    /**
     * Writes the header of a hard link to {@code linkPath} (node-tar writes one for a file whose inode it has
     * already packed) and returns whether it needs a PAX header.
     */
    static boolean encodeHardLink(byte[] block, String path, int mode, String linkPath) {
        return encode(block, path, mode, 0, (byte) '1', linkPath);
    }

    /**
     * The PAX extended header ({@code x} header plus NUL-padded body) that node-tar writes before an entry whose
     * header needed it: records {@code path}, {@code linkpath} (hard links only), {@code mtime} and {@code size},
     * in pax.js's order.
     */
    static byte[] paxEntry(String path, String linkPath, long size) {
        byte[] body = Utf8.encode(paxRecord("path", path)
                + (linkPath == null ? "" : paxRecord("linkpath", linkPath))
                + paxRecord("mtime", Long.toString(MTIME)) + paxRecord("size", Long.toString(size)));
        byte[] entry = new byte[BLOCK * (1 + (body.length + BLOCK - 1) / BLOCK)];
        String name = Utf8.sliceUnits("PaxHeader/" + NodePath.basename(path), NAME_SIZE - 1);
        encode(entry, name, 0644, body.length, (byte) 'x', null);
        System.arraycopy(body, 0, entry, BLOCK, body.length);
        return entry;
    }

    /** {@code "<n> key=value\n"} where n counts the whole record's bytes, its own digits included. */
    static String paxRecord(String key, String value) {
        String s = " " + key + "=" + value + "\n";
        int byteLen = Utf8.length(s);
        int digits = Integer.toString(byteLen).length();
        if (byteLen + digits >= pow10(digits)) {
            digits++;
        }
        return (digits + byteLen) + s;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static boolean encode(byte[] block, String path, int mode, long size, byte type, String linkPath) {
        Arrays.fill(block, 0, BLOCK, (byte) 0);
        Split split = splitPrefix(path);
        boolean needPax = split.needPax;
        needPax |= encodeString(block, 0, NAME_SIZE, split.name);
        encodeNumber(block, 100, 8, mode);
        needPax |= encodeNumber(block, 124, 12, size);
        encodeNumber(block, 136, 12, MTIME);
        block[156] = type;
        if (linkPath != null) {
            needPax |= encodeString(block, 157, NAME_SIZE, linkPath);
        }
        System.arraycopy(USTAR, 0, block, 257, USTAR.length);
        encodeNumber(block, 329, 8, 0);
        encodeNumber(block, 337, 8, 0);
        needPax |= encodeString(block, 345, PREFIX_SIZE, split.prefix);
        // The checksum field counts as eight spaces while summing.
        int sum = 8 * 0x20;
        for (int i = 0; i < 148; i++) {
            sum += block[i] & 0xFF;
        }
        for (int i = 156; i < BLOCK; i++) {
            sum += block[i] & 0xFF;
        }
        encodeNumber(block, 148, 8, sum);
        return needPax;
    }

    /** name, prefix and whether the path could not be stored faithfully in them. */
    record Split(String name, String prefix, boolean needPax) {}

    /**
     * header.js {@code splitPrefix}: a path under 100 bytes is the name; otherwise the name starts as the
     * basename and takes components from the end of the prefix until the prefix fits in 155 bytes. A basename
     * over 100 bytes is cut to 99 UTF-16 units (PAX carries the real path); when nothing fits, the path is cut.
     */
    static Split splitPrefix(String p) {
        if (Utf8.length(p) < NAME_SIZE) {
            return new Split(p, "", false);
        }
        String root = ".";
        String prefix = NodePath.dirname(p);
        String name = NodePath.basename(p);
        do {
            int nameLen = Utf8.length(name);
            boolean prefixFits = Utf8.length(prefix) <= PREFIX_SIZE;
            if (nameLen <= NAME_SIZE && prefixFits) {
                return new Split(name, prefix, false);
            } else if (nameLen > NAME_SIZE && prefixFits) {
                return new Split(Utf8.sliceUnits(name, NAME_SIZE - 1), prefix, true);
            } else {
                // path.join(basename(prefix), name): our paths are already normalized.
                name = NodePath.basename(prefix) + "/" + name;
                prefix = NodePath.dirname(prefix);
            }
        } while (!prefix.equals(root));
        return new Split(Utf8.sliceUnits(p, NAME_SIZE - 1), "", true);
    }

    /**
     * header.js {@code encString}: UTF-8, whole characters only, NUL-filled; true (needs PAX) when the string is
     * non-ASCII or longer than the field in UTF-16 units.
     */
    static boolean encodeString(byte[] block, int offset, int size, String s) {
        Utf8.write(s, block, offset, size);
        return s.length() != Utf8.length(s) || s.length() > size;
    }

    /**
     * header.js {@code encNumber}: octal, zero-padded to width−2 digits plus {@code " \0"}, or width−1 digits plus
     * {@code "\0"} when that is exactly the length. Values beyond the octal range use base-256 and need PAX.
     */
    static boolean encodeNumber(byte[] block, int offset, int size, long value) {
        long max = (1L << (3 * (size - 1))) - 1;
        if (value > max) {
            block[offset] = (byte) 0x80;
            long v = value;
            for (int i = offset + size - 1; i > offset; i--) {
                block[i] = (byte) (v & 0xFF);
                v >>>= 8;
            }
            return true;
        }
        String digits = Long.toOctalString(value);
        int pos = offset;
        if (digits.length() == size - 1) {
            for (int i = 0; i < digits.length(); i++) {
                block[pos++] = (byte) digits.charAt(i);
            }
        } else {
            for (int i = digits.length(); i < size - 2; i++) {
                block[pos++] = '0';
            }
            for (int i = 0; i < digits.length(); i++) {
                block[pos++] = (byte) digits.charAt(i);
            }
            block[pos++] = ' ';
        }
        block[pos] = 0;
        return false;
    }
}
