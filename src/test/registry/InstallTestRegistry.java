import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs Verdaccio for the tests: copies package.json and package-lock.json from this directory to the target
 * directory and runs {@code npm ci} there. Skipped when the target already holds node_modules/verdaccio installed
 * from the same two files (a checksum file records which), so re-runs of the build cost about a second.
 *
 * <p>Run by the build with Java's single-file source launcher ({@code java InstallTestRegistry.java <source> <target>})
 * because it runs before test compilation, needs no shell and can explain a missing npm plainly.
 */
public final class InstallTestRegistry {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java InstallTestRegistry.java <dir with package.json + package-lock.json> <target dir>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        List<String> files = List.of("package.json", "package-lock.json");
        String checksum = checksum(source, files);
        Path stamp = target.resolve("installed.sha256");
        if (Files.isRegularFile(target.resolve("node_modules/verdaccio/bin/verdaccio")) && Files.isRegularFile(stamp)
                && Files.readString(stamp).strip().equals(checksum)) {
            System.out.println("[test-registry] Verdaccio already installed in " + target + " from the same lockfile");
            return;
        }
        Files.createDirectories(target);
        Files.deleteIfExists(stamp);
        for (String f : files) {
            Files.copy(source.resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("win");
        List<String> command = List.of(windows ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
        System.out.println("[test-registry] installing Verdaccio: " + String.join(" ", command) + " in " + target);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(target.toFile()).inheritIO().start();
        } catch (IOException e) {
            System.err.println("[test-registry] ERROR: the tests need npm (Node.js 20 with npm 11) on PATH to install the"
                    + " test registry (Verdaccio), and npm could not be started: " + e.getMessage()
                    + ". Install Node.js (https://nodejs.org) so that 'npm --version' works, or skip the tests with"
                    + " -Dmaven.test.skip=true.");
            System.exit(1);
            return;
        }
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.err.println("[test-registry] ERROR: npm ci did not finish within 15 minutes in " + target);
            System.exit(1);
        }
        if (p.exitValue() != 0) {
            System.err.println("[test-registry] ERROR: npm ci failed with exit code " + p.exitValue() + " in " + target
                    + " (see npm's output above). The tests need network access to the npm registry once.");
            System.exit(1);
        }
        Files.writeString(stamp, checksum + System.lineSeparator());
    }

    private static String checksum(Path dir, List<String> files) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String f : files) {
            sha.update(Files.readAllBytes(dir.resolve(f)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
