package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.gitlab.GitLabEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitLab contract server answers as GitLab's npm API does; the real npm CLI is the client that decides. */
class GitLabNpmServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAT = "glpat-apiScopeToken0001";
    private static final String READ_PAT = "glpat-readApiToken00002";
    private static final String DEPLOY_READ = "gldt-readOnlyDeploy0003";
    private static final String DEPLOY_WRITE = "gldt-writeDeployToken04";
    private static final String JOB = "glcbt-jobTokenOf42-0005";

    private GitLabNpmServer gitlab;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        gitlab = GitLabNpmServer.start()
                .project(42, "acme/web/app")
                .project(43, "acme/other")
                .project(77, "elsewhere/lib")
                .group(7, "acme/web")
                .personalAccessToken(PAT, "api")
                .personalAccessToken(READ_PAT, "read_api")
                .personalAccessToken("glpat-expiredToken00009", LocalDate.of(2020, 1, 1), "api")
                .deployToken(DEPLOY_READ, "read_package_registry")
                .deployToken(DEPLOY_WRITE, "write_package_registry")
                .jobToken(JOB, 42);
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    // ---- HTTP contract -------------------------------------------------------------------------------------

    static ObjectNode publishBody(String name, String version, byte[] tgz) {
        ObjectNode body = JSON.createObjectNode();
        body.put("_id", name);
        body.put("name", name);
        body.putObject("dist-tags").put("latest", version);
        ObjectNode v = body.putObject("versions").putObject(version);
        v.put("name", name);
        v.put("version", version);
        v.put("readme", "# kept out of the metadata");
        v.putObject("dependencies").put("left-pad", "^1.3.0");
        v.putObject("dist").put("shasum", "0123456789abcdef0123456789abcdef01234567")
                .put("integrity", "sha512-AAAA").put("tarball", "http://ignored/" + name + ".tgz");
        body.putNull("access");
        ObjectNode attachment = body.putObject("_attachments").putObject(name + "-" + version + ".tgz");
        attachment.put("content_type", "application/octet-stream");
        attachment.put("data", Base64.getEncoder().encodeToString(tgz));
        attachment.put("length", tgz.length);
        return body;
    }

    private HttpResponse<String> put(URI url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(URI url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> publish(int project, String name, String version, String token) throws Exception {
        return put(gitlab.projectEndpoint(project).resolve(name.replace("/", "%2f")), token,
                publishBody(name, version, ("tgz of " + name + "@" + version).getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    @Test
    void publishStoresThePackageAndMetadataPointsAtTheProjectLevelTarball() throws Exception {
        HttpResponse<String> put = publish(42, "@acme/app", "1.2.3", PAT);
        assertEquals(200, put.statusCode(), put.body());
        assertArrayEquals("tgz of @acme/app@1.2.3".getBytes(StandardCharsets.UTF_8),
                gitlab.stored(42, "@acme/app", "1.2.3").orElseThrow().tarball());
        assertTrue(gitlab.stored(42, "@acme/app", "1.2.3").orElseThrow().packageJson().get("readme") == null,
                "GitLab strips readme before storing package.json");

        for (URI endpoint : List.of(gitlab.projectEndpoint(42), gitlab.projectEndpoint("acme%2Fweb%2Fapp"),
                gitlab.groupEndpoint(7), gitlab.groupEndpoint("acme"), gitlab.instanceEndpoint())) {
            HttpResponse<byte[]> meta = get(endpoint.resolve("@acme%2fapp"), PAT);
            assertEquals(200, meta.statusCode(), endpoint + ": " + text(meta));
            JsonNode doc = JSON.readTree(meta.body());
            assertEquals("1.2.3", doc.path("dist-tags").path("latest").asText());
            JsonNode dist = doc.path("versions").path("1.2.3").path("dist");
            assertEquals(gitlab.projectEndpoint(42) + "@acme/app/-/@acme/app-1.2.3.tgz", dist.path("tarball").asText(),
                    "project-level tarball URL whichever route served the metadata");
            assertEquals("0123456789abcdef0123456789abcdef01234567", dist.path("shasum").asText());
            assertEquals("^1.3.0", doc.path("versions").path("1.2.3").path("dependencies").path("left-pad").asText());
        }
        HttpResponse<byte[]> tgz = get(URI.create(gitlab.projectEndpoint(42) + "@acme/app/-/@acme/app-1.2.3.tgz"), JOB);
        assertEquals(200, tgz.statusCode());
        assertEquals("tgz of @acme/app@1.2.3", text(tgz));
    }

    @Test
    void thereIsNoPublishRouteAtGroupOrInstanceLevel() throws Exception {
        String body = publishBody("@acme/app", "1.0.0", new byte[] {1}).toString();
        assertEquals(404, put(gitlab.groupEndpoint(7).resolve("@acme%2fapp"), PAT, body).statusCode());
        assertEquals(404, put(gitlab.instanceEndpoint().resolve("@acme%2fapp"), PAT, body).statusCode());
        assertEquals(404, put(URI.create(gitlab.projectEndpoint(42) + "@acme/app"), PAT, body).statusCode(),
                "the publish route takes the escaped name only");
    }

    @Test
    void tokensAndScopes() throws Exception {
        HttpResponse<String> anonymous = publish(42, "@acme/app", "1.0.0", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("{\"message\":\"401 Unauthorized\"}", anonymous.body());
        assertEquals(401, publish(42, "@acme/app", "1.0.0", "glpat-unknown").statusCode());
        assertEquals(401, publish(42, "@acme/app", "1.0.0", "glpat-expiredToken00009").statusCode());
        HttpResponse<String> readOnly = publish(42, "@acme/app", "1.0.0", READ_PAT);
        assertEquals(403, readOnly.statusCode());
        assertEquals("{\"message\":\"403 Forbidden\"}", readOnly.body());
        assertEquals(403, publish(42, "@acme/app", "1.0.0", DEPLOY_READ).statusCode());
        assertEquals(404, publish(77, "@acme/app", "1.0.0", JOB).statusCode(), "job token of project 42 in 77");
        assertEquals(200, publish(42, "@acme/app", "1.0.0", JOB).statusCode());
        assertEquals(200, publish(42, "@acme/app", "1.0.1", DEPLOY_WRITE).statusCode());

        URI meta = gitlab.projectEndpoint(42).resolve("@acme%2fapp");
        assertEquals(200, get(meta, READ_PAT).statusCode());
        assertEquals(200, get(meta, DEPLOY_READ).statusCode());
        assertEquals(403, get(meta, DEPLOY_WRITE).statusCode());
        assertEquals(401, get(meta, null).statusCode());
        HttpResponse<byte[]> basic = http.send(HttpRequest.newBuilder(meta).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("gitlab-ci-token:" + JOB).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, basic.statusCode(), "job token as Basic password");

        HttpResponse<byte[]> self = get(gitlab.baseUrl().resolve("api/v4/personal_access_tokens/self"), READ_PAT);
        assertEquals(200, self.statusCode());
        assertEquals("[\"read_api\"]", JSON.readTree(self.body()).path("scopes").toString());
        assertEquals(401, get(gitlab.baseUrl().resolve("api/v4/personal_access_tokens/self"), JOB).statusCode());
    }

    @Test
    void duplicatesAndValidation() throws Exception {
        assertEquals(200, publish(42, "@acme/app", "1.0.0", PAT).statusCode());
        HttpResponse<String> duplicate = publish(42, "@acme/app", "1.0.0", PAT);
        assertEquals(403, duplicate.statusCode());
        assertEquals("{\"message\":\"Package already exists.\",\"error\":\"Package already exists.\"}",
                duplicate.body());
        HttpResponse<String> taken = publish(43, "@acme/app", "1.0.0", PAT);
        assertEquals(400, taken.statusCode(), "same root namespace, another project");
        assertTrue(taken.body().contains("Validation failed: Package already exists"), taken.body());
        assertEquals(200, publish(77, "@acme/app", "1.0.0", PAT).statusCode(), "other root namespace: allowed");

        HttpResponse<String> badName = publish(42, "@acme/bad~name", "1.0.0", PAT);
        assertEquals(400, badName.statusCode());
        assertTrue(badName.body().contains("Name should be a valid NPM package name"), badName.body());
        HttpResponse<String> badVersion = publish(42, "@acme/app", "1.0", PAT);
        assertEquals(400, badVersion.statusCode());
        assertTrue(badVersion.body().contains("Version should follow SemVer: https://semver.org"), badVersion.body());

        ObjectNode big = publishBody("@acme/big", "1.0.0", new byte[] {1});
        ((ObjectNode) big.path("versions").path("1.0.0")).put("description", "x".repeat(20_000));
        HttpResponse<String> tooBig = put(gitlab.projectEndpoint(42).resolve("@acme%2fbig"), PAT, big.toString());
        assertEquals(400, tooBig.statusCode());
        assertTrue(tooBig.body().contains("Package json structure is too large"), tooBig.body());
        ObjectNode bigReadme = publishBody("@acme/big", "1.0.0", new byte[] {1});
        ((ObjectNode) bigReadme.path("versions").path("1.0.0")).put("readme", "x".repeat(50_000));
        assertEquals(200, put(gitlab.projectEndpoint(42).resolve("@acme%2fbig"), PAT, bigReadme.toString())
                .statusCode(), "readme is stripped before the size check");

        ObjectNode noData = publishBody("@acme/empty", "1.0.0", new byte[0]);
        HttpResponse<String> empty = put(gitlab.projectEndpoint(42).resolve("@acme%2fempty"), PAT, noData.toString());
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Attachment data is empty."), empty.body());
    }

    @Test
    void unknownPackagesAreForwardedOrNotFound() throws Exception {
        HttpResponse<byte[]> forwarded = get(gitlab.projectEndpoint(42).resolve("@acme%2fmissing"), PAT);
        assertEquals(302, forwarded.statusCode());
        assertEquals("https://registry.npmjs.org/@acme/missing", forwarded.headers().firstValue("location").orElse(""));
        assertEquals(302, get(gitlab.projectEndpoint(42).resolve("@acme%2fmissing"), null).statusCode(),
                "decided before authentication of the caller's rights");
        gitlab.forwarding(false);
        HttpResponse<byte[]> missing = get(gitlab.projectEndpoint(42).resolve("@acme%2fmissing"), PAT);
        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"404 Package Not Found\"}", text(missing));
    }

    @Test
    void instanceLevelNeedsTheScopeToBeTheRootNamespace() throws Exception {
        gitlab.forwarding(false);
        assertEquals(200, publish(42, "@web/app", "1.0.0", PAT).statusCode(), "publishing never checks the scope");
        assertEquals(200, get(gitlab.projectEndpoint(42).resolve("@web%2fapp"), PAT).statusCode());
        assertEquals(200, get(gitlab.groupEndpoint("acme%2Fweb").resolve("@web%2fapp"), PAT).statusCode());
        assertEquals(404, get(gitlab.instanceEndpoint().resolve("@web%2fapp"), PAT).statusCode());
        assertEquals(200, publish(42, "@acme/app", "1.0.0", PAT).statusCode());
        assertEquals(200, get(gitlab.instanceEndpoint().resolve("@acme%2fapp"), PAT).statusCode());
        assertEquals(404, get(gitlab.groupEndpoint(7).resolve("@acme%2fother"), PAT).statusCode());
    }

    @Test
    void distTags() throws Exception {
        publish(42, "@acme/app", "1.0.0", PAT);
        publish(42, "@acme/app", "2.0.0-rc.1", PAT);
        URI tags = URI.create(gitlab.projectEndpoint(42) + "-/package/@acme%2fapp/dist-tags");
        assertEquals("{\"latest\":\"2.0.0-rc.1\"}", text(get(tags, PAT)));
        assertEquals(204, put(URI.create(tags + "/latest"), PAT, "\"1.0.0\"").statusCode());
        assertEquals(204, put(URI.create(tags + "/next"), PAT, "\"2.0.0-rc.1\"").statusCode());
        assertEquals(403, put(URI.create(tags + "/next"), READ_PAT, "\"1.0.0\"").statusCode());
        JsonNode doc = JSON.readTree(get(gitlab.instanceEndpoint().resolve("@acme%2fapp"), PAT).body());
        assertEquals("1.0.0", doc.path("dist-tags").path("latest").asText());
        assertEquals("2.0.0-rc.1", doc.path("dist-tags").path("next").asText());
        HttpResponse<byte[]> delete = http.send(HttpRequest.newBuilder(URI.create(tags + "/next")).DELETE()
                .header("Authorization", "Bearer " + PAT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(204, delete.statusCode());
        assertEquals("{\"latest\":\"1.0.0\"}", text(get(URI.create(gitlab.instanceEndpoint()
                + "-/package/@acme%2fapp/dist-tags"), PAT)));
    }

    @Test
    void everyRequestIsRecorded() throws Exception {
        publish(42, "@acme/app", "1.0.0", PAT);
        get(gitlab.projectEndpoint(42).resolve("@acme%2fapp"), null);
        List<GitLabNpmServer.Recorded> seen = gitlab.requests();
        assertEquals(2, seen.size());
        assertEquals("PUT", seen.get(0).method());
        assertEquals("/api/v4/projects/42/packages/npm/@acme%2fapp", seen.get(0).rawPath());
        assertEquals("Bearer " + PAT, seen.get(0).header("Authorization"));
        assertTrue(seen.get(0).bodyText().contains("\"_attachments\""));
        assertEquals(200, seen.get(0).status());
        assertEquals(401, seen.get(1).status());
    }

    @Test
    void realNpmInstallsThroughGroupAndInstanceEndpointsWithOnlyTheirOwnAuthKey() throws Exception {
        gitlab.forwarding(false);
        assertEquals(200, publish(42, "@acme/app", "1.0.0", PAT).statusCode());
        // The tarball bytes are not a real tgz here, so install a real one: pack with npm and publish its tgz.
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\":\"@acme/lib\",\"version\":\"2.0.0\"}");
        Files.writeString(pkg.resolve("index.js"), "module.exports = 2;\n");
        Map<String, String> cache = Map.of("npm_config_cache", tmp.resolve("pack-cache").toString());
        NpmCli.run(pkg, cache, "pack").orFail("npm pack");
        byte[] tgz = Files.readAllBytes(pkg.resolve("acme-lib-2.0.0.tgz"));
        ObjectNode body = publishBody("@acme/lib", "2.0.0", tgz);
        // No dist data from the client: the server then hashes the tarball, and npm checks that sha1.
        ((ObjectNode) body.path("versions").path("2.0.0").path("dist")).remove(List.of("shasum", "integrity"));
        assertEquals(200, put(gitlab.projectEndpoint(42).resolve("@acme%2flib"), PAT, body.toString()).statusCode());

        for (java.net.URI endpoint : List.of(gitlab.groupEndpoint(7), gitlab.instanceEndpoint())) {
            Path app = Files.createDirectories(tmp.resolve("app-" + endpoint.getPath().hashCode()));
            Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}");
            Files.writeString(app.resolve(".npmrc"), "@acme:registry=" + endpoint + "\n"
                    + GitLabEndpoints.authKey(endpoint) + ":_authToken=" + PAT + "\n");
            gitlab.clearRequests();
            NpmCli.run(app, Map.of("npm_config_cache", tmp.resolve("cache-" + endpoint.getPath().hashCode())
                    .toString()), "install", "@acme/lib").orFail("npm install via " + endpoint);
            // Measured: the tarball URL is project-level and no key covers it, yet npm sends the token, because
            // it falls back to the registry's credentials when the host matches (npm-pack-and-publish.md section 5).
            GitLabNpmServer.Recorded tarball = gitlab.requests().stream()
                    .filter(r -> r.rawPath().endsWith("/@acme/lib-2.0.0.tgz")).findFirst().orElseThrow();
            assertTrue(tarball.rawPath().startsWith("/api/v4/projects/42/packages/npm/"), tarball.rawPath());
            assertEquals("Bearer " + PAT, tarball.header("authorization"), endpoint.toString());
            assertEquals("2", NpmCli.node(app, "console.log(require('@acme/lib'))").orFail("require").stdout()
                    .strip());
        }
    }

    // ---- the real npm CLI as the client --------------------------------------------------------------------

    @Test
    void realNpmPublishesIntoItAndInstallsFromIt() throws Exception {
        gitlab.forwarding(false);
        String npmrc = "@acme:registry=" + gitlab.projectEndpoint(42) + "\n"
                + GitLabEndpoints.authKey(gitlab.projectEndpoint(42)) + ":_authToken=" + JOB + "\n";

        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\":\"@acme/greeter\",\"version\":\"1.4.0\","
                + "\"main\":\"index.js\",\"license\":\"MIT\"}");
        Files.writeString(pkg.resolve("index.js"), "exports.greet = (n) => 'hello ' + n;\n");
        Files.writeString(pkg.resolve(".npmrc"), npmrc);
        // Caches of their own: npm publish caches the tarball it packed, and the install must fetch it from GitLab.
        Map<String, String> publishCache = Map.of("npm_config_cache", tmp.resolve("publish-cache").toString());
        Map<String, String> installCache = Map.of("npm_config_cache", tmp.resolve("install-cache").toString());
        NpmCli.run(pkg, publishCache, "publish").orFail("npm publish to the GitLab contract server");

        GitLabNpmServer.Recorded put = gitlab.requests().stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow();
        assertEquals("/api/v4/projects/42/packages/npm/@acme%2fgreeter", put.rawPath());
        assertEquals("Bearer " + JOB, put.header("authorization"));
        assertTrue(gitlab.stored(42, "@acme/greeter", "1.4.0").isPresent());

        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}");
        Files.writeString(app.resolve(".npmrc"), npmrc);
        gitlab.clearRequests();
        NpmCli.run(app, installCache, "install", "@acme/greeter").orFail("npm install from the GitLab contract server");
        NpmCli.Result run = NpmCli.node(app, "console.log(require('@acme/greeter').greet('gitlab'))")
                .orFail("require the installed package");
        assertEquals("hello gitlab", run.stdout().strip());
        assertTrue(gitlab.requests().stream().anyMatch(r -> r.rawPath().endsWith("/@acme/greeter-1.4.0.tgz")
                && r.status() == 200 && ("Bearer " + JOB).equals(r.header("authorization"))),
                "npm fetched the project-level tarball with the token: " + gitlab.requests());

        // npm refuses a republish itself after reading the packument; with --force the PUT goes out and npm shows
        // GitLab's 403 with the body's "error" text.
        NpmCli.Result again = NpmCli.run(pkg, publishCache, "publish");
        assertTrue(again.stderr().contains("You cannot publish over the previously published versions: 1.4.0."),
                again.stderr());
        NpmCli.Result forced = NpmCli.run(pkg, publishCache, "publish", "--force");
        assertTrue(forced.exitCode() != 0);
        assertTrue(forced.stderr().contains("403 Forbidden - PUT " + gitlab.projectEndpoint(42) + "@acme%2fgreeter"
                + " - Package already exists."), forced.stderr());
    }
}
