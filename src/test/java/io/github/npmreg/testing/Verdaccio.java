package io.github.npmreg.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real npm registry for tests: Verdaccio 6.8 as installed by the build in {@code target/test-registry}
 * (see test-registry-verdaccio.md). One instance per test class keeps the suite fast (start-up is ~0.8 s).
 *
 * <p>Usable from JUnit ({@code try (Verdaccio v = Verdaccio.start(dir))}) and from plain Java:
 * {@code java ... Verdaccio start <dir>} writes {@code <dir>/registry.properties} and leaves the server running;
 * {@code Verdaccio stop <dir>} stops it. Every server runs under {@code timeout 1800}, so none lives longer than
 * 30 minutes even when nobody stops it.
 */
public final class Verdaccio implements AutoCloseable {
    public static final String CI_USER = "ci";
    public static final String CI_PASSWORD = "ci-secret-123";
    public static final String OTHER_USER = "other";
    public static final String OTHER_PASSWORD = "other-secret-456";

    /** What differs between the configurations the tests need. */
    public record Options(String maxBodySize, String urlPrefix) {
        public static Options defaults() {
            return new Options("500mb", null);
        }

        public Options withMaxBodySize(String size) {
            return new Options(size, urlPrefix);
        }

        public Options withUrlPrefix(String prefix) {
            return new Options(maxBodySize, prefix);
        }
    }

    private final Process process;
    private final URI url;
    private final Path log;
    private final Thread shutdownHook;

    private Verdaccio(Process process, URI url, Path log, Thread shutdownHook) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.shutdownHook = shutdownHook;
    }

    public static Verdaccio start(Path workDir) {
        return start(workDir, Options.defaults());
    }

    public static Verdaccio start(Path workDir, Options options) {
        return start(workDir, options, false);
    }

    private static Verdaccio start(Path workDir, Options options, boolean detached) {
        try {
            Path dir = Files.createDirectories(workDir.toAbsolutePath());
            Path config = dir.resolve("config.yaml");
            Files.writeString(config, config(options));
            Path bin = installDir().resolve("node_modules/verdaccio/bin/verdaccio");
            if (!Files.isRegularFile(bin)) {
                throw new IllegalStateException("Verdaccio is not installed at " + bin + ": run the build"
                        + " (mvn process-test-resources installs it with npm ci into target/test-registry)");
            }
            int port = freePort();
            List<String> command = new ArrayList<>();
            Path timeout = onPath("timeout");
            if (timeout != null) {
                // A registry must not outlive its test run by long: the launcher JVM exits right away, and a test
                // JVM killed with SIGKILL runs no shutdown hook. timeout(1) forwards our SIGTERM to node.
                command.addAll(List.of(timeout.toString(), "1800"));
            } else if (detached) {
                throw new IllegalStateException("the detached launcher needs coreutils' timeout on PATH");
            }
            command.addAll(List.of("node", bin.toString(), "--config", config.toString(),
                    "--listen", "127.0.0.1:" + port));
            Path log = dir.resolve("verdaccio-" + port + ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            Thread hook = detached ? null : new Thread(process::destroy, "verdaccio-shutdown-" + port);
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            Verdaccio v = new Verdaccio(process, URI.create("http://127.0.0.1:" + port + "/"), log, hook);
            v.awaitReady();
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry URL with a trailing slash, e.g. {@code http://127.0.0.1:40123/}. */
    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Registers {@code name} (or logs in when it exists) and returns a fresh token for it. */
    public String addUser(String name, String password) {
        String body = "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}";
        URI uri = url.resolve("-/user/org.couchdb.user:" + name);
        Response r = request("PUT", uri, body, null);
        if (r.status == 409) {
            String basic = java.util.Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
            r = request("PUT", uri, body, "Basic " + basic);
        }
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body);
        if (r.status != 201 || !m.find()) {
            throw new IllegalStateException("adding user " + name + " failed: " + r.status + " " + r.body);
        }
        return m.group(1);
    }

    /** GET with an Authorization header; for tests that look at what the registry stored. */
    public String get(String pathAndQuery, String authorization) {
        Response r = request("GET", url.resolve(pathAndQuery), null, authorization);
        if (r.status != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " -> " + r.status + " " + r.body);
        }
        return r.body;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to remove
            }
        }
    }

    /** {@code start <dir>} or {@code stop <dir>}, for invoker ITs and scripts. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("start", "stop").contains(args[0])) {
            System.err.println("usage: Verdaccio start|stop <dir>");
            System.exit(2);
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        Path file = dir.resolve("registry.properties");
        if (args[0].equals("start")) {
            // Every build's ITs start from an empty registry: a version left by an earlier build would make a
            // first publish fail as a duplicate.
            deleteRecursively(dir);
            Files.createDirectories(dir);
            Verdaccio v = start(dir, Options.defaults(), true);
            Properties p = new Properties();
            p.setProperty("url", v.url().toString());
            p.setProperty("pid", Long.toString(v.pid()));
            p.setProperty("log", v.log().toString());
            p.setProperty("user", CI_USER);
            p.setProperty("password", CI_PASSWORD);
            p.setProperty("token", v.addUser(CI_USER, CI_PASSWORD));
            p.setProperty("otherUser", OTHER_USER);
            p.setProperty("otherPassword", OTHER_PASSWORD);
            p.setProperty("otherToken", v.addUser(OTHER_USER, OTHER_PASSWORD));
            Path tmp = Files.createTempFile(dir, "registry", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Verdaccio test registry (stop with: Verdaccio stop " + dir + ")");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Verdaccio running at " + v.url() + " (pid " + v.pid() + "), details in " + file);
        } else {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            long pid = Long.parseLong(p.getProperty("pid"));
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroy);
                h.destroy();
                h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> {
                    h.destroyForcibly();
                    return h;
                }).join();
            });
            System.out.println("Verdaccio (pid " + pid + ") stopped");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static String config(Options options) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by io.github.npmreg.testing.Verdaccio (config from test-registry-verdaccio.md section 2)\n");
        y.append("storage: ./storage\n");
        y.append("auth:\n  htpasswd:\n    file: ./htpasswd\n");
        y.append("uplinks: {}\n");
        y.append("packages:\n");
        for (String pattern : List.of("'@*/*'", "'**'")) {
            y.append("  ").append(pattern).append(":\n")
                    .append("    access: $authenticated\n    publish: $authenticated\n    unpublish: $authenticated\n");
        }
        y.append("listen: 127.0.0.1:4873\n");
        y.append("max_body_size: ").append(options.maxBodySize()).append('\n');
        if (options.urlPrefix() != null) {
            y.append("url_prefix: ").append(options.urlPrefix()).append('\n');
        }
        y.append("userRateLimit:\n  windowMs: 1000\n  max: 100000\n");
        y.append("web:\n  enable: false\n");
        y.append("middlewares:\n  audit:\n    enabled: false\n");
        y.append("publish:\n  allow_offline: true\n");
        y.append("server:\n  keepAliveTimeout: 60\n");
        y.append("log:\n  type: stdout\n  format: json\n  level: http\n");
        return y.toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Verdaccio exited with code " + process.exitValue()
                        + " before it was ready; its log (" + log + "):\n" + readLog());
            }
            try {
                if (request("GET", url.resolve("-/ping"), null, null).status == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // connection refused until it listens
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("Verdaccio did not answer /-/ping within 15 s; its log (" + log + "):\n"
                + readLog());
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private record Response(int status, String body) {}

    private static Response request(String method, URI uri, String body, String authorization) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(2000);
            c.setReadTimeout(30000);
            if (authorization != null) {
                c.setRequestProperty("Authorization", authorization);
            }
            c.setRequestProperty("Accept", "application/json");
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            c.disconnect();
            return new Response(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path installDir() {
        return Path.of(System.getProperty("npmreg.testRegistryDir", "target/test-registry")).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path onPath(String program) {
        if (isWindows()) {
            return null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase().startsWith("win");
    }

    private static java.io.File nullFile() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }
}
