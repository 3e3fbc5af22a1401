package io.github.npmreg.gitlab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.NpmregException;
import io.github.npmreg.gitlab.GitLabEndpoints.Classification;
import io.github.npmreg.gitlab.GitLabEndpoints.Level;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GitLabEndpointsTest {

    @ParameterizedTest
    @CsvSource({
        "https://gitlab.example.com, https://gitlab.example.com/api/v4/",
        "https://gitlab.example.com/, https://gitlab.example.com/api/v4/",
        "https://gitlab.example.com:8443, https://gitlab.example.com:8443/api/v4/",
        "https://gitlab.example.com:443/, https://gitlab.example.com/api/v4/",
        "https://host/gitlab, https://host/gitlab/api/v4/",
        "https://host/gitlab/, https://host/gitlab/api/v4/",
        "https://host/gitlab/api/v4, https://host/gitlab/api/v4/",
        "HTTP://Host:8080, http://host:8080/api/v4/",
    })
    void baseUrlGivesTheApiRoot(String base, String api) {
        assertEquals(URI.create(api), GitLabEndpoints.fromBaseUrl(base).apiV4());
    }

    @Test
    void ciApiUrlGivesTheSameEndpoints() {
        GitLabEndpoints fromCi = GitLabEndpoints.fromApiV4Url("https://gitlab.example.com:8443/gitlab/api/v4");
        assertEquals(GitLabEndpoints.fromBaseUrl("https://gitlab.example.com:8443/gitlab/"), fromCi);
        assertEquals(URI.create("https://gitlab.example.com:8443/gitlab/api/v4/projects/42/packages/npm/"),
                fromCi.project("42"));
    }

    @Test
    void theThreeEndpoints() {
        GitLabEndpoints gl = GitLabEndpoints.fromBaseUrl("https://gitlab.example.com");
        assertAll(
                () -> assertEquals("https://gitlab.example.com/api/v4/projects/42/packages/npm/",
                        gl.project("42").toString()),
                () -> assertEquals("https://gitlab.example.com/api/v4/projects/group%2Fsub%2Fproj/packages/npm/",
                        gl.project("group/sub/proj").toString()),
                () -> assertEquals("https://gitlab.example.com/api/v4/projects/group%2Fsub%2Fproj/packages/npm/",
                        gl.project("group%2Fsub%2Fproj").toString(), "already encoded: not encoded twice"),
                () -> assertEquals("https://gitlab.example.com/api/v4/projects/group%2Fsub%2Fproj/packages/npm/",
                        gl.project("group%2fsub%2fproj").toString()),
                () -> assertEquals("https://gitlab.example.com/api/v4/groups/7/-/packages/npm/",
                        gl.group("7").toString()),
                () -> assertEquals("https://gitlab.example.com/api/v4/groups/acme%2Fweb/-/packages/npm/",
                        gl.group("acme/web").toString()),
                () -> assertEquals("https://gitlab.example.com/api/v4/packages/npm/", gl.instance().toString()));
    }

    @Test
    void emptyIdIsAUserError() {
        GitLabEndpoints gl = GitLabEndpoints.fromBaseUrl("https://gitlab.example.com");
        NpmregException e = assertThrows(NpmregException.class, () -> gl.project(" "));
        assertTrue(e.getMessage().contains("project id is empty"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ftp://gitlab.example.com", "not a url", "gitlab.example.com"})
    void aBaseThatIsNotAnHttpUrlIsRefused(String base) {
        NpmregException e = assertThrows(NpmregException.class, () -> GitLabEndpoints.fromBaseUrl(base));
        assertTrue(e.getMessage().contains(base), e.getMessage());
        assertTrue(e.fix().contains("https://gitlab.example.com"), e.fix());
    }

    @Test
    void anApiUrlWithoutApiV4IsRefused() {
        assertThrows(NpmregException.class, () -> GitLabEndpoints.fromApiV4Url("https://gitlab.example.com/api"));
    }

    @ParameterizedTest
    @CsvSource({
        "https://gl.example.com/api/v4/projects/42/packages/npm/, PROJECT, 42, https://gl.example.com/api/v4/projects/42/packages/npm/",
        "https://gl.example.com/api/v4/projects/42/packages/npm, PROJECT, 42, https://gl.example.com/api/v4/projects/42/packages/npm/",
        "https://gl.example.com/api/v4/projects/a%2Fb/packages/npm/@s/p, PROJECT, a/b, https://gl.example.com/api/v4/projects/a%2Fb/packages/npm/",
        "https://gl.example.com/gitlab/api/v4/projects/42/packages/npm/@s/p/-/@s/p-1.0.0.tgz, PROJECT, 42, https://gl.example.com/gitlab/api/v4/projects/42/packages/npm/",
        "https://gl.example.com/api/v4/groups/7/-/packages/npm/, GROUP, 7, https://gl.example.com/api/v4/groups/7/-/packages/npm/",
        "http://127.0.0.1:8080/api/v4/groups/acme%2Fweb/-/packages/npm/, GROUP, acme/web, http://127.0.0.1:8080/api/v4/groups/acme%2Fweb/-/packages/npm/",
        "https://gl.example.com/api/v4/packages/npm/, INSTANCE, , https://gl.example.com/api/v4/packages/npm/",
        "https://gl.example.com/api/v4/packages/npm, INSTANCE, , https://gl.example.com/api/v4/packages/npm/",
    })
    void classifiesGitLabUrls(String url, Level level, String id, String endpoint) {
        Classification c = GitLabEndpoints.classify(URI.create(url));
        assertEquals(level, c.level());
        assertEquals(id, c.id());
        assertEquals(URI.create(endpoint), c.endpoint());
    }

    @ParameterizedTest
    @CsvSource({
        "https://registry.npmjs.org/",
        "http://localhost:4873/",
        "https://gl.example.com/api/v4/projects/42/packages/maven/",
        "https://gl.example.com/api/v4/groups/7/packages/npm/",
        "https://gl.example.com/api/v4/projects/packages/npm/",
    })
    void otherUrlsAreNotGitLabNpmEndpoints(String url) {
        Classification c = GitLabEndpoints.classify(URI.create(url));
        assertEquals(Level.NOT_GITLAB, c.level());
        assertNull(c.endpoint());
    }

    @Test
    void publishingToTheInstanceLevelIsRefusedWithTheProjectUrl() {
        NpmregException e = assertThrows(NpmregException.class, () -> GitLabEndpoints.requirePublishable(
                URI.create("https://gl.example.com/api/v4/packages/npm/"), "42"));
        assertTrue(e.problem().contains("instance-level"), e.problem());
        assertTrue(e.fix().contains("https://gl.example.com/api/v4/projects/42/packages/npm/"), e.fix());
    }

    @Test
    void publishingToTheGroupLevelWithoutAKnownProjectGivesAPlaceholder() {
        NpmregException e = assertThrows(NpmregException.class, () -> GitLabEndpoints.requirePublishable(
                URI.create("https://gl.example.com/api/v4/groups/acme/-/packages/npm/"), null));
        assertTrue(e.problem().contains("group-level (group 'acme')"), e.problem());
        assertTrue(e.fix().contains("https://gl.example.com/api/v4/projects/<project ID>/packages/npm/"), e.fix());
    }

    @Test
    void projectAndForeignUrlsArePublishable() {
        assertDoesNotThrow(() -> GitLabEndpoints.requirePublishable(
                URI.create("https://gl.example.com/api/v4/projects/42/packages/npm/"), null));
        assertDoesNotThrow(() -> GitLabEndpoints.requirePublishable(URI.create("https://registry.npmjs.org/"), null));
    }

    @ParameterizedTest
    @CsvSource({
        "https://gl.example.com/api/v4/projects/42/packages/npm/, //gl.example.com/api/v4/projects/42/packages/npm/",
        "https://gl.example.com/api/v4/projects/42/packages/npm, //gl.example.com/api/v4/projects/42/packages/npm/",
        "https://gl.example.com:443/api/v4/packages/npm/, //gl.example.com/api/v4/packages/npm/",
        "http://127.0.0.1:8080/api/v4/packages/npm/, //127.0.0.1:8080/api/v4/packages/npm/",
    })
    void authKeyIsTheNerfDartWithTrailingSlashAndNoDefaultPort(String endpoint, String key) {
        assertEquals(key, GitLabEndpoints.authKey(URI.create(endpoint)));
    }

    @Test
    void theProjectKeyCoversTheTarballUrlsGitLabWrites() {
        String key = GitLabEndpoints.authKey(GitLabEndpoints.fromBaseUrl("https://gl.example.com").project("42"));
        String tarball = "//gl.example.com/api/v4/projects/42/packages/npm/@acme/pkg/-/@acme/pkg-1.2.3.tgz";
        assertTrue(tarball.startsWith(key));
        assertEquals("//gl.example.com/api/v4/projects/",
                GitLabEndpoints.fromBaseUrl("https://gl.example.com").allProjectsAuthKey());
    }
}
