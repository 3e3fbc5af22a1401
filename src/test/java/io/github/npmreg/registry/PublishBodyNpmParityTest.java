package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.NpmCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code npm publish} is the oracle for the PUT: given the version manifest npm computed, our body must be
 * npm's byte for byte, except {@code _nodeVersion} and {@code _npmVersion}, which we deliberately leave out.
 */
class PublishBodyNpmParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sameBodyAndHeadersAsNpmPublish() throws Exception {
        for (String name : List.of("parity-pkg", "@acme/parity-pkg")) {
            try (ScriptedRegistry registry = new ScriptedRegistry()) {
                String url = registry.url("/api/v4/projects/42/packages/npm/").toString();
                Path pkg = Files.createDirectories(dir.resolve(name.replace('/', '_')));
                Files.writeString(pkg.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\"3.0.0\","
                        + "\"description\":\"Ünïcode \\\"quoted\\\" / slash\",\"main\":\"index.js\","
                        + "\"publishConfig\":{\"access\":\"public\"}}");
                Files.writeString(pkg.resolve("index.js"), "module.exports = 1;\n");
                Files.writeString(pkg.resolve("README.md"), "# parity\n\nline\twith tab\n");
                Files.writeString(pkg.resolve(".npmrc"), "registry=" + url + "\n"
                        + url.substring("http:".length()) + ":_authToken=npm-parity-token\n");
                NpmCli.run(pkg, "publish", "--registry", url).orFail("npm publish");

                ScriptedRegistry.Received npmPut = registry.received.stream()
                        .filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
                ObjectNode npmBody = (ObjectNode) JSON.readTree(npmPut.body());
                assertEquals(new String(npmPut.body(), StandardCharsets.UTF_8), JSON.writeValueAsString(npmBody),
                        "Jackson must write this JSON as JSON.stringify does, for the comparison below to be exact");
                String version = "3.0.0";
                ObjectNode npmVersion = (ObjectNode) npmBody.get("versions").get(version);
                assertTrue(npmVersion.has("_npmVersion") && npmVersion.has("_nodeVersion"), npmVersion.toString());
                npmVersion.remove(List.of("_nodeVersion", "_npmVersion"));
                String attachment = npmBody.get("_attachments").fieldNames().next();
                byte[] tgz = java.util.Base64.getDecoder().decode(
                        npmBody.get("_attachments").get(attachment).get("data").asText());
                Path tarball = Files.write(dir.resolve("npm-" + attachment.replace('/', '_')), tgz);

                ObjectNode manifest = npmVersion.deepCopy();
                manifest.remove("dist");
                registry.received.clear();
                try (RegistryClient client = new RegistryClient(RegistryClientConfig.defaults("npmreg-test",
                        new RecordingLog()).withVisibilityPoll(Duration.ZERO, Duration.ofMillis(1)))) {
                    client.publish(new PublishRequest(java.net.URI.create(url), name, RegistryUrls.escapeName(name),
                            version, manifest, tarball, npmVersion.at("/dist/integrity").asText(),
                            npmVersion.at("/dist/shasum").asText(), "latest", npmBody.get("access").asText(null), null,
                            new Credentials.Token("npm-parity-token", "test"), false, false));
                }
                ScriptedRegistry.Received ourPut = registry.received.stream()
                        .filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();

                assertEquals(npmPut.rawPath(), ourPut.rawPath(), name);
                assertEquals(JSON.writeValueAsString(npmBody), new String(ourPut.body(), StandardCharsets.UTF_8),
                        name + ": body differs from npm's (without _nodeVersion/_npmVersion)");
                for (String header : List.of("Npm-command", "Npm-auth-type", "Content-type", "Authorization")) {
                    assertEquals(npmPut.headers().get(header), ourPut.headers().get(header), name + " " + header);
                }
            }
        }
    }
}
