package io.github.npmreg.npm.tar;

/**
 * UTF-8 the way Node's {@code Buffer} does it: a lone surrogate is encoded as U+FFFD ({@code EF BF BD}, where
 * {@code String.getBytes} would give {@code ?}), lengths are counted the same way, and a write into a fixed-size
 * field stops before the first character that does not fit whole.
 */
final class Utf8 {
    private Utf8() {}

    /** {@code Buffer.byteLength(s)}. */
    static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** {@code Buffer.from(s)}. */
    static byte[] encode(String s) {
        byte[] out = new byte[length(s)];
        write(s, out, 0, out.length);
        return out;
    }

    /**
     * {@code buf.write(s, offset, size, 'utf8')}: writes whole characters while they fit in {@code size} bytes and
     * returns the number of bytes written; the bytes after them are left untouched.
     */
    static int write(String s, byte[] buf, int offset, int size) {
        int pos = offset;
        int end = offset + size;
        for (int i = 0; i < s.length(); i++) {
            int cp = s.charAt(i);
            if (Character.isHighSurrogate((char) cp) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint((char) cp, s.charAt(i + 1));
            } else if (Character.isSurrogate((char) cp)) {
                cp = 0xFFFD;
            }
            if (cp < 0x80) {
                if (pos + 1 > end) {
                    break;
                }
                buf[pos++] = (byte) cp;
            } else if (cp < 0x800) {
                if (pos + 2 > end) {
                    break;
                }
                buf[pos++] = (byte) (0xC0 | (cp >> 6));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                if (pos + 3 > end) {
                    break;
                }
                buf[pos++] = (byte) (0xE0 | (cp >> 12));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (pos + 4 > end) {
                    break;
                }
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
                i++;
            }
        }
        return pos - offset;
    }

    /** JavaScript's {@code s.slice(0, units)}: counts UTF-16 units, so it may cut a surrogate pair in half. */
    static String sliceUnits(String s, int units) {
        return s.length() <= units ? s : s.substring(0, units);
    }
}
