package io.github.npmreg.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.sigstore.Dsse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryUrlTest {
    private static final String PROJECT = "https://gitlab.com/acme/tools/web";

    @Test
    void theFormsNpmWritesMatchTheProjectUrl() {
        for (String url : new String[] {"git+https://gitlab.com/acme/tools/web.git", "https://gitlab.com/acme/tools/web",
                "https://GitLab.com/acme/tools/web/", "git+ssh://git@gitlab.com/acme/tools/web.git",
                "git@gitlab.com:acme/tools/web.git", "gitlab:acme/tools/web", "git://gitlab.com/acme/tools/web.git"}) {
            assertTrue(RepositoryUrl.sameRepository(url, PROJECT), url);
        }
    }

    @Test
    void otherRepositoriesDoNot() {
        for (String url : new String[] {"git+https://github.com/acme/tools/web.git", "acme/web",
                "https://gitlab.com/acme/tools/web-old", "https://gitlab.com/acme/web", "", "not a url"}) {
            assertFalse(RepositoryUrl.sameRepository(url, PROJECT), url);
        }
        assertEquals(Optional.of("https://github.com/acme/web"), RepositoryUrl.normalize("acme/web"));
    }

    @Test
    void purlEscapesTheScopeAsNpmPackageArg() {
        assertEquals("pkg:npm/%40acme/web@1.0.0-rc.1", Subject.purl("@acme/web", "1.0.0-rc.1"));
        assertEquals("pkg:npm/plain@2.0.0", Subject.purl("plain", "2.0.0"));
    }

    @Test
    void paeIsTheDsseSpecsEncoding() {
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world", new String(Dsse.pae(
                "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        // Lengths are in bytes, not characters.
        assertEquals("DSSEv1 1 t 2 \u00e9", new String(Dsse.pae("t", "\u00e9".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }

    @Test
    void thePublicLogEntryIsShownOnSearchSigstoreDevAsNpmPrintsIt() {
        assertEquals("https://search.sigstore.dev/?logIndex=123456789",
                io.github.npmreg.sigstore.KeylessSigner.Services.PUBLIC.entryUrl(123456789).toString());
        assertEquals("https://rekor.example.com/api/v1/log/entries?logIndex=7",
                new io.github.npmreg.sigstore.KeylessSigner.Services(java.net.URI.create("https://fulcio.example.com"),
                        java.net.URI.create("https://rekor.example.com/")).entryUrl(7).toString());
    }
}
