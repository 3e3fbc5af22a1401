package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryModeTest {
    @ParameterizedTest(name = "{0} bin={1} -> {2}")
    @CsvSource({"644,false,644", "664,false,644", "400,false,600", "700,false,700", "755,false,755",
        "4755,false,4755", "1777,false,1755", "600,false,600", "775,false,755", "100644,false,644",
        "600,true,711", "640,true,751", "644,true,755", "664,true,755"})
    void modeRule(String stat, boolean bin, String expected) {
        assertEquals(Integer.parseInt(expected, 8), EntryMode.of(Integer.parseInt(stat, 8), bin));
    }

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
