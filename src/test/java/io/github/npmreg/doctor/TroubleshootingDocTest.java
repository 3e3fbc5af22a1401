package io.github.npmreg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The guide, the catalog and the tests cover the same findings. */
class TroubleshootingDocTest {
    private static final Path TESTS = Path.of("src/test/java/io/github/npmreg/doctor");

    @Test
    void committedGuideIsWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("npmreg.regenerateDocs")) {
            TroubleshootingDoc.write(Path.of("."));
        }
        String committed = Files.exists(TroubleshootingDoc.FILE) ? Files.readString(TroubleshootingDoc.FILE) : "";
        assertEquals(TroubleshootingDoc.render(), committed, TroubleshootingDoc.FILE + " is out of date with "
                + "FindingKind. Regenerate it: ./mvnw -q test -Dtest=TroubleshootingDocTest -Dnpmreg.regenerateDocs=true");
    }

    @Test
    void everyFindingHasCauseErrorAndFixAndAUniqueKebabId() {
        Set<String> ids = new HashSet<>();
        for (FindingKind kind : FindingKind.values()) {
            assertTrue(kind.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), kind.id());
            assertTrue(ids.add(kind.id()), "duplicate id " + kind.id());
            assertTrue(!kind.cause().isBlank() && !kind.typicalError().isBlank() && !kind.fix().isBlank(), kind.id());
            assertTrue(kind.status() == Status.FAIL || kind.status() == Status.WARN, kind.id());
        }
    }

    /** Every finding the code can emit is produced by at least one test that builds its broken setup. */
    @Test
    void everyFindingKindIsAssertedByATest() throws IOException {
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> files = Files.list(TESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith("Test.java")
                    && !p.getFileName().toString().equals("TroubleshootingDocTest.java")).toList()) {
                tests.append(Files.readString(f));
            }
        }
        List<String> untested = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            if (!tests.toString().contains("FindingKind." + kind.name() + ".id()")) {
                untested.add(kind.name());
            }
        }
        assertEquals(List.of(), untested, "finding kinds no test asserts");
    }
}
