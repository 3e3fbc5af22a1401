package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.NpmCli;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small package packed by the real {@code npm pack}: the tarball, its integrity and the manifest to publish. */
record NpmPackedFixture(String name, String version, Path tarball, String integrity, String shasum,
        ObjectNode manifest) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static NpmPackedFixture pack(Path work, String name, String version) throws IOException {
        Path dir = Files.createDirectories(work.resolve("src-" + name.replace('/', '-') + "-" + version));
        Files.writeString(dir.resolve("package.json"), "{\n  \"name\": \"" + name + "\",\n  \"version\": \""
                + version + "\",\n  \"description\": \"fixture for the registry tests\",\n  \"main\": \"index.js\","
                + "\n  \"license\": \"MIT\"\n}\n");
        Files.writeString(dir.resolve("index.js"), "module.exports = { hello: () => 'hello from " + name + "@"
                + version + "' };\n");
        Files.writeString(dir.resolve("README.md"), "# " + name + "\n");
        Path out = Files.createDirectories(work.resolve("packed"));
        NpmCli.Result r = NpmCli.run(dir, "pack", "--json", "--pack-destination", out.toString()).orFail("npm pack");
        JsonNode info = JSON.readTree(r.stdout()).get(0);
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("package.json").toFile());
        manifest.put("_id", name + "@" + version);
        manifest.put("readme", "# " + name + "\n");
        manifest.put("readmeFilename", "README.md");
        Path tgz = out.resolve(info.get("filename").asText());
        assertEquals(Files.size(tgz), info.get("size").asLong());
        return new NpmPackedFixture(name, version, tgz, info.get("integrity").asText(), info.get("shasum").asText(),
                manifest);
    }

    PublishRequest request(URI registry, Credentials credentials) {
        return new PublishRequest(registry, name, RegistryUrls.escapeName(name), version, manifest, tarball,
                integrity, shasum, "latest", name.startsWith("@") ? "public" : null, null, credentials, false, false);
    }

    PublishRequest request(URI registry, Credentials credentials, boolean dryRun, boolean skipExisting) {
        PublishRequest r = request(registry, credentials);
        return new PublishRequest(r.registry(), r.name(), r.escapedName(), r.version(), r.manifest(), r.tarball(),
                r.integrity(), r.shasum(), r.tag(), r.access(), r.otp(), r.credentials(), dryRun, skipExisting);
    }
}
