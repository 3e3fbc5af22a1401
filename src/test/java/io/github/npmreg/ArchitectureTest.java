package io.github.npmreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core never imports Maven: only {@code io.github.npmreg.maven} may. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/npmreg");
    private static final Pattern MAVEN_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(org\\.apache\\.maven|org\\.codehaus\\.plexus|org\\.eclipse\\.aether"
                    + "|org\\.sonatype|org\\.eclipse\\.sisu|io\\.github\\.npmreg\\.maven)\\b",
            Pattern.MULTILINE);

    @Test
    void coreDoesNotImportMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (MAIN.relativize(file).startsWith("maven")) {
                    continue;
                }
                checked++;
                if (MAVEN_IMPORT.matcher(Files.readString(file)).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertFalse(checked == 0, "no core sources found under " + MAIN.toAbsolutePath());
        assertEquals(List.of(), offenders, "core classes must not import Maven, Plexus, Aether or the mojos");
    }

    @Test
    void theCheckRecognisesAMavenImport() {
        assertFalse(!MAVEN_IMPORT.matcher("package x;\nimport org.apache.maven.plugin.Mojo;\n").find());
        assertFalse(MAVEN_IMPORT.matcher("import java.util.List;\n").find());
    }
}
