package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PackageBinsTest {
    private static ObjectNode manifest(String json) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(json);
    }

    @Test
    void onlyTheFirstPathSegmentIsDroppedBeforeComparing() throws Exception {
        PackageBins bins = PackageBins.of(manifest(
                "{\"name\":\"x\",\"bin\":{\"root\":\"./rootcli.js\",\"cli\":\"bin/cli.js\",\"sub\":\"sub.js\"}}"));
        assertTrue(bins.isPackageBin("rootcli.js"), "a root bin");
        assertFalse(bins.isPackageBin("bin/cli.js"), "tested as cli.js");
        assertTrue(bins.isPackageBin("lib/sub.js"), "tested as sub.js");
        assertTrue(bins.isPackageBin("other/rootcli.js"), "tested as rootcli.js");
        assertTrue(bins.isPackageBin("x/bin/cli.js"), "tested as bin/cli.js");
        assertFalse(bins.isPackageBin("index.js"));
    }

    @Test
    void stringBinIsKeyedByTheNameAndNormalized() throws Exception {
        assertTrue(PackageBins.of(manifest("{\"name\":\"x\",\"bin\":\"./cli.js\"}")).isPackageBin("cli.js"));
        assertTrue(PackageBins.of(manifest("{\"name\":\"x\",\"bin\":\"bin//../cli.js\"}")).isPackageBin("cli.js"));
        assertFalse(PackageBins.of(manifest("{\"bin\":\"cli.js\"}")).isPackageBin("cli.js"), "no name, no bin");
        assertTrue(PackageBins.of(manifest("{\"name\":\"x\",\"bin\":[\"./a.js\"]}")).isPackageBin("a.js"));
        assertTrue(PackageBins.of(manifest("{\"name\":\"x\",\"bin\":{\"a\":\"\\\\win\\\\a.js\"}}")).isPackageBin("x/win/a.js"));
        assertFalse(PackageBins.of(manifest("{\"name\":\"x\",\"bin\":{\"a\":1}}")).isPackageBin("1"));
        assertFalse(PackageBins.of(manifest("{\"name\":\"x\"}")).isPackageBin("cli.js"));
    }
}
