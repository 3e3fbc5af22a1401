package io.github.npmreg.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code docs/troubleshooting.md} from {@link FindingKind}, so the guide lists exactly the findings the code
 * can emit. {@code TroubleshootingDocTest} fails when the committed file differs; regenerate with
 * {@code ./mvnw -q test -Dtest=TroubleshootingDocTest -Dnpmreg.regenerateDocs=true}.
 */
public final class TroubleshootingDoc {
    public static final Path FILE = Path.of("docs", "troubleshooting.md");

    private TroubleshootingDoc() {}

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Troubleshooting\n\n")
                .append("<!-- Generated from io.github.npmreg.doctor.FindingKind by TroubleshootingDoc; do not edit."
                        + " Regenerate: ./mvnw -q test -Dtest=TroubleshootingDocTest -Dnpmreg.regenerateDocs=true -->\n\n")
                .append("`mvn npmreg:verify` runs every check that applies and prints one line per finding: "
                        + "`[PASS]`, `[WARN]` or `[FAIL]`, and for each problem its cause, the evidence it saw and "
                        + "the exact line or setting to change. Any `[FAIL]` fails the build. "
                        + "`-Dnpmreg.verify.format=json` writes the same report to `target/npmreg/verify.json`; "
                        + "`-Dnpmreg.offline=true` (or `mvn -o`) runs only the local checks. `publish` runs the same "
                        + "checks (none of them writes) before it uploads.\n\n")
                .append("Each entry below is one finding id as it appears in the report and the JSON. Tokens are "
                        + "never shown: only their kind and at most their last four characters.\n\n");
        out.append("| id | status | problem |\n|---|---|---|\n");
        for (FindingKind kind : FindingKind.values()) {
            out.append("| [`").append(kind.id()).append("`](#").append(kind.id()).append(") | ")
                    .append(kind.status()).append(" | ").append(text(kind.title())).append(" |\n");
        }
        for (FindingKind kind : FindingKind.values()) {
            out.append("\n## ").append(kind.id()).append("\n\n")
                    .append("**").append(text(capitalize(kind.title()))).append("** (")
                    .append(kind.status() == Status.FAIL ? "fails the build" : "warning").append(")\n\n")
                    .append("- **Cause:** ").append(text(kind.cause())).append('\n')
                    .append("- **What you see:** `").append(kind.typicalError().replace("`", "'")).append("`\n")
                    .append("- **Fix:** ").append(text(kind.fix())).append('\n');
        }
        return out.toString();
    }

    /**
     * Prose for Markdown: a POM element such as {@code <tag>next</tag>} would otherwise be read as an HTML tag (GitHub
     * drops it, the site's renderer fails on it).
     */
    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Writes the guide under {@code projectDir}, atomically. */
    public static void write(Path projectDir) throws IOException {
        Path file = projectDir.resolve(FILE);
        Files.createDirectories(file.getParent());
        Path tmp = io.github.npmreg.TempFiles.create(file.getParent(), "troubleshooting", ".tmp");
        try {
            Files.writeString(tmp, render(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "."));
    }
}
