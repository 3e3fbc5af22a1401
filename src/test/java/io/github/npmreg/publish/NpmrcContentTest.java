package io.github.npmreg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmreg.auth.Credentials;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpmrcContentTest {
    private static final Credentials TOKEN = new Credentials.Token("tok-123456789012", "test");

    @Test
    void aGitlabGroupRegistryAlsoGetsAnAuthLineForTheProjectLevelTarballs() {
        List<String> lines = NpmrcContent.lines(List.of(new NpmrcContent.Registry("@acme",
                URI.create("https://gitlab.example.com/api/v4/groups/7/-/packages/npm"), TOKEN, null)));
        assertEquals(List.of(
                "@acme:registry=https://gitlab.example.com/api/v4/groups/7/-/packages/npm/",
                "//gitlab.example.com/api/v4/groups/7/-/packages/npm/:_authToken=tok-123456789012",
                "//gitlab.example.com/api/v4/projects/:_authToken=tok-123456789012"), lines);
    }

    @Test
    void aProjectRegistryNeedsNoExtraLineAndVariablesReplaceSecrets() {
        List<String> lines = NpmrcContent.lines(List.of(new NpmrcContent.Registry("@acme",
                URI.create("https://gitlab.example.com:443/api/v4/projects/42/packages/npm/"), TOKEN, "CI_JOB_TOKEN")));
        assertEquals(List.of(
                "@acme:registry=https://gitlab.example.com/api/v4/projects/42/packages/npm/",
                "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=${CI_JOB_TOKEN}"), lines);
    }

    @Test
    void repeatedLinesAreWrittenOnce() {
        URI url = URI.create("https://npm.example.com/");
        List<String> lines = NpmrcContent.lines(List.of(new NpmrcContent.Registry("@a", url, TOKEN, null),
                new NpmrcContent.Registry("@b", url, TOKEN, null)));
        assertEquals(List.of("@a:registry=https://npm.example.com/", "//npm.example.com/:_authToken=tok-123456789012",
                "@b:registry=https://npm.example.com/"), lines);
    }
}
