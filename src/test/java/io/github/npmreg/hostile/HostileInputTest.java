package io.github.npmreg.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.gitlab.BackgroundProcessing;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.npmrc.NpmrcFiles;
import io.github.npmreg.pack.PackRequest;
import io.github.npmreg.pack.PackResult;
import io.github.npmreg.pack.Packer;
import io.github.npmreg.publish.ManifestStaging;
import io.github.npmreg.publish.NpmWarnings;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import io.github.npmreg.publish.Publisher;
import io.github.npmreg.publish.Release;
import io.github.npmreg.registry.RecordingLog;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs, each run through the core the way {@code mvn deploy} runs it (read package.json, plan the release,
 * stage package.json, pack, publish to a registry that may misbehave on purpose). Every case asserts: the outcome
 * (published, or refused before anything reached the registry); that a refusal names the file, field or setting
 * and has a fix; no exception class name and no stack trace in what the user sees; no temp file left; the registry
 * holds a version only for valid input, and the version npm would publish; no secret (token, password, their base64
 * forms) in the log, the messages, any file but the {@code .npmrc} written for the case, the tarball or the requests
 * the registry received beyond the Authorization header.
 */
class HostileInputTest {
    static final String TOKEN = "npm_HostileT0kenValue123456";
    static final String USER = "hostile-user";
    static final String PASSWORD = "Hostile-Passw0rd!x";
    static final List<String> SECRETS = List.of(TOKEN, PASSWORD,
            b64(USER + ":" + PASSWORD), b64(PASSWORD), b64(TOKEN));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLASS_NAMES = Pattern.compile(
            "\\b(?:java|javax|com\\.fasterxml|org\\.apache|sun)\\.[\\w.$]+|\\b\\w+(?:Exception|Error)\\b(?!:? *\\()"
                    + "|\\n\\s+at [\\w.$]+\\(");

    @TempDir
    Path dir;

    enum Expect { PUBLISHED, REFUSED }

    /** One hostile case. */
    record Case(String id, Map<String, Object> files, Consumer<PublishSettings.Builder> choices,
            Function<HostileRegistry.Request, HostileRegistry.Behaviour> registry, Consumer<Client> client,
            Expect expect, String version, List<String> says) {
        @Override
        public String toString() {
            return id;
        }

        Case choose(Consumer<PublishSettings.Builder> more) {
            return new Case(id, files, choices.andThen(more), registry, client, expect, version, says);
        }

        Case answering(Function<HostileRegistry.Request, HostileRegistry.Behaviour> r) {
            return new Case(id, files, choices, r, client, expect, version, says);
        }

        Case clientWith(Consumer<Client> c) {
            return new Case(id, files, choices, registry, client.andThen(c), expect, version, says);
        }

        Case file(String name, Object content) {
            Map<String, Object> f = new LinkedHashMap<>(files);
            f.put(name, content);
            return new Case(id, f, choices, registry, client, expect, version, says);
        }
    }

    /** What the case sets on the client besides the defaults (fast retries, short timeouts). */
    static final class Client {
        int retries = 2;
        Duration socket = Duration.ofSeconds(5);
        Duration request = Duration.ofSeconds(10);
        Path caFile;
        boolean bounded;
    }

    // --- the cases ---------------------------------------------------------------------------------------------

    static Case published(String id, Object packageJson, String version) {
        return new Case(id, files(packageJson), b -> {}, HostileInputTest::registryThatAccepts, c -> {},
                Expect.PUBLISHED, version, List.of());
    }

    static Case refused(String id, Object packageJson, String... says) {
        return new Case(id, files(packageJson), b -> {}, HostileInputTest::registryThatAccepts, c -> {},
                Expect.REFUSED, null, List.of(says));
    }

    static Map<String, Object> files(Object packageJson) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("package.json", packageJson);
        f.put("index.js", "module.exports = 1;\n");
        return f;
    }

    static String pj(String extra) {
        return "{\"name\":\"@acme/hostile\",\"version\":\"1.0.0\"" + extra + "}";
    }

    static String named(String name) {
        return "{\"name\":" + JSON.valueToTree(name) + ",\"version\":\"1.0.0\"}";
    }

    static String versioned(String version) {
        return "{\"name\":\"@acme/hostile\",\"version\":" + version + "}";
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        String ok = pj("");
        // package.json as a file: npm's JSON.parse verdicts (checked with npm 11: EJSONPARSE or not)
        all.add(refused("json-trailing-text", ok + " trailing", "package.json", "line 1", "EJSONPARSE"));
        all.add(refused("json-two-documents", ok + ok, "package.json", "more after the JSON"));
        all.add(refused("json-utf16le-bom", concat(bytes(0xFF, 0xFE), ok.getBytes(StandardCharsets.UTF_16LE)),
                "package.json", "UTF-16"));
        all.add(refused("json-utf16be", ok.getBytes(StandardCharsets.UTF_16BE), "package.json", "UTF-16"));
        all.add(refused("json-utf32", ok.getBytes(java.nio.charset.Charset.forName("UTF-32LE")), "package.json",
                "UTF-32"));
        all.add(published("json-utf8-bom", "\uFEFF" + ok, "1.0.0"));
        all.add(refused("json-empty-file", "", "package.json", "empty"));
        all.add(refused("json-array-root", "[" + ok + "]", "package.json", "not an object"));
        all.add(refused("json-string-root", "\"x\"", "package.json", "not an object"));
        all.add(refused("json-comment", "// c\n" + ok, "package.json", "line 1"));
        all.add(refused("json-single-quotes", "{'name':'x','version':'1.0.0'}", "package.json", "line 1"));
        all.add(refused("json-truncated", ok.substring(0, 20), "package.json", "EJSONPARSE"));
        all.add(refused("json-deep-nesting", pj(",\"x\":" + "[".repeat(5000) + "]".repeat(5000)), "package.json",
                "deeper than"));
        all.add(published("json-nested-50", pj(",\"x\":" + "[".repeat(50) + "]".repeat(50)), "1.0.0"));
        all.add(refused("json-control-char", pj(",\"description\":\"a\u0001b\""), "package.json", "line 1"));
        all.add(published("json-duplicate-keys", "{\"name\":\"@acme/hostile\",\"version\":\"0.0.1\",\"version\":\"1.0.0\"}",
                "1.0.0"));
        all.add(published("json-invalid-utf8-in-field", concat(concat(
                "{\"name\":\"@acme/hostile\",\"version\":\"1.0.0\",\"description\":\"bad ".getBytes(StandardCharsets.UTF_8),
                bytes(0xC3, 0x28, 0xFF)), "\"}".getBytes(StandardCharsets.UTF_8)), "1.0.0"));
        // names: npm refuses errors of validate-npm-package-name, publishes its warnings
        all.add(refused("name-missing", "{\"version\":\"1.0.0\"}", "\"name\"", "package.json"));
        all.add(refused("name-number", "{\"name\":5,\"version\":\"1.0.0\"}", "\"name\"", "not a string"));
        all.add(refused("name-leading-dot", named(".hidden"), "\"name\"", "period"));
        all.add(refused("name-space", named("has space"), "\"name\"", "URL-safe"));
        all.add(refused("name-node-modules", named("node_modules"), "\"name\"", "reserved"));
        all.add(refused("name-empty-scope-part", named("@acme/"), "\"name\""));
        all.add(refused("name-slash", named("a/b"), "\"name\"", "URL-safe"));
        all.add(published("name-upper-case-scoped", named("@Acme/Hostile"), "1.0.0"));
        all.add(published("name-over-214", named("a".repeat(220)), "1.0.0"));
        all.add(published("name-core-module", named("http"), "1.0.0"));
        all.add(refused("name-upper-case-strict", named("@Acme/Hostile"), "capital letters", "strict")
                .choose(b -> b.strict(true)));
        // versions: cleaned as npm's semver.clean does, never sent when not SemVer
        all.add(published("version-v-prefix", versioned("\"v1.0.0\""), "1.0.0"));
        all.add(published("version-equals-prefix", versioned("\"=1.0.0\""), "1.0.0"));
        all.add(published("version-spaces", versioned("\"  1.0.0 \""), "1.0.0"));
        all.add(published("version-build-metadata", versioned("\"1.0.0+build.5\""), "1.0.0"));
        all.add(refused("version-short", versioned("\"1.0\""), "\"version\"", "semantic version"));
        all.add(refused("version-word", versioned("\"latest\""), "\"version\"", "semantic version"));
        all.add(refused("version-number", versioned("1"), "\"version\"", "semantic version"));
        all.add(refused("version-leading-zero", versioned("\"01.0.0\""), "\"version\""));
        all.add(refused("version-missing", "{\"name\":\"@acme/hostile\"}", "\"version\"", "missing"));
        all.add(refused("version-prerelease-without-tag", versioned("\"2.0.0-beta.1\""), "prerelease", "tag"));
        all.add(refused("version-v-prefix-strict", versioned("\"v1.0.0\""), "cleaned", "strict")
                .choose(b -> b.strict(true)));
        // files and bin: what npm 11 packs without complaint
        all.add(published("files-as-string", pj(",\"files\":\"index.js\""), "1.0.0"));
        all.add(published("files-outside-package", pj(",\"files\":[\"index.js\",\"../outside.js\"]"), "1.0.0")
                .file("../outside.js", "SECRET-OUTSIDE"));
        all.add(published("files-absolute", pj(",\"files\":[\"index.js\",\"/etc/passwd\"]"), "1.0.0"));
        all.add(published("bin-missing-file", pj(",\"bin\":\"missing.js\""), "1.0.0"));
        all.add(published("bin-outside-package", pj(",\"bin\":{\"x\":\"../outside.js\"}"), "1.0.0"));
        all.add(published("bin-number", pj(",\"bin\":5"), "1.0.0"));
        all.add(published("publish-config-string", pj(",\"publishConfig\":\"x\""), "1.0.0"));
        // private packages: npm's EPRIVATE for any truthy value
        all.add(refused("private-true", pj(",\"private\":true"), "private", "EPRIVATE", "remove the 'private'"));
        all.add(refused("private-string-false", pj(",\"private\":\"false\""), "private", "EPRIVATE"));
        all.add(refused("private-one", pj(",\"private\":1"), "EPRIVATE"));
        all.add(refused("private-dry-run", pj(",\"private\":true"), "EPRIVATE").choose(b -> b.dryRun(true)));
        all.add(published("private-false", pj(",\"private\":false"), "1.0.0"));
        // credentials in URLs: refused as npm refuses them (ENEEDAUTH), never shown nor copied
        all.add(refused("url-userinfo-parameter", ok, "user:***@", "settings.xml")
                .choose(b -> b.registry("http://" + USER + ":" + PASSWORD + "@127.0.0.1:9/")));
        all.add(refused("url-token-as-userinfo", ok, "***@", "ENEEDAUTH")
                .choose(b -> b.registry("http://" + TOKEN + "@127.0.0.1:9/")));
        all.add(refused("url-userinfo-publish-config", pj(",\"publishConfig\":{\"registry\":\"http://" + USER + ":"
                + PASSWORD + "@127.0.0.1:9/\"}"), "publishConfig.registry", "user:***@").choose(b -> b.registry(null)));
        all.add(refused("url-userinfo-npmrc-registry", named("hostile"), ".npmrc", "user:***@")
                .file(".npmrc", "registry=http://" + USER + ":" + PASSWORD + "@127.0.0.1:9/\n")
                .choose(b -> b.registry(null)));
        all.add(refused("url-userinfo-npmrc-scope", ok, ".npmrc", "@acme:registry", "user:***@")
                .file(".npmrc", "@acme:registry=http://" + USER + ":" + PASSWORD + "@127.0.0.1:9/\n")
                .choose(b -> b.registry(null)));
        all.add(refused("url-ftp", ok, "registry", "http(s)").choose(b -> b.registry("ftp://127.0.0.1/")));
        all.add(refused("url-not-a-url", ok, "registry", "not a valid URL").choose(b -> b.registry("ht tp://x y/")));
        all.add(refused("url-query", ok, "query").choose(b -> b.registry("http://127.0.0.1:9/?token=" + TOKEN)));
        // settings.xml servers and .npmrc auth
        all.add(published("settings-server-token", ok, "1.0.0"));
        all.add(published("settings-server-basic", ok, "1.0.0")
                .choose(b -> b.server(Optional.of(new ServerCredentials("npm", USER, PASSWORD, "settings.xml")))));
        all.add(refused("settings-server-empty-password", ok, "npm", "settings.xml")
                .choose(b -> b.server(Optional.of(new ServerCredentials("npm", null, "", "settings.xml")))));
        all.add(published("npmrc-auth-token", ok, "1.0.0").choose(b -> b.server(Optional.empty()))
                .file(".npmrc", "//127.0.0.1:PORT/:_authToken=" + TOKEN + "\n"));
        all.add(published("npmrc-auth-basic", ok, "1.0.0").choose(b -> b.server(Optional.empty()))
                .file(".npmrc", "//127.0.0.1:PORT/:_auth=" + b64(USER + ":" + PASSWORD) + "\n"));
        all.add(refused("npmrc-unset-variable", ok, ".npmrc", "NPMREG_HOSTILE_UNSET").choose(b -> b.server(Optional.empty()))
                .file(".npmrc", "//127.0.0.1:PORT/:_authToken=${NPMREG_HOSTILE_UNSET}\n"));
        // TLS files
        all.add(refused("tls-ca-missing", ok, "caFile", "does not exist", "PEM").clientWith(c -> c.caFile = Path.of("no-such-ca.pem")));
        all.add(refused("tls-ca-not-pem", ok, "ca.pem", "not a PEM file", "BEGIN CERTIFICATE")
                .file("ca.pem", "hello!").clientWith(c -> c.caFile = Path.of("ca.pem")));
        all.add(refused("tls-ca-private-key", ok, "ca.pem", "private key")
                .file("ca.pem", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n")
                .clientWith(c -> c.caFile = Path.of("ca.pem")));
        all.add(refused("tls-ca-damaged", ok, "ca.pem", "cannot be decoded")
                .file("ca.pem", "-----BEGIN CERTIFICATE-----\nMII!!!not base64!!!\n-----END CERTIFICATE-----\n")
                .clientWith(c -> c.caFile = Path.of("ca.pem")));
        all.add(refused("tls-ca-directory", ok, "directory").file("cadir/x", "x").clientWith(c -> c.caFile = Path.of("cadir")));
        all.add(refused("tls-ca-der", ok, "ca.der", "DER").file("ca.der", bytes(0x30, 0x82, 0x01, 0x0a, 0x02))
                .clientWith(c -> c.caFile = Path.of("ca.der")));
        // registries that answer wrongly, slowly or echo the request
        all.add(refused("answer-html-to-put", ok, "not an npm registry answer", "text/html", "<!DOCTYPE html>",
                "registry URL").answering(r -> r.method().equals("PUT")
                        ? HostileRegistry.answer(200, "text/html", "<!DOCTYPE html><html>Sign in</html>")
                        : HostileRegistry.answer(200, "text/html", "<!DOCTYPE html><html>Sign in</html>")));
        all.add(published("answer-truncated-packument-before", ok, "1.0.0").answering(r -> r.method().equals("PUT")
                ? HostileRegistry.json(201, "{\"ok\":true}") : HostileRegistry.json(200, "{\"name\":\"@acme/hos")));
        all.add(refused("answer-echo-400", ok, "400").answering(r -> r.method().equals("PUT")
                ? HostileRegistry.echo(400) : HostileRegistry.notFound()));
        all.add(refused("answer-echo-401-basic", ok, "401").answering(r -> HostileRegistry.echo(401))
                .choose(b -> b.server(Optional.of(new ServerCredentials("npm", USER, PASSWORD, "settings.xml")))));
        all.add(refused("answer-echo-redirect", ok, "302").answering(r -> r.method().equals("PUT")
                ? HostileRegistry.echo(302) : HostileRegistry.echo(302)));
        all.add(refused("answer-echo-500-retried", ok, "500").answering(r -> r.method().equals("PUT")
                ? HostileRegistry.echo(500) : HostileRegistry.notFound()));
        all.add(refused("answer-trickle", ok, "npmreg.requestTimeoutSeconds", "127.0.0.1")
                .answering(r -> HostileRegistry.trickle(100)).clientWith(c -> {
                    c.request = Duration.ofSeconds(1);
                    c.retries = 1;
                    c.bounded = true;
                }));
        all.add(refused("answer-never", ok, "npmreg.socketTimeoutSeconds").answering(r -> HostileRegistry.silent())
                .clientWith(c -> {
                    c.socket = Duration.ofMillis(500);
                    c.retries = 1;
                    c.bounded = true;
                }));
        all.add(refused("answer-hang-up", ok, "without answering").answering(r -> HostileRegistry.hangUp()));
        all.add(refused("answer-plain-text-put-error", ok, "502")
                .answering(r -> r.method().equals("PUT") ? HostileRegistry.answer(502, "text/plain", "Bad gateway "
                        + "(upstream said: Authorization: Bearer " + TOKEN + ")") : HostileRegistry.notFound()));
        return all.stream();
    }

    static HostileRegistry.Behaviour registryThatAccepts(HostileRegistry.Request r) {
        return r.method().equals("PUT") ? HostileRegistry.json(201, "{\"ok\":\"created\"}") : HostileRegistry.notFound();
    }

    // --- the run -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInput(Case c) throws Exception {
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg);
        RecordingLog log = new RecordingLog();
        Client client = new Client();
        c.client().accept(client);
        try (HostileRegistry registry = new HostileRegistry(c.registry())) {
            String port = String.valueOf(registry.url("/").getPort());
            for (Map.Entry<String, Object> f : c.files().entrySet()) {
                Path target = pkg.resolve(f.getKey()).normalize();
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue() instanceof byte[] b ? b
                        : ((String) f.getValue()).replace("PORT", port).getBytes(StandardCharsets.UTF_8));
            }
            long start = System.nanoTime();
            NpmregException refusal = null;
            PublishedVersion published = null;
            try {
                published = deploy(pkg, c, registry, client, log);
            } catch (NpmregException e) {
                refusal = e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String shown = (refusal == null ? "" : refusal.getMessage() + "\n" + refusal.fix()) + "\n" + log.all();

            if (c.expect() == Expect.PUBLISHED) {
                assertEquals(null, refusal, () -> c.id() + " should publish; log:\n" + log.all());
                assertNotNull(published);
                assertEquals(1, registry.count("PUT"), c.id() + ": one upload");
                assertEquals(c.version(), published.version(), c.id() + ": the version npm would publish");
                assertTrue(published.tarballHas("package/package.json"), c.id());
                assertFalse(published.tarballText().contains("SECRET-OUTSIDE"), c.id() + ": nothing from outside");
            } else {
                assertNotNull(refusal, () -> c.id() + " should be refused; log:\n" + log.all());
                assertTrue(refusal.fix() != null && !refusal.fix().isBlank(), c.id() + ": a fix");
                for (String fragment : c.says()) {
                    assertTrue(shown.contains(fragment), c.id() + ": says '" + fragment + "' in:\n" + shown);
                }
                boolean stored = registry.received.stream().anyMatch(r -> r.method().equals("PUT"))
                        && c.id().startsWith("answer-") == false;
                assertFalse(stored, c.id() + ": nothing reaches the registry for invalid input");
            }
            assertFalse(CLASS_NAMES.matcher(shown).find(), () -> c.id() + ": no exception class names or stack"
                    + " traces: " + CLASS_NAMES.matcher(shown).results().map(m -> m.group()).toList() + " in\n" + shown);
            for (String secret : SECRETS) {
                assertFalse(shown.contains(secret), c.id() + ": secret in the output:\n" + shown);
                assertFalse(shown.contains(PASSWORD.substring(0, 12)), c.id() + ": password in the output");
            }
            assertNoSecretsInFiles(c, pkg);
            if (published != null) {
                for (String secret : SECRETS) {
                    assertFalse(published.tarballText().contains(secret), c.id() + ": secret in the tarball");
                    assertFalse(published.body().contains(secret), c.id() + ": secret in the published document");
                }
            }
            try (Stream<Path> all = Files.walk(dir)) {
                List<Path> temps = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
                assertEquals(List.of(), temps, c.id() + ": nothing half-written");
            }
            if (client.bounded) {
                assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, c.id() + " ended in bounded time: " + took);
            }
            if (c.id().startsWith("answer-")) {
                // One retry budget per request: with retries=r no request (method and path) is sent more than r+1 times.
                Map<String, Long> perRequest = new LinkedHashMap<>();
                registry.received.forEach(r -> perRequest.merge(r.method() + " " + r.path(), 1L, Long::sum));
                // GETs of the packument: the check before the PUT (its own budget) plus one per PUT attempt.
                perRequest.forEach((k, n) -> assertTrue(n <= (client.retries + 1) * (k.startsWith("GET") ? 2 : 1),
                        c.id() + ": " + k + " sent " + n + " times"));
            }
        }
    }

    /** What {@code mvn deploy} does in the core: read, plan, stage, pack, publish. */
    private PublishedVersion deploy(Path pkg, Case c, HostileRegistry registry, Client client, RecordingLog log)
            throws IOException {
        Path manifestFile = pkg.resolve("package.json");
        ObjectNode manifest = ManifestReader.read(manifestFile);
        Map<String, String> env = Map.of("HOME", dir.toString());
        PublishSettings.Builder b = PublishSettings.builder(pkg, manifestFile, manifest)
                .registry(registry.url("/").toString())
                .tag(null)
                .server(Optional.of(new ServerCredentials("npm", null, TOKEN, "settings.xml")))
                .npmConfig(NpmrcFiles.load(pkg, env, dir.resolve("home")))
                .env(env);
        c.choices().accept(b);
        PublishSettings settings = b.build();
        Release release = PublishPlanner.plan(settings);
        release.requireValid();
        NpmWarnings.of(manifest, manifestFile, release.version()).forEach(w -> log.warn("npm warn: " + w));
        Path work = pkg.resolve("target/npmreg");
        ManifestStaging.Result staged = ManifestStaging.stage(ManifestStaging.Request.of(release,
                work.resolve("package.json"), false));
        ObjectNode stagedManifest = ManifestReader.read(staged.stagedManifest());
        PackResult packed = new Packer(io.github.npmreg.pack.OwnOutputs.excluding(List.of(pkg.resolve("target")), null), 1)
                .pack(new PackRequest(pkg, staged.stagedManifest(), stagedManifest, work, work.resolve("pack.json")));
        RegistryClientConfig config = RegistryClientConfig.defaults("npmreg-hostile-test", log)
                .withTimeouts(Duration.ofSeconds(2), client.socket)
                .withRequestTimeout(client.request)
                .withRetries(client.retries, Duration.ofMillis(1), Duration.ofMillis(5))
                .withVisibilityPoll(Duration.ZERO, Duration.ofMillis(10));
        if (client.caFile != null) {
            config = config.withExtraCaPem(pkg.resolve(client.caFile));
        }
        try (RegistryClient http = new RegistryClient(config)) {
            Publisher publisher = new Publisher(http, () -> null, new BackgroundProcessing.Wait(Duration.ZERO,
                    Duration.ofMillis(10)), Clock.systemUTC(), log);
            try {
                publisher.publish(release, pkg, stagedManifest, packed, env, null, settings.choices().dryRun());
            } catch (NpmregException e) {
                throw e;
            }
            if (settings.choices().dryRun()) {
                return null;
            }
        }
        HostileRegistry.Request put = registry.received.stream().filter(r -> r.method().equals("PUT"))
                .reduce((a, z) -> z).orElseThrow();
        return new PublishedVersion(new String(put.body(), StandardCharsets.UTF_8));
    }

    private void assertNoSecretsInFiles(Case c, Path pkg) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals(".npmrc") || f.equals(pkg.resolve("package.json"))) {
                    continue; // the user's own input files: the .npmrc asked to hold the secret, the source package.json
                }
                byte[] bytes = Files.readAllBytes(f);
                String text = f.toString().endsWith(".tgz") ? gunzip(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    assertFalse(text.contains(secret), c.id() + ": secret in " + pkg.relativize(f));
                }
                assertFalse(text.contains(PASSWORD), c.id() + ": password in " + f);
            }
        }
    }

    /** The version document the registry received, and the tarball inside it. */
    record PublishedVersion(String body) {
        String version() {
            try {
                JsonNode doc = JSON.readTree(body);
                return doc.path("versions").fieldNames().next();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        String tarballText() {
            try {
                JsonNode doc = JSON.readTree(body);
                String data = doc.path("_attachments").elements().next().path("data").asText();
                return gunzip(Base64.getDecoder().decode(data));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        boolean tarballHas(String path) {
            return tarballText().contains(path);
        }
    }

    static String gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (java.util.zip.ZipException notGzip) {
            return new String(gz, StandardCharsets.ISO_8859_1);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
