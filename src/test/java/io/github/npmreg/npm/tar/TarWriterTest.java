package io.github.npmreg.npm.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TarWriterTest {
    @Test
    void entriesArePaddedTo512AndTheArchiveEndsWithExactlyTwoZeroBlocks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter tar = new TarWriter(out);
        tar.addFile("a.txt", 0644, 3, new ByteArrayInputStream("abc".getBytes()));
        tar.addFile("b.txt", 0644, 512, new ByteArrayInputStream(new byte[512]));
        tar.addFile("c.txt", 0644, 0, new ByteArrayInputStream(new byte[0]));
        tar.finish();
        assertEquals(512 + 512 + 512 + 512 + 512 + 1024, out.size());
        assertEquals("package/a.txt", new String(out.toByteArray(), 0, 13));
        assertEquals("abc", new String(out.toByteArray(), 512, 3));
    }

    @Test
    void aNonAsciiPathIsPrecededByItsPaxHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TarWriter(out).addFile("日本.js", 0644, 1, new ByteArrayInputStream("x".getBytes()));
        byte[] tar = out.toByteArray();
        assertEquals(512 + 512 + 512 + 512, tar.length);
        assertEquals('x', tar[156]);
        assertEquals('0', tar[1024 + 156]);
    }

    @Test
    void aFileThatShrankWhilePackingIsAnError() {
        TarWriter tar = new TarWriter(new ByteArrayOutputStream());
        EOFException e = assertThrows(EOFException.class,
                () -> tar.addFile("lib/a.js", 0644, 10, new ByteArrayInputStream(new byte[4])));
        assertTrue(e.getMessage().contains("lib/a.js"), e.getMessage());
    }

    @Test
    void aHardLinkHasSizeZeroAndNamesItsTarget() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TarWriter(out).addHardLink("b.js", 0644, "a.js");
        byte[] tar = out.toByteArray();
        assertEquals(512, tar.length);
        assertEquals('1', tar[156]);
        assertEquals("package/a.js", new String(tar, 157, 12));
        assertEquals("00000000000 \0".substring(1), new String(tar, 124, 12));
    }
}
