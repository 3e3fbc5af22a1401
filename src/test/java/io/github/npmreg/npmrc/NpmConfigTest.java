package io.github.npmreg.npmrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.NpmPublishDryRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmConfigTest {
    private static final String H = "//127.0.0.1:4881";
    private static final String P = "/api/v4/projects/42/packages/npm";

    private static NpmConfig config(String text) {
        return NpmConfig.of(Npmrc.parse(text, Path.of("/x/.npmrc"), Map.of()));
    }

    /**
     * test-registry-verdaccio.md §6, each row also checked with the real npm: {@code npm publish --dry-run} warns
     * "requires you to be logged in" exactly when getCredentialsByURI finds nothing.
     */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "http://127.0.0.1:4881" + P + "/, " + H + P + "/:_authToken, true",
        "http://127.0.0.1:4881" + P + ", " + H + P + "/:_authToken, false",
        "http://127.0.0.1:4881" + P + ", " + H + "/api/v4/projects/42/packages/:_authToken, true",
        "http://127.0.0.1:4881" + P + "/, " + H + "/api/v4/projects/43/packages/npm/:_authToken, false",
        "http://127.0.0.1:4881" + P + "/, " + H + "/:_authToken, false",
        "http://127.0.0.1:4881" + P + "/, " + H + P + ":_authToken, false",
        "https://gitlab.example.com:443/api/v4/packages/npm/, //gitlab.example.com/api/v4/packages/npm/:_authToken, true",
        "https://gitlab.example.com/api/v4/packages/npm/, //gitlab.example.com:443/api/v4/packages/npm/:_authToken, false",
        "http://127.0.0.1:4881" + P + "/, " + H + P + "/:_auth, true",
        "http://127.0.0.1:4881" + P + "/, " + H + P + "/:username, false",
    })
    void publishCheckMatchesNpm(String registry, String key, boolean found, @TempDir Path dir) throws Exception {
        String secret = key.endsWith(":_auth") ? Base64.getEncoder().encodeToString("me:pw".getBytes()) : "secret-token-1234";
        String npmrc = key + "=" + secret + "\n";
        assertEquals(found, config(npmrc).credentialsForPublish(registry).isPresent(), "ours");

        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\","
                + "\"publishConfig\":{\"registry\":\"" + registry + "\"}}");
        Files.writeString(dir.resolve(".npmrc"), npmrc);
        NpmPublishDryRun.Outcome npm = NpmPublishDryRun.run(dir, dir.resolve("user-npmrc"));
        assertEquals(found, npm.hasCredentials(), "npm:\n" + npm.output());
    }

    @Test
    void requestWalkUpFindsTheLongestPrefix() {
        NpmConfig c = config(H + "/:_authToken=host-level-token\n" + H + P + "/:_authToken=project-token-xyz\n");
        NpmrcAuth a = c.credentialsForRequest("http://127.0.0.1:4881" + P + "/@acme%2fhello").orElseThrow();
        assertEquals(H + P + "/", a.regKey());
        assertEquals("Bearer project-token-xyz", a.credentials().authorizationHeader());
        NpmrcAuth other = c.credentialsForRequest("http://127.0.0.1:4881/api/v4/projects/43/x").orElseThrow();
        assertEquals(H + "/", other.regKey());
    }

    @Test
    void walkUpAlsoTriesTheKeyWithoutTrailingSlash() {
        NpmConfig c = config(H + P + ":_authToken=no-slash-token-1\n");
        assertEquals(H + P, c.credentialsForRequest("http://127.0.0.1:4881" + P + "/@acme%2fhello").orElseThrow().regKey());
        assertTrue(c.credentialsForPublish("http://127.0.0.1:4881" + P + "/").isEmpty());
    }

    @Test
    void tokenBeatsAuthBeatsUsernamePassword() {
        String b64pw = Base64.getEncoder().encodeToString("p4ss:word".getBytes());
        String auth = Base64.getEncoder().encodeToString("aa:bb".getBytes());
        String base = "//h/:username=me\n//h/:_password=" + b64pw + "\n";
        Credentials basic = config(base).credentialsForPublish("https://h/").orElseThrow().credentials();
        assertEquals(new Credentials.Basic("me", "p4ss:word", basic.source()), basic);
        assertEquals(".npmrc file /x/.npmrc, key //h/:username (line 1) and .npmrc file /x/.npmrc, key //h/:_password (line 2)",
                basic.source());
        Credentials fromAuth = config(base + "//h/:_auth=" + auth + "\n").credentialsForPublish("https://h/").orElseThrow().credentials();
        assertEquals("Basic " + auth, fromAuth.authorizationHeader());
        Credentials token = config(base + "//h/:_auth=" + auth + "\n//h/:_authToken=tkn-0000000001\n")
                .credentialsForPublish("https://h/").orElseThrow().credentials();
        assertInstanceOf(Credentials.Token.class, token);
        assertEquals(".npmrc file /x/.npmrc, key //h/:_authToken (line 4)", token.source());
    }

    @Test
    void layersMergeKeyByKeyHighestFirst() {
        Npmrc project = Npmrc.parse("//h/:username=project-user\n", Path.of("/p/.npmrc"), Map.of());
        Npmrc user = Npmrc.parse("//h/:username=user-user\n//h/:_password=" + Base64.getEncoder().encodeToString("pw".getBytes()),
                Path.of("/home/u/.npmrc"), Map.of());
        Credentials c = NpmConfig.of(project, user).credentialsForPublish("https://h/").orElseThrow().credentials();
        assertEquals("project-user", ((Credentials.Basic) c).username());
        assertEquals("pw", ((Credentials.Basic) c).password());
        assertTrue(c.source().contains("/p/.npmrc") && c.source().contains("/home/u/.npmrc"), c.source());
    }

    @Test
    void clientCertificateAloneIsAMatchWithoutHeader() {
        NpmrcAuth a = config("//h/:certfile=/c.pem\n//h/:keyfile=/k.pem\n").credentialsForPublish("https://h/").orElseThrow();
        assertEquals("certfile", a.authKey());
        assertEquals(Optional.of("/c.pem"), a.certfile());
        assertTrue(a.hasClientCertificate());
        assertEquals(null, a.credentials().authorizationHeader());
    }

    @Test
    void emptyOrFalseValuesDoNotCount() {
        assertTrue(config("//h/:_authToken=\n").credentialsForPublish("https://h/").isEmpty());
        assertTrue(config("//h/:_authToken=false\n").credentialsForPublish("https://h/").isEmpty());
        assertTrue(config("//h/:_authToken=${T?}\n").credentialsForPublish("https://h/").isEmpty());
    }

    @Test
    void sourceNeverShowsTheSecret() {
        Credentials c = config("//h/:_authToken=glpat-verysecretvalue\n").credentialsForPublish("https://h/").orElseThrow().credentials();
        assertTrue(!c.toString().contains("verysecret") && !c.source().contains("verysecret"), c.toString());
    }

    @Test
    void requestFallsBackToTheRegistryOnTheSameHost() {
        NpmConfig c = config("//gitlab.example.com/api/v4/groups/7/-/packages/npm/:_authToken=group-token-0001\n");
        String registry = "https://gitlab.example.com/api/v4/groups/7/-/packages/npm/";
        String tarball = "https://gitlab.example.com/api/v4/projects/42/packages/npm/@acme/x/-/@acme/x-1.0.0.tgz";
        assertTrue(c.credentialsForRequest(tarball).isEmpty());
        assertEquals("Bearer group-token-0001",
                c.credentialsForRequest(tarball, registry).orElseThrow().credentials().authorizationHeader());
        assertTrue(c.credentialsForRequest("https://elsewhere.example/x.tgz", registry).isEmpty());
    }

    @Test
    void entriesAndValuesNeverPrintSecrets() {
        Npmrc rc = Npmrc.parse("//h/:_authToken=glpat-verysecretvalue\n//h/:_password=cGFzc3dvcmQtc2VjcmV0\nregistry=https://r/\n",
                Path.of("/x/.npmrc"), Map.of());
        String all = rc.entries().values().toString() + NpmConfig.of(rc).get("//h/:_authToken").orElseThrow()
                + NpmConfig.of(rc).get("//h/:_password").orElseThrow();
        assertTrue(!all.contains("verysecret") && !all.contains("cGFzc3dvcmQtc2VjcmV0"), all);
        assertTrue(all.contains("registry=https://r/"), all);
    }
}
