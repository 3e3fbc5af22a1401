package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PacklistRules;
import org.junit.jupiter.api.Test;

class NpmSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NpmSelection choose(String parameter, String manifest) throws Exception {
        JsonNode json = JSON.readTree(manifest);
        return NpmSelection.choose(parameter, json, "package.json");
    }

    @Test
    void parameterWinsOverPackageJson() throws Exception {
        NpmSelection s = choose("11", "{\"packageManager\":\"npm@12.2.2\",\"devEngines\":{\"packageManager\":"
                + "{\"name\":\"npm\",\"version\":\"^12\"}}}");
        assertEquals(PacklistRules.NPM_11, s.rules());
        assertEquals(NpmSelection.Origin.PARAMETER, s.origin());
        assertEquals(PacklistRules.NPM_12, choose("12.2.2", "{}").rules());
        assertEquals(PacklistRules.NPM_11, choose(" 11.19.1 ", "{}").rules());
        assertTrue(choose("12", "{}").describe().contains("npmVersion parameter is 12"), choose("12", "{}").describe());
    }

    @Test
    void parameterNamingAnotherNpmIsRefusedWithTheFix() {
        for (String bad : new String[] {"10", "13.0.0", "latest", "12.x", "npm@12"}) {
            NpmregException e = assertThrows(NpmregException.class, () -> choose(bad, "{}"), bad);
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
            assertTrue(e.fix().contains("-Dnpmreg.npmVersion"), e.fix());
        }
    }

    @Test
    void devEnginesRangePicksTheNewestNpmItAllows() throws Exception {
        assertEquals(PacklistRules.NPM_11, devEngines("{\"name\":\"npm\",\"version\":\"^11.6.0\"}").rules());
        assertEquals(PacklistRules.NPM_12, devEngines("{\"name\":\"npm\",\"version\":\">=11\"}").rules());
        assertEquals(PacklistRules.NPM_11, devEngines("{\"name\":\"npm\",\"version\":\"10.x || 11.x\"}").rules());
        assertEquals(PacklistRules.NPM_11, devEngines("{\"name\":\"npm\",\"version\":\"<12.0.0\"}").rules());
        assertEquals(PacklistRules.NPM_12, devEngines("{\"name\":\"npm\",\"version\":\">=13\"}").rules());
        assertEquals(PacklistRules.NPM_11, devEngines("{\"name\":\"npm\",\"version\":\"~10.9.2\"}").rules());
        assertEquals(PacklistRules.NPM_12, devEngines("{\"name\":\"npm\"}").rules());
        NpmSelection s = devEngines("[{\"name\":\"pnpm\",\"version\":\"9\"},{\"name\":\"npm\",\"version\":\"11\"}]");
        assertEquals(PacklistRules.NPM_11, s.rules());
        assertEquals(NpmSelection.Origin.DEV_ENGINES, s.origin());
        assertTrue(s.describe().contains("devEngines.packageManager asks for npm 11"), s.describe());
    }

    @Test
    void devEnginesBeatsPackageManager() throws Exception {
        NpmSelection s = choose(null, "{\"packageManager\":\"npm@12.2.2\",\"devEngines\":{\"packageManager\":"
                + "{\"name\":\"npm\",\"version\":\"11.x\"}}}");
        assertEquals(PacklistRules.NPM_11, s.rules());
        assertEquals(NpmSelection.Origin.DEV_ENGINES, s.origin());
    }

    @Test
    void packageManagerField() throws Exception {
        assertEquals(PacklistRules.NPM_11, choose(null, "{\"packageManager\":\"npm@11.19.1\"}").rules());
        NpmSelection hashed = choose(null, "{\"packageManager\":\"npm@11.6.2+sha512.abc123\"}");
        assertEquals(PacklistRules.NPM_11, hashed.rules());
        assertEquals(NpmSelection.Origin.PACKAGE_MANAGER, hashed.origin());
        NpmSelection pnpm = choose(null, "{\"packageManager\":\"pnpm@9.1.0\"}");
        assertEquals(NpmSelection.Origin.DEFAULT, pnpm.origin());
        assertTrue(pnpm.describe().contains("not npm@<version>"), pnpm.describe());
    }

    @Test
    void otherPackageManagerOrUnreadableRangeFallsThroughAndSaysSo() throws Exception {
        NpmSelection yarn = choose(null, "{\"devEngines\":{\"packageManager\":{\"name\":\"yarn\"}},"
                + "\"packageManager\":\"npm@11.0.0\"}");
        assertEquals(PacklistRules.NPM_11, yarn.rules());
        assertEquals(NpmSelection.Origin.PACKAGE_MANAGER, yarn.origin());
        assertTrue(yarn.describe().contains("names no npm"), yarn.describe());
        NpmSelection none = devEngines("{\"name\":\"npm\",\"version\":\"<0.0.0\"}");
        assertEquals(NpmSelection.Origin.DEFAULT, none.origin());
        assertTrue(none.describe().contains("allows no npm version"), none.describe());
    }

    @Test
    void defaultIsTheNewestNpmFollowed() throws Exception {
        NpmSelection s = choose(null, "{\"name\":\"x\"}");
        assertEquals(PacklistRules.NPM_12, s.rules());
        assertEquals(NpmSelection.Origin.DEFAULT, s.origin());
        assertNull(s.note());
        assertTrue(s.describe().startsWith("Packing with the rules of npm 12.2.2"), s.describe());
    }

    @Test
    void aWorkspaceNamingNoNpmFollowsItsRoot() throws Exception {
        NpmSelection root = choose(null, "{\"packageManager\":\"npm@11.19.1\"}");
        assertEquals(root, choose(null, "{}").orElse(root));
        NpmSelection own = choose(null, "{\"packageManager\":\"npm@12.0.0\"}");
        assertEquals(own, own.orElse(root));
    }

    private static NpmSelection devEngines(String packageManager) throws Exception {
        return choose(null, "{\"devEngines\":{\"packageManager\":" + packageManager + "}}");
    }
}
