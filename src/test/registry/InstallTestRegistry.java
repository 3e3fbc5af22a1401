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
 *
 * <p>Other test tool sets (each in its own folder with its own lockfile, e.g. src/test/sigstore) are installed the
 * same way with two more arguments: the file whose presence proves the install, and a label for the log.
 */
public final class InstallTestRegistry {
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: java InstallTestRegistry.java <dir with package.json + package-lock.json> <target dir>"
                    + " [<file proving the install, relative to target> <label>]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        String marker = args.length == 4 ? args[2] : "node_modules/verdaccio/bin/verdaccio";
        String label = args.length == 4 ? args[3] : "Verdaccio";
        String tag = args.length == 4 ? "[test-tools]" : "[test-registry]";
        List<String> files = List.of("package.json", "package-lock.json");
        String checksum = checksum(source, files);
        Path stamp = target.resolve("installed.sha256");
        if (Files.isRegularFile(target.resolve(marker)) && Files.isRegularFile(stamp)
                && Files.readString(stamp).strip().equals(checksum)) {
            System.out.println(tag + " " + label + " already installed in " + target + " from the same lockfile");
            return;
        }
        Files.createDirectories(target);
        Files.deleteIfExists(stamp);
        for (String f : files) {
            Files.copy(source.resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("win");
        List<String> command = List.of(windows ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
        System.out.println(tag + " installing " + label + ": " + String.join(" ", command) + " in " + target);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(target.toFile()).inheritIO().start();
        } catch (IOException e) {
            System.err.println(tag + " ERROR: the tests need npm (Node.js 20 with npm 11) on PATH to install "
                    + label + ", and npm could not be started: " + e.getMessage()
                    + ". Install Node.js (https://nodejs.org) so that 'npm --version' works, or skip the tests with"
                    + " -Dmaven.test.skip=true.");
            System.exit(1);
            return;
        }
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.err.println(tag + " ERROR: npm ci did not finish within 15 minutes in " + target);
            System.exit(1);
        }
        if (p.exitValue() != 0) {
            System.err.println(tag + " ERROR: npm ci failed with exit code " + p.exitValue() + " in " + target
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
