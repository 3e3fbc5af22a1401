package io.github.npmreg.npmrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.testing.NpmConfigOracle;
import io.github.npmreg.testing.NpmPublishDryRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmrcWriterTest {
    @TempDir
    Path dir;

    private static final URI GITLAB = URI.create("https://gitlab.example.com:443/api/v4/projects/42/packages/npm");
    private static final String KEY = "//gitlab.example.com/api/v4/projects/42/packages/npm/";

    @Test
    void tokenLines() {
        assertEquals(List.of("@acme:registry=https://gitlab.example.com/api/v4/projects/42/packages/npm/",
                        KEY + ":_authToken=glpat-abc"),
                NpmrcWriter.lines("@acme", GITLAB, new Credentials.Token("glpat-abc", "test"), null));
    }

    @Test
    void variableReferenceInsteadOfSecret() {
        assertEquals(List.of(KEY + ":_authToken=${NPM_TOKEN}"),
                NpmrcWriter.lines(null, GITLAB, new Credentials.Token("glpat-abc", "test"), "NPM_TOKEN"));
    }

    @Test
    void basicLinesQuoteBase64Padding() {
        assertEquals(List.of(KEY + ":username=me", KEY + ":_password=\"cHc9Ow==\""),
                NpmrcWriter.lines(null, GITLAB, new Credentials.Basic("me", "pw=;", "test"), null));
    }

    @Test
    void noCredentialsNoAuthLine() {
        assertEquals(List.of("@acme:registry=http://127.0.0.1:4873/"),
                NpmrcWriter.lines("acme", URI.create("http://127.0.0.1:4873"), Credentials.none(), null));
    }

    /** npm's own config loader reads back the same registry and credentials, and accepts the file. */
    @Test
    void npmReadsWhatWeWrite() throws Exception {
        Path rc = dir.resolve("written-npmrc");
        NpmrcWriter.writeFile(rc, NpmrcWriter.lines("@acme", GITLAB, new Credentials.Basic("me", "p#w=;\"x", "t"), null));
        JsonNode basic = NpmConfigOracle.load(dir, rc, "https://gitlab.example.com/api/v4/projects/42/packages/npm/",
                "@acme:registry");
        assertEquals("me", basic.at("/creds/username").asText(), basic.toString());
        assertEquals("p#w=;\"x", basic.at("/creds/password").asText(), basic.toString());
        assertEquals("https://gitlab.example.com/api/v4/projects/42/packages/npm/", basic.at("/values/@acme:registry").asText());

        NpmrcWriter.writeFile(rc, NpmrcWriter.lines("@acme", GITLAB, new Credentials.Token("tok;#en", "t"), null));
        JsonNode token = NpmConfigOracle.load(dir, rc, "https://gitlab.example.com/api/v4/projects/42/packages/npm/");
        assertEquals("tok;#en", token.at("/creds/token").asText(), token.toString());

        // and our reader agrees with npm on the same file
        Credentials ours = NpmConfig.of(Npmrc.read(rc, Map.of())).credentialsForPublish(GITLAB.toString() + "/")
                .orElseThrow().credentials();
        assertEquals("Bearer tok;#en", ours.authorizationHeader());
    }

    /** npm publish picks the scope's registry from the written file and finds the credentials. */
    @Test
    void npmPublishUsesTheWrittenFile() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\"}");
        Path rc = dir.resolve("user-npmrc");
        NpmrcWriter.writeBlock(rc, NpmrcWriter.lines("@acme", GITLAB, new Credentials.Token("glpat-0123456789", "t"), null));
        NpmPublishDryRun.Outcome npm = NpmPublishDryRun.run(pkg, rc);
        assertEquals("https://gitlab.example.com/api/v4/projects/42/packages/npm/", npm.registry());
        assertTrue(npm.hasCredentials(), npm.output());
    }

    @Test
    void bareTokenIsRejectedByNpmAndReportedByUs() throws Exception {
        Path rc = Files.writeString(dir.resolve("bare"), "_authToken=abc\n");
        assertEquals("ERR_INVALID_AUTH", NpmConfigOracle.load(dir, rc, "https://registry.npmjs.org/").path("error").asText());
        assertEquals(1, Npmrc.read(rc, Map.of()).bareAuthEntries().size());
    }

    @Test
    void fileIsOwnerOnly() throws Exception {
        Path rc = dir.resolve("sub").resolve(".npmrc");
        NpmrcWriter.writeFile(rc, List.of("a=b"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rc)));
        assertEquals("a=b\n", Files.readString(rc));
    }

    @Test
    void blockIsAppendedAndReplacedLeavingTheRestAlone() throws Exception {
        Path rc = dir.resolve(".npmrc");
        String user = "; my settings\r\nregistry=https://r.example/\r\nfund=false";
        Files.writeString(rc, user);
        NpmrcWriter.writeBlock(rc, List.of("x=1"));
        String first = Files.readString(rc);
        assertEquals(user + "\r\n" + NpmrcWriter.BLOCK_START + "\r\nx=1\r\n" + NpmrcWriter.BLOCK_END + "\r\n", first);

        Files.writeString(rc, first + "after=1\r\n");
        NpmrcWriter.writeBlock(rc, List.of("y=2", "z=3"));
        assertEquals(user + "\r\n" + NpmrcWriter.BLOCK_START + "\r\ny=2\r\nz=3\r\n" + NpmrcWriter.BLOCK_END + "\r\nafter=1\r\n",
                Files.readString(rc));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rc)));
    }

    @Test
    void brokenMarkersAreAnError() throws Exception {
        Path rc = Files.writeString(dir.resolve(".npmrc"), NpmrcWriter.BLOCK_START + "\nx=1\n");
        NpmregException e = assertThrows(NpmregException.class, () -> NpmrcWriter.writeBlock(rc, List.of("y=2")));
        assertTrue(e.problem().contains(rc.toString()), e.problem());
        assertEquals(NpmrcWriter.BLOCK_START + "\nx=1\n", Files.readString(rc), "untouched");
    }
}
