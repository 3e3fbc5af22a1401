package io.github.npmreg.provenance;

import io.github.npmreg.NpmregException;
import io.github.npmreg.gitlab.IdTokenClaims;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What can be known about a provenance signature before anything is sent: the ID token is there, for Fulcio, still
 * valid; the runner and the package.json are what npmjs.org accepts. Each problem is a value with its evidence and
 * fix; publish stops on the first blocking one, and verify shows them all as findings.
 *
 * <p>Blocking or not depends on who would refuse: npmjs.org checks the repository, the runner and the GitLab
 * instance (its E422), so those block only when publishing there; the audience blocks with the public Fulcio, whose
 * rule it is; an expired or malformed token blocks everywhere.
 */
public final class ProvenanceCheck {
    /** The ID token variable npm signs with in GitLab CI. */
    public static final String SIGSTORE_ID_TOKEN = "SIGSTORE_ID_TOKEN";
    /** The audience Fulcio expects. */
    public static final String SIGSTORE_AUDIENCE = "sigstore";
    /** npm's own message when SIGSTORE_ID_TOKEN is missing ({@code ensureProvenanceGeneration}). */
    public static final String NPM_MISSING_TOKEN_MESSAGE = "Provenance generation in GitLab CI requires"
            + " \"SIGSTORE_ID_TOKEN\" with \"sigstore\" audience to be present in \"id_tokens\". For more info see:"
            + " https://docs.gitlab.com/ee/ci/secrets/id_token_authentication.html";
    static final String ID_TOKENS_FIX = "Add to the publish job in .gitlab-ci.yml: id_tokens: { SIGSTORE_ID_TOKEN:"
            + " { aud: sigstore } } (beside NPM_ID_TOKEN; it must be on the job itself).";

    /** The kinds of problem; verify maps each to a finding. */
    public enum Issue {
        NOT_GITLAB_CI,
        NO_SIGSTORE_TOKEN,
        MALFORMED_TOKEN,
        WRONG_AUDIENCE,
        EXPIRED_TOKEN,
        SELF_HOSTED_RUNNER,
        NOT_GITLAB_COM,
        REPOSITORY_MISSING,
        REPOSITORY_MISMATCH,
        PRIVATE_PACKAGE
    }

    /** One problem: what is wrong (with the values seen), the fix, and whether it stops a publish. */
    public record Problem(Issue issue, boolean blocking, String problem, String fix) {
        public NpmregException toException() {
            return new NpmregException(problem, fix);
        }
    }

    /**
     * @param env           the job's environment
     * @param registry      the publish registry
     * @param repositoryUrl {@code repository.url} of the manifest that is published, or {@code null}
     * @param publicFulcio  whether the signing certificate comes from the public Fulcio
     * @param now           the time to judge expiry at
     */
    public record Context(Map<String, String> env, URI registry, String repositoryUrl, boolean publicFulcio,
            Instant now) {
        public Context {
            env = Map.copyOf(env);
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(now, "now");
        }

        boolean npmjs() {
            return "registry.npmjs.org".equalsIgnoreCase(registry.getHost());
        }
    }

    private ProvenanceCheck() {}

    /** GitLab CI as ci-info detects it: {@code GITLAB_CI} is set. */
    public static boolean inGitLabCi(Map<String, String> env) {
        return env.get("GITLAB_CI") != null;
    }

    /** The problems, in the order a user fixes them: CI, token, token claims, registry's rules. */
    public static List<Problem> check(Context c) {
        List<Problem> problems = new ArrayList<>();
        if (!inGitLabCi(c.env())) {
            String provider = c.env().get("GITHUB_ACTIONS") != null ? "GitHub Actions" : "none (not in CI)";
            problems.add(new Problem(Issue.NOT_GITLAB_CI, true, "Provenance needs a GitLab CI job, and GITLAB_CI"
                    + " is not set (npm: \"Automatic provenance generation not supported for provider\"; provider"
                    + " here: " + provider + "). The plugin signs provenance for GitLab CI only.",
                    "Publish from a GitLab CI job, or set provenance to auto or false (-Dnpmreg.provenance=false)."));
            return problems;
        }
        String token = c.env().get(SIGSTORE_ID_TOKEN);
        if (token == null || token.isBlank()) {
            problems.add(new Problem(Issue.NO_SIGSTORE_TOKEN, true, NPM_MISSING_TOKEN_MESSAGE
                    + " (SIGSTORE_ID_TOKEN is not set in this job.)", ID_TOKENS_FIX));
            return problems;
        }
        IdTokenClaims claims;
        try {
            claims = IdTokenClaims.decode(token, SIGSTORE_ID_TOKEN, "id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }");
        } catch (NpmregException e) {
            problems.add(new Problem(Issue.MALFORMED_TOKEN, true, e.problem(), e.fix()));
            return problems;
        }
        if (!claims.hasAudience(SIGSTORE_AUDIENCE)) {
            problems.add(new Problem(Issue.WRONG_AUDIENCE, c.publicFulcio(), "SIGSTORE_ID_TOKEN has the audience "
                    + (claims.audience().isEmpty() ? "(none)" : String.join(", ", claims.audience()))
                    + ", and Fulcio issues signing certificates only for the audience '" + SIGSTORE_AUDIENCE + "'.",
                    "In .gitlab-ci.yml set id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } } on the publish job."));
        }
        if (claims.expiredAt(c.now())) {
            problems.add(new Problem(Issue.EXPIRED_TOKEN, true, "SIGSTORE_ID_TOKEN expired at "
                    + claims.expiresAt() + ", " + Duration.between(claims.expiresAt(), c.now()).toSeconds()
                    + " s before " + c.now() + ": Fulcio refuses an expired token.",
                    "The ID token expires with the job timeout (5 minutes if none is set): set a longer timeout on"
                            + " the publish job, or publish earlier in it."));
        }
        if ("self-hosted".equals(claims.runnerEnvironment())) {
            problems.add(new Problem(Issue.SELF_HOSTED_RUNNER, c.npmjs(), "The job runs on a self-hosted runner"
                    + " (SIGSTORE_ID_TOKEN claim runner_environment=self-hosted), and npmjs.org accepts provenance"
                    + " only from GitLab.com's hosted runners: it would refuse the publish (E422).",
                    "Run the publish job on a GitLab.com hosted runner (tags: saas-linux-small-amd64 or no runner"
                            + " tags), or set provenance=false."));
        }
        if (claims.issuer() != null && !claims.issuer().replaceAll("/+$", "").equals("https://gitlab.com")) {
            problems.add(new Problem(Issue.NOT_GITLAB_COM, c.npmjs(), "SIGSTORE_ID_TOKEN was issued by "
                    + claims.issuer() + ", and npmjs.org accepts GitLab provenance only from https://gitlab.com.",
                    "Publish with provenance from a project on gitlab.com, or set provenance=false."));
        }
        String projectUrl = c.env().get("CI_PROJECT_URL");
        if (c.repositoryUrl() == null || c.repositoryUrl().isBlank()) {
            problems.add(new Problem(Issue.REPOSITORY_MISSING, c.npmjs(), "package.json has no repository.url, and"
                    + " npmjs.org compares it with the provenance's source repository CI_PROJECT_URL=" + projectUrl
                    + " (npm: E422 \"repository.url\" is \"\", expected to match \"" + projectUrl
                    + "\" from provenance).", repositoryFix(projectUrl)));
        } else if (projectUrl != null && !RepositoryUrl.sameRepository(c.repositoryUrl(), projectUrl)) {
            problems.add(new Problem(Issue.REPOSITORY_MISMATCH, c.npmjs(), "package.json repository.url is \""
                    + c.repositoryUrl() + "\", but this job's project is CI_PROJECT_URL=\"" + projectUrl
                    + "\": npmjs.org refuses provenance whose source repository is not the package's"
                    + " (E422 \"repository.url\" ... expected to match).", repositoryFix(projectUrl)));
        }
        return problems;
    }

    /** npm's check of the package's visibility, when access is not public ({@code ensureProvenanceGeneration}). */
    public static Problem privatePackage(String packageName, String access, String evidence) {
        return new Problem(Issue.PRIVATE_PACKAGE, true, "Can't generate provenance for new or private package,"
                + " you must set `access` to public. (npm's rule: " + packageName + " is " + evidence
                + ", and access is " + (access == null ? "not set" : access) + ".)",
                "Set <access>public</access> (-Dnpmreg.access=public) or publishConfig.access \"public\" in"
                        + " package.json; a package with provenance must be public.");
    }

    private static String repositoryFix(String projectUrl) {
        return "Set in package.json: \"repository\": { \"type\": \"git\", \"url\": \"git+" + projectUrl
                + ".git\" } (the project this job runs in).";
    }
}
