package io.github.npmreg.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predefined variables of a GitLab.com tag pipeline job (as GitLab 18 sets them), for project {@code acme/web}:
 * the values npm copies into a provenance statement. Some are deliberately awkward: a commit title with quotes,
 * a backslash, non-ASCII and a control character, an empty variable, a JSON-looking list; the branch variables are
 * unset, as in a tag pipeline.
 */
public final class GitLabJobEnv {
    private GitLabJobEnv() {}

    public static Map<String, String> tagPipeline() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CI", "true");
        env.put("GITLAB_CI", "true");
        env.put("CI_API_GRAPHQL_URL", "https://gitlab.com/api/graphql");
        env.put("CI_API_V4_URL", "https://gitlab.com/api/v4");
        env.put("CI_BUILD_BEFORE_SHA", "0000000000000000000000000000000000000000");
        env.put("CI_BUILD_ID", "123456");
        env.put("CI_BUILD_NAME", "publish-npm");
        env.put("CI_BUILD_REF", "0123456789abcdef0123456789abcdef01234567");
        env.put("CI_BUILD_REF_NAME", "v1.0.0");
        env.put("CI_BUILD_REF_SLUG", "v1-0-0");
        env.put("CI_BUILD_STAGE", "deploy");
        env.put("CI_COMMIT_BEFORE_SHA", "0000000000000000000000000000000000000000");
        env.put("CI_COMMIT_REF_NAME", "v1.0.0");
        env.put("CI_COMMIT_REF_PROTECTED", "true");
        env.put("CI_COMMIT_REF_SLUG", "v1-0-0");
        env.put("CI_COMMIT_SHA", "0123456789abcdef0123456789abcdef01234567");
        env.put("CI_COMMIT_SHORT_SHA", "01234567");
        env.put("CI_COMMIT_TAG", "v1.0.0");
        env.put("CI_COMMIT_TIMESTAMP", "2026-12-01T10:00:00+00:00");
        env.put("CI_COMMIT_TITLE", "Release \"1.0.0\": caf\u00e9 \\ \u2603 \u001b[1mbold\u001b[0m");
        env.put("CI_CONFIG_PATH", ".gitlab-ci.yml");
        env.put("CI_DEFAULT_BRANCH", "main");
        env.put("CI_DEPENDENCY_PROXY_DIRECT_GROUP_IMAGE_PREFIX", "gitlab.com:443/acme/dependency_proxy/containers");
        env.put("CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX", "gitlab.com:443/acme/dependency_proxy/containers");
        env.put("CI_DEPENDENCY_PROXY_SERVER", "gitlab.com:443");
        env.put("CI_DEPENDENCY_PROXY_USER", "gitlab-ci-token");
        env.put("CI_JOB_ID", "123456");
        env.put("CI_JOB_NAME", "publish-npm");
        env.put("CI_JOB_NAME_SLUG", "publish-npm");
        env.put("CI_JOB_STAGE", "deploy");
        env.put("CI_JOB_STARTED_AT", "2026-12-01T10:01:00Z");
        env.put("CI_JOB_URL", "https://gitlab.com/acme/web/-/jobs/123456");
        env.put("CI_NODE_TOTAL", "1");
        env.put("CI_PAGES_DOMAIN", "gitlab.io");
        env.put("CI_PAGES_URL", "https://acme.gitlab.io/web");
        env.put("CI_PIPELINE_CREATED_AT", "2026-12-01T10:00:30Z");
        env.put("CI_PIPELINE_ID", "90001");
        env.put("CI_PIPELINE_IID", "17");
        env.put("CI_PIPELINE_SOURCE", "push");
        env.put("CI_PIPELINE_URL", "https://gitlab.com/acme/web/-/pipelines/90001");
        env.put("CI_PROJECT_CLASSIFICATION_LABEL", "");
        env.put("CI_PROJECT_DESCRIPTION", "Web components for Acme");
        env.put("CI_PROJECT_ID", "4242");
        env.put("CI_PROJECT_NAME", "web");
        env.put("CI_PROJECT_NAMESPACE", "acme");
        env.put("CI_PROJECT_NAMESPACE_ID", "1001");
        env.put("CI_PROJECT_PATH", "acme/web");
        env.put("CI_PROJECT_PATH_SLUG", "acme-web");
        env.put("CI_PROJECT_REPOSITORY_LANGUAGES", "java,typescript");
        env.put("CI_PROJECT_ROOT_NAMESPACE", "acme");
        env.put("CI_PROJECT_TITLE", "Web");
        env.put("CI_PROJECT_URL", "https://gitlab.com/acme/web");
        env.put("CI_PROJECT_VISIBILITY", "public");
        env.put("CI_REGISTRY", "registry.gitlab.com");
        env.put("CI_REGISTRY_IMAGE", "registry.gitlab.com/acme/web");
        env.put("CI_REGISTRY_USER", "gitlab-ci-token");
        env.put("CI_RUNNER_DESCRIPTION", "3-green.saas-linux-small-amd64.runners-manager.gitlab.com/default");
        env.put("CI_RUNNER_EXECUTABLE_ARCH", "linux/amd64");
        env.put("CI_RUNNER_ID", "12270835");
        env.put("CI_RUNNER_TAGS", "[\"saas-linux-small-amd64\"]");
        env.put("CI_SERVER_HOST", "gitlab.com");
        env.put("CI_SERVER_NAME", "GitLab");
        env.put("CI_SERVER_PORT", "443");
        env.put("CI_SERVER_PROTOCOL", "https");
        env.put("CI_SERVER_REVISION", "7c1b9e2f3a4");
        env.put("CI_SERVER_SHELL_SSH_HOST", "gitlab.com");
        env.put("CI_SERVER_SHELL_SSH_PORT", "22");
        env.put("CI_SERVER_URL", "https://gitlab.com");
        env.put("CI_SERVER_VERSION", "18.7.0-pre");
        env.put("CI_SERVER_VERSION_MAJOR", "18");
        env.put("CI_SERVER_VERSION_MINOR", "7");
        env.put("CI_SERVER_VERSION_PATCH", "0");
        env.put("CI_TEMPLATE_REGISTRY_HOST", "registry.gitlab.com");
        env.put("GITLAB_FEATURES", "audit_events,blocked_issues,board_iteration_lists");
        env.put("GITLAB_USER_ID", "7");
        env.put("GITLAB_USER_LOGIN", "dev");
        env.put("GITLAB_USER_EMAIL", "dev@example.com");
        env.put("RUNNER_GENERATE_ARTIFACTS_METADATA", "false");
        return env;
    }
}
