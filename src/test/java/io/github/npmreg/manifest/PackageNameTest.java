package io.github.npmreg.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.NpmregException;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageNameTest {

    @Test
    void scopedNameParts() {
        PackageName n = PackageName.parse("@acme/hello");
        assertEquals(Optional.of("@acme"), n.scope());
        assertEquals("hello", n.unscopedName());
        assertEquals("@acme%2fhello", n.escapedName());
        assertEquals("acme-hello-1.0.0.tgz", n.tarballFileName("1.0.0"));
        assertEquals("@acme/hello", n.toString());
    }

    @Test
    void unscopedNameParts() {
        PackageName n = PackageName.parse("hello");
        assertEquals(Optional.empty(), n.scope());
        assertEquals("hello", n.escapedName());
        assertEquals("hello-2.0.0-rc.1.tgz", n.tarballFileName("2.0.0-rc.1"));
        assertEquals("myscope-demo-pkg-1.2.3.tgz", PackageName.parse("@myscope/demo-pkg").tarballFileName("1.2.3"));
    }

    @Test
    void invalidNameExplainsTheRule() {
        NpmregException e = assertThrows(NpmregException.class, () -> PackageName.parse(".hello"));
        assertTrue(e.problem().contains("must not start with a period"), e.problem());
        assertTrue(PackageName.warnings("Hello").get(0).contains("use \"hello\""), PackageName.warnings("Hello").toString());
        assertEquals("Hello", PackageName.parse("Hello").toString(), "npm publishes it (validForOldPackages)");
        assertTrue(e.fix().contains("naming-rules"));
    }

    @ParameterizedTest
    @CsvSource({
        "@acme/hello, true", "hello, true", "@Acme/Hello, true", "@my.group/pkg, true", "a+b, true",
        "@acme.git/x, false", "@acme.atom/x, false", "@-acme/x, false", "@acme/x/y, false", "hello world, false",
        "@acme/, false", "hé, false", "@a/b~c, false"
    })
    void gitlabRegex(String name, boolean valid) {
        assertEquals(valid, new PackageName(name).gitlabValid(), name);
    }

    /** validate-npm-package-name (bundled in npm) decides validForNewPackages; we must agree on every name. */
    @Test
    void rulesMatchNpmsValidator() throws Exception {
        List<String> names = List.of("hello", "@acme/hello", "Hello", "@Acme/hello", ".hidden", "_under", "-dash",
                " space", "has space", "node_modules", "favicon.ico", "FAVICON.ICO", "http", "fs/promises", "@acme/http",
                "a".repeat(214), "a".repeat(215), "ex!claim", "@acme/ti~lde", "caf\u00e9", "a/b", "@acme/.dot",
                "@acme/b/c", "@/x", "@acme/", "a:b", "a%20b", "a+b", "", "@acme/under_score", "UPPER.case",
                "\u0441yrillic", "tab\tname", "ok.name-1_2", "@sc ope/x", "@acme/x y", "trailing ", "@x/y'", "*star");
        ObjectMapper json = new ObjectMapper();
        String script = "const v=require(" + NpmModules.js(NpmModules.path("validate-npm-package-name")) + ");"
                + "const names=" + json.writeValueAsString(names) + ";"
                + "console.log(JSON.stringify(names.map(n=>[v(n).validForOldPackages,v(n).validForNewPackages])))";
        NpmCli.Result r = NpmCli.node(Path.of("."), script).orFail("validate-npm-package-name");
        boolean[][] expected = json.readValue(r.stdout(), boolean[][].class);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean old = PackageName.violations(names.get(i)).isEmpty();
            boolean fresh = old && PackageName.warnings(names.get(i)).isEmpty();
            if (old != expected[i][0] || fresh != expected[i][1]) {
                mismatches.add("'" + names.get(i) + "': npm old/new " + expected[i][0] + "/" + expected[i][1]
                        + ", ours " + old + "/" + fresh + " " + PackageName.violations(names.get(i))
                        + PackageName.warnings(names.get(i)));
            }
        }
        assertEquals(List.of(), mismatches);
        assertFalse(names.isEmpty());
    }

    @Test
    void eachViolationSaysWhatToDo() {
        Map<String, String> expectations = Map.of(
                ".x", "must not start with a period",
                "_x", "must not start with an underscore",
                "node_modules", "is reserved",
                "x y", "URL-safe",
                "a".repeat(215), "more than the 214 allowed",
                "http", "Node.js core module");
        expectations.forEach((name, fragment) -> assertTrue(String.join("; ", PackageName.violations(name))
                .concat(String.join("; ", PackageName.warnings(name))).contains(fragment),
                name + ": " + PackageName.violations(name)));
    }
}
