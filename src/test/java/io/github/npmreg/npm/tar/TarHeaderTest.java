package io.github.npmreg.npm.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TarHeaderTest {
    private static String field(byte[] block, int offset, int length) {
        return new String(block, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static byte[] header(String path, int mode, long size) {
        byte[] block = new byte[512];
        TarHeader.encodeFile(block, path, mode, size);
        return block;
    }

    @Test
    void numbersArePaddedOctalWithSpaceAndNul() {
        byte[] block = header("package/a.js", 0644, 12);
        assertEquals("000644 \0", field(block, 100, 8));
        assertEquals("\0".repeat(16), field(block, 108, 16), "uid and gid stay NUL");
        assertEquals("00000000014 \0".substring(1), field(block, 124, 12));
        assertEquals("3560116604 \0", field(block, 136, 12));
        assertEquals("000000 \u0000000000 \u0000", field(block, 329, 16));
        assertEquals("0", field(block, 156, 1));
        assertEquals("ustar\u000000", field(block, 257, 8));
        assertEquals("\0".repeat(100 + 64), field(block, 157, 100) + field(block, 265, 64), "linkname, uname, gname");
    }

    @Test
    void aNumberThatFillsTheFieldEndsWithNulOnly() {
        byte[] block = new byte[512];
        assertFalse(TarHeader.encodeNumber(block, 124, 12, 1L << 30));
        assertEquals("10000000000\0", field(block, 124, 12));
        assertFalse(TarHeader.encodeNumber(block, 124, 12, (1L << 33) - 1));
        assertEquals("77777777777\0", field(block, 124, 12));
    }

    @Test
    void eightGibibytesUseBase256AndNeedPax() {
        byte[] block = new byte[512];
        assertTrue(TarHeader.encodeNumber(block, 124, 12, 1L << 33));
        assertArrayEquals(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0}, Arrays.copyOfRange(block, 124, 136));
    }

    @Test
    void checksumCountsItsOwnFieldAsSpacesAndIsWrittenWithSpaceThenNul() {
        byte[] block = header("package/package.json", 0644, 80);
        int sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? 0x20 : block[i] & 0xFF;
        }
        assertEquals(String.format("%06o \0", sum), field(block, 148, 8));
    }

    @Test
    void prefixSplitAtTheLimits() {
        // Under 100 bytes: all in the name.
        String p99 = "package/" + "a".repeat(91);
        assertEquals(new TarHeader.Split(p99, "", false), TarHeader.splitPrefix(p99));
        // Exactly 100 bytes is split.
        String p100 = "package/" + "d".repeat(40) + "/" + "f".repeat(51);
        assertEquals(100, p100.length());
        assertEquals(new TarHeader.Split("f".repeat(51), "package/" + "d".repeat(40), false), TarHeader.splitPrefix(p100));
        String p120 = "package/" + "d".repeat(60) + "/" + "f".repeat(51);
        assertEquals(new TarHeader.Split("f".repeat(51), "package/" + "d".repeat(60), false), TarHeader.splitPrefix(p120));
        // The split is at the last '/' whose left part fits in 155 bytes.
        String dirs = "package/" + "d".repeat(99) + "/" + "e".repeat(47);
        assertEquals(155, dirs.length());
        String p256 = dirs + "/" + "f".repeat(100);
        assertEquals(256, p256.length());
        assertEquals(new TarHeader.Split("f".repeat(100), dirs, false), TarHeader.splitPrefix(p256));
        String p257 = dirs + "/" + "f".repeat(101);
        TarHeader.Split s257 = TarHeader.splitPrefix(p257);
        assertEquals(new TarHeader.Split("f".repeat(99), dirs, true), s257);
        String p155 = "package/" + "d".repeat(50) + "/" + "e".repeat(50) + "/" + "f".repeat(45);
        assertEquals(155, p155.length());
        assertEquals(new TarHeader.Split("f".repeat(45), "package/" + "d".repeat(50) + "/" + "e".repeat(50), false),
                TarHeader.splitPrefix(p155));
        // A prefix over 155 bytes gives its last directory to the name.
        String p210 = "package/" + "d".repeat(100) + "/" + "e".repeat(60) + "/" + "f".repeat(39);
        assertEquals(new TarHeader.Split("e".repeat(60) + "/" + "f".repeat(39), "package/" + "d".repeat(100), false),
                TarHeader.splitPrefix(p210));
    }

    @Test
    void aDirectoryOver155BytesEndsInTheNameCutTo99UnitsWithPax() {
        // The prefix never gets shorter than "package", so node-tar's last-resort cut of the whole path is unreachable.
        String p = "package/" + "d".repeat(160) + "/" + "f".repeat(99);
        assertEquals(new TarHeader.Split("d".repeat(99), "package", true), TarHeader.splitPrefix(p));
    }

    @Test
    void headerWritesTheSplitIntoNameAndPrefixFields() {
        String dirs = "package/" + "d".repeat(99) + "/" + "e".repeat(47);
        byte[] block = new byte[512];
        assertFalse(TarHeader.encodeFile(block, dirs + "/" + "f".repeat(100), 0644, 1));
        assertEquals("f".repeat(100), field(block, 0, 100), "a full name field has no NUL");
        assertEquals(dirs, field(block, 345, 155));
    }

    @Test
    void nonAsciiNeedsPaxEvenWhenShort() {
        byte[] block = new byte[512];
        assertTrue(TarHeader.encodeFile(block, "package/lib/naïve-日本.js", 0644, 1));
        assertEquals("package/lib/naïve-日本.js", new String(block, 0, Utf8.length("package/lib/naïve-日本.js"), StandardCharsets.UTF_8));
        assertFalse(TarHeader.encodeFile(block, "package/lib/naive.js", 0644, 1));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        byte[] block = new byte[512];
        assertTrue(TarHeader.encodeFile(block, "package/a\uD800b.js", 0644, 1));
        assertArrayEquals("package/a\uFFFDb.js".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(block, 16));
        assertEquals(0, block[16]);
        assertEquals(3, Utf8.length("\uDC00"));
        assertEquals(4, Utf8.length("😀"));
    }

    @Test
    void aCharacterThatDoesNotFitIsDroppedWhole() {
        byte[] block = new byte[512];
        // 99 ASCII bytes then a 3-byte char: only the ASCII fits in 100 bytes.
        TarHeader.encodeString(block, 0, 100, "a".repeat(99) + "日");
        assertEquals("a".repeat(99) + "\0", field(block, 0, 100));
    }

    @Test
    void basenameOver100BytesKeeps99UnitsInTheNameAndNeedsPax() {
        String base = "b".repeat(120) + ".js";
        TarHeader.Split split = TarHeader.splitPrefix("package/deep/" + base);
        assertEquals(new TarHeader.Split(base.substring(0, 99), "package/deep", true), split);
    }

    @Test
    void paxEntryHasPathMtimeAndSizeRecords() {
        String path = "package/lib/naïve-日本.js";
        byte[] pax = TarHeader.paxEntry(path, null, 3);
        assertEquals(1024, pax.length);
        assertEquals("PaxHeader/naïve-日本.js", new String(pax, 0, Utf8.length("PaxHeader/naïve-日本.js"), StandardCharsets.UTF_8));
        assertEquals("000644 \0", field(pax, 100, 8));
        assertEquals("x", field(pax, 156, 1));
        String body = "37 path=" + path + "\n19 mtime=499162500\n9 size=3\n";
        assertEquals(37, Utf8.length("37 path=" + path + "\n"));
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bodyBytes, Arrays.copyOfRange(pax, 512, 512 + bodyBytes.length));
        assertEquals(String.format("%010o \0", bodyBytes.length), field(pax, 124, 12));
        for (int i = 512 + bodyBytes.length; i < pax.length; i++) {
            assertEquals(0, pax[i]);
        }
    }

    @Test
    void paxRecordLengthCountsItsOwnDigits() {
        assertEquals("19 mtime=499162500\n", TarHeader.paxRecord("mtime", "499162500"));
        // " path=" + 91 chars + "\n" = 98 bytes: 2 digits would make 100, so it takes 3.
        String value = "p".repeat(91);
        assertEquals("101 path=" + value + "\n", TarHeader.paxRecord("path", value));
        assertEquals("99 path=" + "p".repeat(90) + "\n", TarHeader.paxRecord("path", "p".repeat(90)));
    }

    @Test
    void paxHeaderNameOfALongCjkBasenameKeepsWholeCharactersIn100Bytes() {
        String path = "package/日本語/" + "長".repeat(40) + ".js";
        byte[] pax = TarHeader.paxEntry(path, null, 1);
        assertEquals("長".repeat(33), new String(pax, 0, 99, StandardCharsets.UTF_8));
        assertEquals(0, pax[99]);
        assertEquals("PaxHeader", field(pax, 345, 9));
    }

    @Test
    void paxHeaderNameCutInsideAnEmojiGetsAReplacementCharacter() {
        // "PaxHeader/" is 10 units; 89 more units end in the middle of the 45th emoji.
        String path = "package/e/" + "😀".repeat(50);
        byte[] pax = TarHeader.paxEntry(path, null, 1);
        // Name 99 units = 44 emoji + half: bytes 176+3 > 100, so the name field holds 25 whole emoji.
        assertEquals("😀".repeat(25), new String(pax, 0, 100, StandardCharsets.UTF_8));
        String half = "😀".repeat(44) + "\uD83D";
        assertEquals(Utf8.length(half), 44 * 4 + 3);
    }
}
