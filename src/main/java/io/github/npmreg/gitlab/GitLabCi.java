package io.github.npmreg.gitlab;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GitLab CI job the build runs in, read from the environment map it is given (never from
 * {@code System.getenv()}). Variables are GitLab's predefined ones (gitlab-npm-registry.md §5); blank values count
 * as unset, since a CI template that writes {@code FOO: ""} means "not there".
 */
public final class GitLabCi {
    /** The {@link Credentials#source()} of the job token, as the log shows it. */
    public static final String JOB_TOKEN_SOURCE = "GitLab CI job token (CI_JOB_TOKEN)";

    private final Map<String, String> env;
    private final boolean detected;

    private GitLabCi(Map<String, String> env) {
        this.env = Map.copyOf(env);
        // GitLab always exports GITLAB_CI=true; ci-info (npm's CI detection) keys on the same variable.
        this.detected = "true".equals(get("GITLAB_CI").orElse(null));
    }

    public static GitLabCi from(Map<String, String> env) {
        return new GitLabCi(env);
    }

    /** Whether this is a GitLab CI job ({@code GITLAB_CI=true}). */
    public boolean detected() {
        return detected;
    }

    public Optional<String> apiV4Url() {
        return get("CI_API_V4_URL");
    }

    public Optional<String> serverUrl() {
        return get("CI_SERVER_URL");
    }

    public Optional<String> serverHost() {
        return get("CI_SERVER_HOST");
    }

    public Optional<String> projectId() {
        return get("CI_PROJECT_ID");
    }

    /** {@code group/sub/project}. */
    public Optional<String> projectPath() {
        return get("CI_PROJECT_PATH");
    }

    /** The top-level group or user: the only scope instance-level installs find. */
    public Optional<String> rootNamespace() {
        return get("CI_PROJECT_ROOT_NAMESPACE");
    }

    /** Set only in tag pipelines. */
    public Optional<String> commitTag() {
        return detected ? get("CI_COMMIT_TAG") : Optional.empty();
    }

    public Optional<String> commitSha() {
        return get("CI_COMMIT_SHA");
    }

    /** The instance's API, from {@code CI_API_V4_URL}, else {@code CI_SERVER_URL}. */
    public GitLabEndpoints endpoints() {
        requireDetected("find the GitLab instance");
        if (apiV4Url().isPresent()) {
            return GitLabEndpoints.fromApiV4Url(apiV4Url().get());
        }
        if (serverUrl().isPresent()) {
            return GitLabEndpoints.fromBaseUrl(serverUrl().get());
        }
        throw new NpmregException("GitLab CI is detected (GITLAB_CI=true) but neither CI_API_V4_URL nor CI_SERVER_URL"
                + " is set, so the GitLab instance is unknown.",
                "Do not override or unset GitLab's predefined CI_* variables in .gitlab-ci.yml, or set the registry"
                        + " explicitly.");
    }

    /**
     * Where a publish goes by default in GitLab CI: this project's npm endpoint,
     * {@code ${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/npm/}.
     */
    public URI defaultPublishRegistry() {
        requireDetected("derive a default publish registry");
        String id = projectId().orElseThrow(() -> new NpmregException(
                "GitLab CI is detected (GITLAB_CI=true) but CI_PROJECT_ID is not set, so the project's npm endpoint"
                        + " is unknown.",
                "Do not override or unset CI_PROJECT_ID in .gitlab-ci.yml, or set the registry explicitly to"
                        + " https://<host>/api/v4/projects/<project ID>/packages/npm/."));
        return endpoints().project(id);
    }

    /** The job token as a Bearer credential (GitLab accepts it as npm's {@code _authToken}, §2). */
    public Credentials.Token jobToken() {
        requireDetected("use CI_JOB_TOKEN");
        String token = get("CI_JOB_TOKEN").orElseThrow(() -> new NpmregException(
                "GitLab CI is detected (GITLAB_CI=true) but CI_JOB_TOKEN is not set.",
                "Do not override or unset CI_JOB_TOKEN in .gitlab-ci.yml, or give the registry a token another way"
                        + " (settings.xml server or NPM_TOKEN)."));
        return new Credentials.Token(token, JOB_TOKEN_SOURCE);
    }

    /** Whether a job token is there to use. */
    public boolean hasJobToken() {
        return detected && get("CI_JOB_TOKEN").isPresent();
    }

    /**
     * A warning when packages of {@code scope} ({@code @acme}, {@code acme} or a full {@code @acme/pkg} name;
     * {@code null} for an unscoped package) cannot be installed from the instance-level endpoint, which looks the
     * package up by scope = top-level namespace (gitlab-npm-registry.md §3). {@code null} when that works or when
     * the root namespace is unknown. The comparison ignores case: GitLab looks namespaces up case-insensitively,
     * and npm names are lowercase.
     */
    public String scopeWarning(String scope) {
        Optional<String> root = rootNamespace();
        if (root.isEmpty()) {
            return null;
        }
        String instanceUrl = apiV4Url().map(u -> {
            try {
                return GitLabEndpoints.fromApiV4Url(u).instance().toString();
            } catch (NpmregException e) {
                return "the instance-level endpoint";
            }
        }).orElse("the instance-level endpoint");
        String bare = scope == null ? null : scope.startsWith("@") ? scope.substring(1) : scope;
        if (bare != null && bare.contains("/")) {
            bare = bare.substring(0, bare.indexOf('/'));
        }
        if (bare == null || bare.isEmpty()) {
            return "The package is unscoped; GitLab's instance-level endpoint (" + instanceUrl + ") only serves"
                    + " packages scoped to a top-level namespace, so it can be installed only from the project-level"
                    + " URL. Name it @" + root.get().toLowerCase(Locale.ROOT) + "/<name> to make instance-level"
                    + " installs work.";
        }
        if (bare.equalsIgnoreCase(root.get())) {
            return null;
        }
        return "The package scope @" + bare + " differs from this project's top-level namespace '" + root.get()
                + "'; installs through GitLab's instance-level endpoint (" + instanceUrl + ") look packages up by"
                + " scope = top-level namespace and will not find it (and may be forwarded to npmjs.org instead)."
                + " Project- and group-level installs still work. Rename the scope to @"
                + root.get().toLowerCase(Locale.ROOT) + " if instance-level installs are wanted.";
    }

    /**
     * Missing or inconsistent variables, one sentence each; empty when everything needed is there. Outside GitLab
     * CI this only reports a job token that would be ignored.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!detected) {
            if (get("CI_JOB_TOKEN").isPresent()) {
                problems.add("CI_JOB_TOKEN is set but GITLAB_CI is not 'true', so it is not used as a credential.");
            }
            return problems;
        }
        if (apiV4Url().isEmpty() && serverUrl().isEmpty()) {
            problems.add("GITLAB_CI=true but neither CI_API_V4_URL nor CI_SERVER_URL is set.");
        }
        if (projectId().isEmpty()) {
            problems.add("GITLAB_CI=true but CI_PROJECT_ID is not set.");
        }
        if (get("CI_JOB_TOKEN").isEmpty()) {
            problems.add("GITLAB_CI=true but CI_JOB_TOKEN is not set.");
        }
        if (apiV4Url().isPresent()) {
            try {
                URI api = GitLabEndpoints.fromApiV4Url(apiV4Url().get()).apiV4();
                if (serverHost().isPresent() && !serverHost().get().equalsIgnoreCase(api.getHost())) {
                    problems.add("CI_API_V4_URL (" + apiV4Url().get() + ") names host '" + api.getHost()
                            + "' but CI_SERVER_HOST is '" + serverHost().get() + "'.");
                }
            } catch (NpmregException e) {
                problems.add("CI_API_V4_URL is not usable: " + e.problem());
            }
        }
        if (projectPath().isPresent() && rootNamespace().isPresent()
                && !projectPath().get().startsWith(rootNamespace().get() + "/")) {
            problems.add("CI_PROJECT_PATH '" + projectPath().get() + "' is not under CI_PROJECT_ROOT_NAMESPACE '"
                    + rootNamespace().get() + "'.");
        }
        return problems;
    }

    private void requireDetected(String what) {
        if (!detected) {
            throw new NpmregException("Cannot " + what + ": this is not a GitLab CI job (GITLAB_CI is "
                    + get("GITLAB_CI").map(v -> "'" + v + "'").orElse("not set") + ").",
                    "Run in GitLab CI, or configure the registry and its credentials explicitly.");
        }
    }

    private Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return detected ? "GitLab CI (project " + projectPath().or(this::projectId).orElse("?") + ")"
                : "not GitLab CI";
    }
}
