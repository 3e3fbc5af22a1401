package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageBinsTest {
    @TempDir
    Path dir;

    private PackageBins bins(String json) throws Exception {
        return PackageBins.of((ObjectNode) new ObjectMapper().readTree(json), dir, 11);
    }

    @Test
    void onlyTheFirstPathSegmentIsDroppedBeforeComparing() throws Exception {
        PackageBins bins = bins(
                "{\"name\":\"x\",\"bin\":{\"root\":\"./rootcli.js\",\"cli\":\"bin/cli.js\",\"sub\":\"sub.js\"}}");
        assertTrue(bins.isPackageBin("rootcli.js"), "a root bin");
        assertFalse(bins.isPackageBin("bin/cli.js"), "tested as cli.js");
        assertTrue(bins.isPackageBin("lib/sub.js"), "tested as sub.js");
        assertTrue(bins.isPackageBin("other/rootcli.js"), "tested as rootcli.js");
        assertTrue(bins.isPackageBin("x/bin/cli.js"), "tested as bin/cli.js");
        assertFalse(bins.isPackageBin("index.js"));
    }

    @Test
    void stringBinIsKeyedByTheNameAndNormalized() throws Exception {
        assertTrue(bins("{\"name\":\"x\",\"bin\":\"./cli.js\"}").isPackageBin("cli.js"));
        assertTrue(bins("{\"name\":\"x\",\"bin\":\"bin//../cli.js\"}").isPackageBin("cli.js"));
        assertFalse(bins("{\"bin\":\"cli.js\"}").isPackageBin("cli.js"), "no name, no bin");
        assertTrue(bins("{\"name\":\"x\",\"bin\":[\"./a.js\"]}").isPackageBin("a.js"));
        assertTrue(bins("{\"name\":\"x\",\"bin\":{\"a\":\"\\\\win\\\\a.js\"}}").isPackageBin("x/win/a.js"));
        assertFalse(bins("{\"name\":\"x\",\"bin\":{\"a\":1}}").isPackageBin("1"));
        assertFalse(bins("{\"name\":\"x\"}").isPackageBin("cli.js"));
    }

    @Test
    void theBinsAreThoseNormalizationKeeps() throws Exception {
        // {"x.js": "sub/x.js"} after normalization: neither x.js nor sub/x.js (tested as x.js) is a bin
        PackageBins array = bins("{\"name\":\"x\",\"bin\":[\"x.js\",\"sub/x.js\"]}");
        assertFalse(array.isPackageBin("x.js"));
        assertFalse(array.isPackageBin("sub/x.js"));
        assertTrue(array.isPackageBin("lib/sub/x.js"), "tested as sub/x.js");
        // {"x": "p.js"} after normalization: the renamed key overwrites the later one
        PackageBins renamed = bins("{\"name\":\"x\",\"bin\":{\"a/x\":\"p.js\",\"x\":\"q.js\"}}");
        assertTrue(renamed.isPackageBin("p.js"));
        assertFalse(renamed.isPackageBin("q.js"));
    }

    @Test
    void directoriesBinListsTheBinsWhenThereIsNoBin() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("tools"));
        java.nio.file.Files.writeString(dir.resolve("tools/run.js"), "x");
        PackageBins bins = bins("{\"name\":\"x\",\"directories\":{\"bin\":\"./tools\"}}");
        assertTrue(bins.isPackageBin("pkg/tools/run.js"), "tested as tools/run.js");
        assertFalse(bins.isPackageBin("tools/run.js"), "tested as run.js");
    }
}
