package io.github.npmreg.npmrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmrcTest {
    private static final Map<String, String> ENV = Map.of("NPM_TOKEN", "tok-123", "HOST", "gitlab.example.com");
    private static final String TRICKY = String.join("\n",
            "; a comment",
            "  # another comment",
            "registry = https://registry.example.com/ ",
            "@acme:registry=https://${HOST}/api/v4/projects/42/packages/npm/",
            "//${HOST}/api/v4/projects/42/packages/npm/:_authToken=\"${NPM_TOKEN}\"",
            "//a.example/:_authToken=${MISSING}",
            "//b.example/:_authToken=${MISSING?}",
            "escaped=\\${NPM_TOKEN}",
            "double=\\\\\\\\${NPM_TOKEN}",
            "single='quoted value'",
            "json=\"with \\\"escape\\\"\"",
            "inline=value ; trailing comment",
            "hash=a\\#b",
            "flag",
            "ca[]=first",
            "ca[]=second",
            "empty=",
            "repeat=1",
            "repeat=2",
            "\r",
            "[section]",
            "hidden=1",
            "//c.example/:_authToken=inside-section");

    @Test
    void parsesNpmsIniDialect() {
        Npmrc rc = Npmrc.parse(TRICKY, Path.of("/x/.npmrc"), ENV);
        assertEquals(Optional.of("https://registry.example.com/"), rc.get("registry"));
        assertEquals(Optional.of("https://gitlab.example.com/api/v4/projects/42/packages/npm/"), rc.get("@acme:registry"));
        assertEquals(Optional.of("tok-123"), rc.get("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken"));
        assertEquals(Optional.of("${MISSING}"), rc.get("//a.example/:_authToken"));
        assertEquals(Optional.of(""), rc.get("//b.example/:_authToken"));
        assertEquals(Optional.of("${NPM_TOKEN}"), rc.get("escaped"));
        assertEquals(Optional.of("\\tok-123"), rc.get("double"));
        assertEquals(Optional.of("quoted value"), rc.get("single"));
        assertEquals(Optional.of("with \"escape\""), rc.get("json"));
        assertEquals(Optional.of("value"), rc.get("inline"));
        assertEquals(Optional.of("a#b"), rc.get("hash"));
        assertEquals(Optional.of("true"), rc.get("flag"));
        assertEquals(List.of("first", "second"), rc.entry("ca").orElseThrow().values());
        assertEquals(Optional.of("2"), rc.get("repeat"));
        assertEquals(Optional.empty(), rc.get("hidden"));
        assertEquals(Optional.empty(), rc.get("//c.example/:_authToken"));
        assertEquals(Set.of("MISSING"), rc.unsetVariables());
        assertEquals(List.of("hidden", "//c.example/:_authToken"),
                rc.sectionKeys().stream().map(Npmrc.SectionKey::key).toList());
        assertEquals(".npmrc file /x/.npmrc, key registry (line 3)", rc.describe("registry"));
    }

    /** npm's own ini parser plus @npmcli/config's env-replace decide every top-level string value. */
    @Test
    void matchesNpmsParser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".npmrc");
        Files.writeString(file, TRICKY);
        ObjectMapper json = new ObjectMapper();
        String script = "const ini=require(" + NpmModules.js(NpmModules.path("ini")) + ");"
                + "const er=require(" + NpmModules.js(NpmModules.path("@npmcli/config/lib/env-replace.js")) + ");"
                + "const env=" + json.writeValueAsString(ENV) + ";"
                + "const raw=ini.parse(require('fs').readFileSync(" + NpmModules.js(file) + ",'utf8'));const out={};"
                + "for(const [k,v] of Object.entries(raw)){const key=er(k,env);"
                + "if(typeof v==='string')out[key]=er(v.trim(),env);"
                + "else if(typeof v==='boolean')out[key]=String(v);"
                + "else if(Array.isArray(v))out[key]=v.map(x=>er(String(x).trim(),env));}"
                + "console.log(JSON.stringify(out))";
        JsonNode expected = json.readTree(NpmCli.node(dir, script).orFail("ini").stdout());
        Npmrc rc = Npmrc.read(file, ENV);
        Map<String, Object> ours = new LinkedHashMap<>();
        rc.entries().forEach((k, e) -> ours.put(k, e.isArray() ? e.values() : e.value()));
        assertEquals(json.convertValue(expected, Map.class), ours);
    }

    @Test
    void missingFileIsEmpty(@TempDir Path dir) {
        assertTrue(Npmrc.read(dir.resolve("nope"), Map.of()).entries().isEmpty());
    }

    @Test
    void crlfFilesParseTheSame() {
        Npmrc rc = Npmrc.parse("a=1\r\n//h/:_authToken=t\r\n", Path.of(".npmrc"), Map.of());
        assertEquals(Optional.of("1"), rc.get("a"));
        assertEquals(Optional.of("t"), rc.get("//h/:_authToken"));
    }

    @Test
    void bareCredentialsAreReported() {
        Npmrc rc = Npmrc.parse("_authToken=abc\nusername=me\n//h/:_authToken=ok\n", Path.of(".npmrc"), Map.of());
        assertEquals(List.of("_authToken", "username"), rc.bareAuthEntries().stream().map(Npmrc.Entry::key).toList());
    }

    @Test
    void environmentLayerFollowsNpmsKeyRules() {
        Npmrc env = Npmrc.fromEnvironment(Map.of("NPM_CONFIG_REGISTRY", "https://r.example/",
                "npm_config_//h.example/:_authToken", "t", "npm_config_fetch_retries", "0", "npm_config_empty", "",
                "PATH", "/bin"));
        assertEquals(Optional.of("https://r.example/"), env.get("registry"));
        assertEquals(Optional.of("t"), env.get("//h.example/:_authToken"));
        assertEquals(Optional.of("0"), env.get("fetch-retries"));
        assertEquals(3, env.entries().size());
    }

    /**
     * The real npm keeps an unset variable literally, without a warning (npm 11), and expands a set one. Auth keys
     * cannot be read back with npm config get (they are "protected"), so this uses registry lines.
     */
    @Test
    void npmConfigGetAgrees(@TempDir Path dir) throws Exception {
        Path user = dir.resolve("user-npmrc");
        Files.writeString(user, "@acme:registry=https://${NPMREG_TEST_HOST}/x/\n@b:registry=https://${NPMREG_UNSET}/y/\n"
                + "@c:registry=https://${NPMREG_UNSET?}h/z/\n");
        Map<String, String> env = Map.of("npm_config_userconfig", user.toString(), "NPMREG_TEST_HOST", "h.example");
        NpmCli.Result r = NpmCli.run(dir, env, "config", "get", "@acme:registry", "@b:registry", "@c:registry")
                .orFail("npm config get");
        Npmrc ours = Npmrc.read(user, Map.of("NPMREG_TEST_HOST", "h.example"));
        String expected = "@acme:registry=" + ours.get("@acme:registry").orElseThrow() + "\n@b:registry="
                + ours.get("@b:registry").orElseThrow() + "\n@c:registry=" + ours.get("@c:registry").orElseThrow();
        assertEquals(expected, r.stdout().strip());
        assertEquals("https://${NPMREG_UNSET}/y/", ours.get("@b:registry").orElseThrow());
        assertEquals(Set.of("NPMREG_UNSET"), ours.unsetVariables());
    }
}
