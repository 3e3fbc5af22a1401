package io.github.npmreg.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitLabCiTest {
    private static final String TOKEN = "glcbt-64_abcdefghijklmnopqrst";

    static Map<String, String> job() {
        Map<String, String> env = new HashMap<>();
        env.put("GITLAB_CI", "true");
        env.put("CI_API_V4_URL", "https://gitlab.example.com/api/v4");
        env.put("CI_SERVER_URL", "https://gitlab.example.com");
        env.put("CI_SERVER_HOST", "gitlab.example.com");
        env.put("CI_PROJECT_ID", "42");
        env.put("CI_PROJECT_PATH", "acme/web/app");
        env.put("CI_PROJECT_ROOT_NAMESPACE", "acme");
        env.put("CI_JOB_TOKEN", TOKEN);
        return env;
    }

    @Test
    void aCompleteJobIsDetectedWithoutProblems() {
        GitLabCi ci = GitLabCi.from(job());
        assertTrue(ci.detected());
        assertEquals(List.of(), ci.problems());
        assertEquals(URI.create("https://gitlab.example.com/api/v4/projects/42/packages/npm/"),
                ci.defaultPublishRegistry());
    }

    @Test
    void theJobTokenIsABearerTokenNamingItsSource() {
        Credentials.Token token = GitLabCi.from(job()).jobToken();
        assertEquals("Bearer " + TOKEN, token.authorizationHeader());
        assertEquals("GitLab CI job token (CI_JOB_TOKEN)", token.source());
        assertFalse(token.toString().contains(TOKEN));
    }

    @Test
    void aRelativeUrlRootAndPortComeFromCiApiV4Url() {
        Map<String, String> env = job();
        env.put("CI_API_V4_URL", "https://gitlab.example.com:8443/gitlab/api/v4");
        assertEquals(URI.create("https://gitlab.example.com:8443/gitlab/api/v4/projects/42/packages/npm/"),
                GitLabCi.from(env).defaultPublishRegistry());
    }

    @Test
    void withoutCiApiV4UrlTheServerUrlIsUsed() {
        Map<String, String> env = job();
        env.remove("CI_API_V4_URL");
        assertEquals(URI.create("https://gitlab.example.com/api/v4/projects/42/packages/npm/"),
                GitLabCi.from(env).defaultPublishRegistry());
    }

    @Test
    void notGitLabCiWhenGitlabCiIsNotTrue() {
        Map<String, String> env = job();
        env.put("GITLAB_CI", "false");
        GitLabCi ci = GitLabCi.from(env);
        assertFalse(ci.detected());
        assertFalse(ci.hasJobToken());
        assertTrue(ci.commitTag().isEmpty());
        assertEquals(List.of("CI_JOB_TOKEN is set but GITLAB_CI is not 'true', so it is not used as a credential."),
                ci.problems());
        NpmregException e = assertThrows(NpmregException.class, ci::jobToken);
        assertTrue(e.problem().contains("GITLAB_CI is 'false'"), e.problem());
        assertEquals(List.of(), GitLabCi.from(Map.of()).problems());
    }

    @Test
    void missingProjectIdIsReportedAndRefusesTheDefaultRegistry() {
        Map<String, String> env = job();
        env.remove("CI_PROJECT_ID");
        env.put("CI_JOB_TOKEN", " ");
        GitLabCi ci = GitLabCi.from(env);
        assertEquals(List.of("GITLAB_CI=true but CI_PROJECT_ID is not set.",
                "GITLAB_CI=true but CI_JOB_TOKEN is not set."), ci.problems());
        NpmregException e = assertThrows(NpmregException.class, ci::defaultPublishRegistry);
        assertTrue(e.problem().contains("CI_PROJECT_ID is not set"), e.problem());
        assertThrows(NpmregException.class, ci::jobToken);
    }

    @Test
    void inconsistentVariablesAreReported() {
        Map<String, String> env = job();
        env.put("CI_SERVER_HOST", "other.example.com");
        env.put("CI_PROJECT_ROOT_NAMESPACE", "umbrella");
        env.remove("CI_SERVER_URL");
        env.put("CI_API_V4_URL", "https://gitlab.example.com/api/v4");
        List<String> problems = GitLabCi.from(env).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("CI_SERVER_HOST is 'other.example.com'"), problems.get(0));
        assertTrue(problems.get(1).contains("not under CI_PROJECT_ROOT_NAMESPACE 'umbrella'"), problems.get(1));
    }

    @Test
    void scopeWarningOnlyWhenTheScopeIsNotTheRootNamespace() {
        GitLabCi ci = GitLabCi.from(job());
        assertNull(ci.scopeWarning("@acme"));
        assertNull(ci.scopeWarning("acme"));
        assertNull(ci.scopeWarning("@acme/app"));
        assertNull(ci.scopeWarning("@ACME"));
        String warning = ci.scopeWarning("@web");
        assertTrue(warning.contains("@web differs from this project's top-level namespace 'acme'"), warning);
        assertTrue(warning.contains("https://gitlab.example.com/api/v4/packages/npm/"), warning);
        assertTrue(ci.scopeWarning(null).contains("unscoped"));
        Map<String, String> env = job();
        env.remove("CI_PROJECT_ROOT_NAMESPACE");
        assertNull(GitLabCi.from(env).scopeWarning("@web"), "unknown root namespace: nothing to compare");
    }

    @Test
    void commitTagIsReadInTagPipelines() {
        Map<String, String> env = job();
        env.put("CI_COMMIT_TAG", "v1.2.3");
        assertEquals("v1.2.3", GitLabCi.from(env).commitTag().orElseThrow());
        assertTrue(GitLabCi.from(job()).commitTag().isEmpty());
    }
}
