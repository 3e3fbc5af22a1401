package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real npm CLI, the oracle of the parity and round-trip tests. A missing npm fails the test with a clear
 * message: these checks are never skipped.
 *
 * <p>Each call runs with an empty user config and a cache under {@code target/}, so the developer's own
 * {@code ~/.npmrc} cannot change what npm does here.
 */
public final class NpmCli {
    /** What one npm run did. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result orFail(String what) {
            if (exitCode != 0) {
                fail(what + " failed with exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    private static final Path BUILD_DIR = Path.of(System.getProperty("npmreg.buildDir", "target"));
    private static volatile String version;

    private NpmCli() {}

    /** Runs {@code npm args...} in {@code dir} with extra environment variables; fails the test if npm is missing. */
    public static Result run(Path dir, Map<String, String> env, String... args) {
        requireNpm();
        List<String> command = new ArrayList<>();
        command.add("npm");
        command.addAll(List.of(args));
        return exec(dir, env, command);
    }

    public static Result run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    /**
     * Runs npm 12.2.2 on Node 24, as the build installs them in {@code target/test-sigstore}
     * (src/test/sigstore/package.json), with Node 24 first on PATH. Fails the test with the way to install them
     * when they are missing: the npm 12 parity checks are never skipped.
     */
    public static Result run12(Path dir, String... args) {
        Path node = SigstoreJs.node();
        Path cli = node.getParent().getParent().getParent().resolve("npm/bin/npm-cli.js");
        if (!Files.isRegularFile(cli)) {
            fail("The npm 12 parity tests need npm 12.2.2, which the build installs from src/test/sigstore into "
                    + cli.getParent().getParent() + ", and " + cli + " is missing: run ./mvnw -B "
                    + "process-test-resources (it runs npm ci there).");
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), cli.toString()));
        command.addAll(List.of(args));
        String path = node.getParent() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        return exec(dir, Map.of("PATH", path), command);
    }

    /** Runs {@code script} with the Node 24 the build installs beside npm 12 (see {@link #run12}). */
    public static Result node24(Path dir, String script) {
        return exec(dir, Map.of(), List.of(SigstoreJs.node().toString(), "-e", script));
    }

    /** The {@code node_modules} of the npm 12 the build installs, where its bundled glob and minimatch lie. */
    public static Path npm12Modules() {
        return SigstoreJs.node().getParent().getParent().getParent().resolve("npm/node_modules");
    }

    /** Runs {@code node -e script} in {@code dir}. */
    public static Result node(Path dir, String script) {
        requireNpm();
        return exec(dir, Map.of(), List.of("node", "-e", script));
    }

    /** The npm version, e.g. {@code 11.19.1}; fails the test with a clear message when npm is not installed. */
    public static String requireNpm() {
        String v = version;
        if (v == null) {
            Result r;
            try {
                r = exec(Path.of("."), Map.of(), List.of("npm", "--version"));
            } catch (UncheckedIOException e) {
                r = new Result(-1, "", String.valueOf(e.getCause()));
            }
            if (r.exitCode() != 0) {
                fail("This test needs the real npm CLI (Node 20 + npm 11) on PATH as its oracle, and npm could not be run: "
                        + r.stderr().strip() + ". Install Node.js and npm; CI machines have them.");
            }
            v = r.stdout().strip();
            version = v;
        }
        return v;
    }

    private static Result exec(Path dir, Map<String, String> env, List<String> command) {
        try {
            Path home = Files.createDirectories(BUILD_DIR.resolve("npm-home").toAbsolutePath());
            Path userConfig = home.resolve("empty-npmrc");
            if (!Files.exists(userConfig)) {
                Files.writeString(userConfig, "");
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            Map<String, String> environment = pb.environment();
            environment.keySet().removeIf(k -> k.toLowerCase().startsWith("npm_config_"));
            environment.put("npm_config_userconfig", userConfig.toString());
            environment.put("npm_config_cache", home.resolve("cache").toString());
            environment.put("npm_config_update_notifier", "false");
            environment.put("npm_config_fund", "false");
            environment.put("npm_config_audit", "false");
            environment.putAll(new HashMap<>(env));
            Path out = Files.createTempFile(home, "npm-out", ".txt");
            Path err = Files.createTempFile(home, "npm-err", ".txt");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    fail("npm did not finish within 10 minutes: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
