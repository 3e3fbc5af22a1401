package io.github.npmreg.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.NpmregException;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmModules;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.semver4j.Semver;

class SnapshotVersionTest {
    private static final Instant T = Instant.parse("2026-11-22T01:33:20Z");

    @ParameterizedTest
    @CsvSource({
        "1.2.0-SNAPSHOT, 1.2.0-SNAPSHOT.20261122013320",
        "1.2-SNAPSHOT, 1.2.0-SNAPSHOT.20261122013320",
        "1-SNAPSHOT, 1.0.0-SNAPSHOT.20261122013320",
        "1.2.0-rc.1-SNAPSHOT, 1.2.0-rc.1-SNAPSHOT.20261122013320",
        "1.2.0, 1.2.0",
        "1.2, 1.2.0",
        "1.2.0-rc.1, 1.2.0-rc.1",
        "2.0.0-beta-1, 2.0.0-beta-1",
    })
    void maps(String maven, String npm) {
        assertEquals(npm, SnapshotVersion.toNpm(maven, T));
    }

    @ParameterizedTest
    @CsvSource({"1.2.3.4", "1.2.3.Final", "1.2.3-", "latest", "1.02.3"})
    void rejectsWithAFix(String maven) {
        NpmregException e = assertThrows(NpmregException.class, () -> SnapshotVersion.toNpm(maven, T));
        assertTrue(e.problem().contains("'" + maven + "'"), e.problem());
        assertTrue(e.fix().contains("<version>1.2.0-SNAPSHOT</version>"));
    }

    @Test
    void usesUtcWhateverTheDefaultZone() {
        assertEquals("1.0.0-SNAPSHOT.20261231235959", SnapshotVersion.toNpm("1.0.0-SNAPSHOT", Instant.parse("2026-12-31T23:59:59Z")));
    }

    /** npm's semver orders them: earlier snapshot < later snapshot < release. */
    @Test
    void sortsAsNpmSorts() throws Exception {
        String a = SnapshotVersion.toNpm("1.2.0-SNAPSHOT", T);
        String b = SnapshotVersion.toNpm("1.2.0-SNAPSHOT", T.plusSeconds(1));
        String c = SnapshotVersion.toNpm("1.2.0-SNAPSHOT", T.plusSeconds(86_400L * 40));
        List<String> shuffled = List.of("1.2.0", c, a, "1.1.9", b);
        ObjectMapper json = new ObjectMapper();
        String script = "const s=require(" + NpmModules.js(NpmModules.path("semver")) + ");"
                + "const v=" + json.writeValueAsString(shuffled) + ";"
                + "if(!v.every(x=>s.valid(x)))throw new Error('invalid');console.log(JSON.stringify(s.sort(v)))";
        List<?> sorted = json.readValue(NpmCli.node(Path.of("."), script).orFail("semver").stdout(), List.class);
        assertEquals(List.of("1.1.9", a, b, c, "1.2.0"), sorted);
        assertTrue(new Semver(a).isLowerThan(b) && new Semver(c).isLowerThan("1.2.0"));
    }
}
