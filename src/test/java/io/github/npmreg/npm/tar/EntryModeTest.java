package io.github.npmreg.npm.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
