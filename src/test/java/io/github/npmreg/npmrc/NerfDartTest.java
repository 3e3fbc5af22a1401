package io.github.npmreg.npmrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.NpmregException;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NerfDartTest {
    private static final String P = "/api/v4/projects/42/packages/npm";

    /** test-registry-verdaccio.md §6: the registry URLs of the trailing-slash table and the key npm looks up. */
    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:4881" + P + "/, //127.0.0.1:4881" + P + "/",
        "http://127.0.0.1:4881" + P + ", //127.0.0.1:4881/api/v4/projects/42/packages/",
        "http://127.0.0.1:4880/, //127.0.0.1:4880/",
        "http://127.0.0.1:4880, //127.0.0.1:4880/",
        "https://gitlab.example.com:443/api/v4/packages/npm/, //gitlab.example.com/api/v4/packages/npm/",
        "http://gitlab.example.com:80/x/, //gitlab.example.com/x/",
        "https://gitlab.example.com:80/x/, //gitlab.example.com:80/x/",
        "https://GitLab.Example.COM/Api/, //gitlab.example.com/Api/",
        "https://registry.npmjs.org/, //registry.npmjs.org/",
        "https://user:pw@host/a/b/?q=1#f, //host/a/b/",
        "https://host/a/./b/../c/, //host/a/c/",
    })
    void trailingSlashTable(String url, String expected) {
        assertEquals(expected, NerfDart.of(url));
    }

    @Test
    void hostAndPathKeepsTheLastSegment() {
        assertEquals("//h:8080/a/b", NerfDart.hostAndPath("http://h:8080/a/b?x"));
        assertEquals("//h/", NerfDart.hostAndPath("https://h"));
    }

    @Test
    void relativeUrlIsAClearError() {
        assertThrows(NpmregException.class, () -> NerfDart.of("registry.npmjs.org/"));
    }

    /** npm's own nerf-dart.js decides. */
    @Test
    void matchesNpmsNerfDart() throws Exception {
        List<String> urls = List.of("http://127.0.0.1:4881" + P + "/", "http://127.0.0.1:4881" + P,
                "https://h:443/", "https://h:444", "http://h:80/a", "http://h:443/a/", "https://H.EXAMPLE/A/b",
                "https://h/a/b/c?x=1", "https://h/a/b/c/#frag", "https://u:p@h/x/", "https://h/a/../b/",
                "https://h/a/./", "https://h", "http://[::1]:8080/x/", "https://h/%7Euser/", "https://h//double//");
        ObjectMapper json = new ObjectMapper();
        String script = "const n=require(" + NpmModules.js(NpmModules.path("@npmcli/config/lib/nerf-dart.js")) + ");"
                + "console.log(JSON.stringify(" + json.writeValueAsString(urls) + ".map(u=>n(u))))";
        String[] expected = json.readValue(NpmCli.node(Path.of("."), script).orFail("nerf-dart").stdout(), String[].class);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String ours = NerfDart.of(urls.get(i));
            if (!ours.equals(expected[i])) {
                mismatches.add(urls.get(i) + ": npm " + expected[i] + ", ours " + ours);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
