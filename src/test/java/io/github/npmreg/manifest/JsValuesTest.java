package io.github.npmreg.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.testing.NpmCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** URL.canParse and String.prototype.trim as Node has them, on the strings bugs/homepage/readme fields hold. */
class JsValuesTest {
    private static final List<String> URLS = List.of("https://x.example", "http://x.example/a?b#c", "example.com/x", "x.example",
            "mailto:a@b.c", "git+ssh://git@h/x.git", "https://", "http://a b", "https://h:80", "https://h:abc", "ftp://f",
            "http:x.example", "https:/x", "a:b", "", " https://x", "https://[::1]/", "https://u:p@h/");
    private static final List<String> TRIMS = List.of("  a  ", "\uFEFFa", "\u00a0a\u3000", "\ta\r\n", "a\u200b");

    @Test
    void matchesNode() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String script = "console.log(JSON.stringify([" + json.writeValueAsString(URLS) + ".map(u=>URL.canParse(u)),"
                + json.writeValueAsString(TRIMS) + ".map(t=>t.trim())]))";
        var out = json.readTree(NpmCli.node(Path.of("."), script).orFail("node").stdout());
        for (int i = 0; i < URLS.size(); i++) {
            assertEquals(out.get(0).get(i).asBoolean(), JsValues.canParseUrl(URLS.get(i)), "'" + URLS.get(i) + "'");
        }
        for (int i = 0; i < TRIMS.size(); i++) {
            assertEquals(out.get(1).get(i).asText(), JsValues.jsTrim(TRIMS.get(i)));
        }
    }
}
