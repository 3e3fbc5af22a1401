package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.npmrc.NpmrcWriter;
import io.github.npmreg.publish.NpmrcContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real registry at a GitLab project path: Verdaccio with {@code url_prefix} behind {@link PathPrefixProxy}
 * (test-registry-verdaccio.md: the prefix alone does not mount the routes; the proxy strips it and Verdaccio writes
 * it back into the tarball URLs). The real npm publishes and installs through it with the {@code .npmrc} lines
 * {@link GitLabEndpoints} produces, and installs with the {@code .npmrc} the {@code npmrc} goal generates.
 */
class VerdaccioBehindGitLabPathTest {
    private static final String PREFIX = "/api/v4/projects/42/packages/npm";

    @TempDir
    Path tmp;

    @Test
    void npmPublishesAndInstallsThroughTheProjectPath() throws Exception {
        try (Verdaccio verdaccio = Verdaccio.start(tmp.resolve("verdaccio"),
                        Verdaccio.Options.defaults().withUrlPrefix(PREFIX + "/"));
                PathPrefixProxy proxy = PathPrefixProxy.start(PREFIX, verdaccio.url())) {
            String token = verdaccio.addUser(Verdaccio.CI_USER, Verdaccio.CI_PASSWORD);
            GitLabEndpoints.Classification endpoint = GitLabEndpoints.classify(proxy.prefixedUrl());
            assertEquals(GitLabEndpoints.Level.PROJECT, endpoint.level());
            String npmrc = "@acme:registry=" + endpoint.endpoint() + "\n"
                    + GitLabEndpoints.authKey(endpoint.endpoint()) + ":_authToken=" + token + "\n";
            Map<String, String> cache = Map.of("npm_config_cache", tmp.resolve("npm-cache").toString());

            Path pkg = Files.createDirectories(tmp.resolve("pkg"));
            Files.writeString(pkg.resolve("package.json"),
                    "{\"name\":\"@acme/prefixed\",\"version\":\"0.3.0\",\"main\":\"index.js\"}");
            Files.writeString(pkg.resolve("index.js"), "module.exports = 'through the project path';\n");
            Files.writeString(pkg.resolve(".npmrc"), npmrc);
            NpmCli.run(pkg, cache, "publish").orFail("npm publish through the prefix proxy");

            JsonNode meta = new ObjectMapper().readTree(verdaccio.get("@acme%2fprefixed", "Bearer " + token));
            String tarball = meta.path("versions").path("0.3.0").path("dist").path("tarball").asText();
            // Asked directly (Host = Verdaccio's own address), Verdaccio still writes the prefix into the URL.
            assertEquals(verdaccio.url().resolve(PREFIX + "/@acme/prefixed/-/prefixed-0.3.0.tgz").toString(), tarball);

            // The install uses the file the npmrc goal writes (NpmrcContent + NpmrcWriter), with the token as
            // ${NPM_TOKEN} (tokensFromEnvironment), as the user config npm is pointed at.
            Path generated = tmp.resolve("generated/.npmrc");
            Files.createDirectories(generated.getParent());
            NpmrcWriter.writeFile(generated, NpmrcContent.lines(List.of(new NpmrcContent.Registry("@acme",
                    proxy.prefixedUrl(), new Credentials.Token(token, "test"), "NPM_TOKEN"))));
            String written = Files.readString(generated);
            assertTrue(written.contains("@acme:registry=" + endpoint.endpoint() + "\n"), written);
            assertTrue(written.contains(GitLabEndpoints.authKey(endpoint.endpoint()) + ":_authToken=${NPM_TOKEN}"),
                    written);
            Path app = Files.createDirectories(tmp.resolve("app"));
            Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}");
            Map<String, String> freshCache = Map.of("npm_config_cache", tmp.resolve("install-cache").toString(),
                    "npm_config_userconfig", generated.toString(), "NPM_TOKEN", token);
            NpmCli.run(app, freshCache, "install", "@acme/prefixed").orFail("npm install through the prefix proxy");
            assertEquals("through the project path", NpmCli.node(app, "console.log(require('@acme/prefixed'))")
                    .orFail("require").stdout().strip());
            assertTrue(proxy.seen().stream().anyMatch(f -> f.method().equals("GET")
                    && f.requestedPath().startsWith(PREFIX + "/@acme/prefixed/-/") && f.forwardedPath() != null),
                    "the tarball came through the proxy: " + proxy.seen());
        }
    }
}
