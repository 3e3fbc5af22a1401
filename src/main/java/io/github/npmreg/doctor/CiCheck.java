package io.github.npmreg.doctor;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.GitLabCi;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.gitlab.IdTokenClaims;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.Release;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitLab CI: the predefined variables, the job token against the registry, {@code requireTag} against
 * {@code CI_COMMIT_TAG}, the scope against the root namespace, and for trusted publishing the ID tokens
 * (gitlab-npm-registry.md §5, §7).
 */
final class CiCheck implements Check {
    @Override
    public String id() {
        return "ci";
    }

    @Override
    public String title() {
        return "CI";
    }

    @Override
    public Category category() {
        return Category.LOCAL;
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        Map<String, String> env = context.environment();
        GitLabCi ci = GitLabCi.from(env);
        List<Finding> findings = new ArrayList<>();
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        for (String problem : ci.problems()) {
            findings.add(ciVariableMissing(context, ci, registry, problem));
        }
        GitLabEndpoints.Classification gitlab = registry == null ? null : GitLabEndpoints.classify(registry);
        if (ci.detected() && registry != null && context.credentials() instanceof Credentials.Token token
                && TokenKind.of(token.token(), env) == TokenKind.GITLAB_JOB_TOKEN) {
            jobToken(ci, registry, gitlab, findings);
        }
        if (ci.detected() && gitlab != null && gitlab.level() != GitLabEndpoints.Level.NOT_GITLAB
                && context.packageName() != null) {
            String warning = ci.scopeWarning(context.packageName());
            if (warning != null) {
                findings.add(Finding.of(FindingKind.GITLAB_SCOPE_NOT_ROOT_NAMESPACE, id(), warning,
                        "\"name\": \"@" + ci.rootNamespace().orElse("<root namespace>").toLowerCase(java.util.Locale.ROOT)
                                + "/<name>\" in package.json, or install from " + gitlab.endpoint()));
            }
        }
        List<String> passes = new ArrayList<>();
        if (context.requireTag()) {
            releaseTag(context, ci, findings, passes);
        }
        if (context.trustedPublishing()) {
            idToken(context, registry, findings);
        }
        if (context.provenance() && ci.detected() && isBlank(env.get("SIGSTORE_ID_TOKEN"))) {
            findings.add(Finding.of(FindingKind.SIGSTORE_ID_TOKEN_MISSING, id(),
                    "provenance is on and this is a GitLab CI job, but SIGSTORE_ID_TOKEN is not set",
                    "in .gitlab-ci.yml, on the publish job: id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }"));
        }
        if (findings.isEmpty()) {
            String what = ci.detected() ? ci.toString() : "not a GitLab CI job";
            findings.add(Finding.pass(this, passes.isEmpty() ? what + (ci.detected() ? "" : "; nothing to check")
                    : what + "; " + String.join("; ", passes)));
        }

        return findings;
    }

    /**
     * A missing predefined variable is the root cause of what follows: without CI_JOB_TOKEN the job's GitLab gets no
     * credentials, without CI_API_V4_URL or CI_PROJECT_ID the publish falls back to npm's default registry.
     */
    private Finding ciVariableMissing(DoctorContext context, GitLabCi ci, URI registry, String problem) {
        Finding f = Finding.of(FindingKind.CI_VARIABLE_MISSING, id(), problem,
                "do not override or unset the predefined CI_* variables in .gitlab-ci.yml; run publish inside the job");
        java.util.EnumSet<Premise> broken = java.util.EnumSet.noneOf(Premise.class);
        Release release = context.release();
        if (ci.detected() && !ci.hasJobToken() && registry != null && PublishPlanner.sameGitLab(ci, registry)
                && context.credentials() instanceof Credentials.None) {
            broken.add(Premise.CREDENTIALS);
        }
        if (ci.detected() && release != null && release.registry() != null && release.registry().isNpmDefault()
                && (ci.apiV4Url().isEmpty() || ci.projectId().isEmpty())) {
            broken.add(Premise.REGISTRY);
        }
        return broken.isEmpty() ? f : f.falsifying(true, broken.toArray(new Premise[0]));
    }

    private void jobToken(GitLabCi ci, URI registry, GitLabEndpoints.Classification gitlab, List<Finding> findings) {
        String serverHost = ci.serverHost().orElse(null);
        if (serverHost != null && !serverHost.equalsIgnoreCase(registry.getHost())) {
            findings.add(Finding.of(FindingKind.CI_REGISTRY_OTHER_SERVER, id(),
                    "CI_JOB_TOKEN of " + serverHost + " is sent to " + registry,
                    "registry=" + ci.defaultPublishRegistry() + " (or a token issued by " + registry.getHost() + ")"));
            return;
        }
        String projectId = ci.projectId().orElse(null);
        if (gitlab.level() == GitLabEndpoints.Level.PROJECT && projectId != null && !gitlab.id().equals(projectId)
                && !gitlab.id().equals(ci.projectPath().orElse(null))) {
            findings.add(Finding.of(FindingKind.CI_JOB_TOKEN_OTHER_PROJECT, id(),
                    "the job of project " + projectId + " publishes to project " + gitlab.id()
                            + " with CI_JOB_TOKEN",
                    "in project " + gitlab.id() + ": Settings > CI/CD > Job token permissions, add "
                            + ci.projectPath().orElse(projectId)));
        }
    }

    /** The same verdict publish stops on: CI_COMMIT_TAG, else the tags at HEAD, against the release's version. */
    private void releaseTag(DoctorContext context, GitLabCi ci, List<Finding> findings, List<String> passes) {
        Release release = context.release();
        ReleaseTag.Verdict verdict;
        if (release != null && release.requiredTag() != null) {
            verdict = release.tagVerdict(context.packageDirectory(), context.environment()).orElseThrow();
        } else {
            String version = context.packageVersion();
            if (version == null || context.packageDirectory() == null) {
                return;
            }
            verdict = new ReleaseTag(context.releaseTagPattern()).judge(version, "\"version\" in package.json",
                    v -> "set \"version\": \"" + v + "\" in package.json", context.packageDirectory(),
                    context.environment());
        }
        if (verdict instanceof ReleaseTag.Verdict.Refused refused) {
            findings.add(Finding.of(refused.refusal().mismatch() ? FindingKind.RELEASE_TAG_VERSION_MISMATCH
                    : FindingKind.RELEASE_TAG_MISSING, id(), refused.problem(), refused.fix()));
        } else if (verdict instanceof ReleaseTag.Verdict.Matched matched) {
            passes.add("release tag " + matched.tag() + " ("
                    + (matched.source() == ReleaseTag.Source.CI_COMMIT_TAG ? "CI_COMMIT_TAG" : "git tag at HEAD")
                    + ") names " + context.packageVersion());
        }
    }



    private void idToken(DoctorContext context, URI registry, List<Finding> findings) {
        String jwt = context.environment().get("NPM_ID_TOKEN");
        if (isBlank(jwt)) {
            findings.add(Finding.of(FindingKind.ID_TOKEN_MISSING, id(),
                    "trusted publishing is on but NPM_ID_TOKEN is not set",
                    "in .gitlab-ci.yml, on the publish job: id_tokens: { NPM_ID_TOKEN: { aud: \"npm:"
                            + (registry == null ? Urls.NPMJS_HOST : Urls.host(registry)) + "\" } }"));
            return;
        }
        IdTokenClaims claims;
        try {
            claims = IdTokenClaims.decode(jwt);
        } catch (NpmregException e) {
            findings.add(Finding.of(FindingKind.ID_TOKEN_UNREADABLE, id(), e.problem(),
                    "declare NPM_ID_TOKEN under id_tokens on the publish job, not as a CI/CD variable"));
            return;
        }
        if (registry != null) {
            String wanted = "npm:" + Urls.host(registry);
            if (!claims.hasAudience(wanted)) {
                findings.add(Finding.of(FindingKind.ID_TOKEN_AUDIENCE_MISMATCH, id(),
                        "NPM_ID_TOKEN has aud " + claims.audience() + " but publishing to " + registry + " needs \""
                                + wanted + "\"",
                        "id_tokens: { NPM_ID_TOKEN: { aud: \"" + wanted + "\" } }"));
            }
        }
        Instant now = context.clock().instant();
        if (claims.expiredAt(now)) {
            findings.add(Finding.of(FindingKind.ID_TOKEN_EXPIRED, id(),
                    "NPM_ID_TOKEN expired at " + claims.expiresAt() + " (now " + now + ")",
                    "give the publish job a timeout long enough for the build (timeout: 30m), or publish earlier "
                            + "in the job"));
        }
        if ("self-hosted".equals(claims.runnerEnvironment())) {
            findings.add(Finding.of(FindingKind.ID_TOKEN_SELF_HOSTED_RUNNER, id(),
                    "NPM_ID_TOKEN has runner_environment \"self-hosted\"",
                    "tags: [saas-linux-small-amd64] on the publish job (a GitLab.com shared runner)"));
        }
        if (findings.stream().noneMatch(f -> f.id().startsWith("id-token-"))) {
            findings.add(Finding.pass(this, "NPM_ID_TOKEN for namespace " + claims.namespacePath() + ", project "
                    + claims.projectName().orElse(null) + ", CI file " + claims.ciConfigPath().orElse(null)
                    + ", ref " + claims.ref()
                    + ": npm's trusted publisher must name this namespace, project and CI file exactly"));
        }
    }


    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
