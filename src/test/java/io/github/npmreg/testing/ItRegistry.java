package io.github.npmreg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The Verdaccio the build starts for the invoker ITs (see the pom), as seen from their {@code verify.groovy}
 * scripts: its URL and tokens, and the real npm run against it with an .npmrc written for the occasion.
 */
public final class ItRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Properties properties = new Properties();

    public ItRegistry(Object itRegistryDir) {
        Path file = Path.of(String.valueOf(itRegistryDir)).resolve("registry.properties");
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The IT registry was not started: no " + file, e);
        }
    }

    public String url() {
        return properties.getProperty("url");
    }

    public String token() {
        return properties.getProperty("token");
    }

    public String otherToken() {
        return properties.getProperty("otherToken");
    }

    /** {@code //127.0.0.1:PORT/} for .npmrc auth keys. */
    public String nerfDart() {
        URI u = URI.create(url());
        return "//" + u.getHost() + ":" + u.getPort() + "/";
    }

    /** Writes an .npmrc for this registry (scope line when given) with the ci user's token into {@code dir}. */
    public Path writeNpmrc(Path dir, String scope) throws IOException {
        Files.createDirectories(dir);
        String text = (scope == null ? "registry=" + url() + "\n" : scope + ":registry=" + url() + "\n")
                + nerfDart() + ":_authToken=" + token() + "\n";
        return Files.writeString(dir.resolve(".npmrc"), text);
    }

    /** {@code npm view <spec> --json} against this registry, parsed; null when npm says it does not exist. */
    public JsonNode view(Path workDir, String spec) throws IOException {
        Path dir = Files.createDirectories(workDir);
        writeNpmrc(dir, spec.startsWith("@") ? spec.substring(0, spec.indexOf('/')) : null);
        NpmCli.Result r = NpmCli.run(dir, Map.of("npm_config_userconfig", dir.resolve(".npmrc").toString()),
                "view", spec, "--json");
        if (r.exitCode() != 0) {
            if (r.stdout().contains("E404") || r.stderr().contains("E404")) {
                return null;
            }
            throw new IllegalStateException("npm view " + spec + " failed: " + r.stdout() + r.stderr());
        }
        return JSON.readTree(r.stdout());
    }

    /** Installs {@code spec} with the real npm into a fresh project in {@code dir} and returns what node prints for {@code script}. */
    public String installAndRun(Path dir, String spec, String script) throws IOException {
        Files.createDirectories(dir);
        writeNpmrc(dir, spec.startsWith("@") ? spec.substring(0, spec.indexOf('/')) : null);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}\n");
        Map<String, String> env = Map.of("npm_config_userconfig", dir.resolve(".npmrc").toString());
        NpmCli.run(dir, env, "install", "--no-audit", "--no-fund", spec).orFail("npm install " + spec);
        return NpmCli.node(dir, script).orFail("node -e " + script).stdout().strip();
    }

    /** Publishes the package in {@code dir} with the real npm (the oracle for what a publish should produce). */
    public void npmPublish(Path dir, String... extraArgs) throws IOException {
        String name = JSON.readTree(dir.resolve("package.json").toFile()).path("name").asText();
        writeNpmrc(dir, name.startsWith("@") ? name.substring(0, name.indexOf('/')) : null);
        String[] args = new String[extraArgs.length + 2];
        args[0] = "publish";
        args[1] = "--ignore-scripts";
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        NpmCli.run(dir, Map.of("npm_config_userconfig", dir.resolve(".npmrc").toString()), args).orFail("npm publish");
    }
}
