package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.GitLabCi;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.manifest.PackageName;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GitLab project the package goes to, read with the credentials before the upload, in CI or not
 * (npm12-provenance-gitlab-2026.md, "GitLab npm registry, 2024–2026"): {@code GET /api/v4/projects/:id} gives the
 * root namespace, which instance-level installs need as the scope; {@code GET
 * /api/v4/projects/:id/packages/protection/rules} (GitLab 17.6+) names the package patterns a push needs a higher
 * role for. Job tokens cannot read the projects API (their scope check is CI_PROJECT_ROOT_NAMESPACE, in the CI
 * check); deploy tokens cannot either, which is a warning that these rules could not be checked.
 */
final class GitLabProjectCheck implements Check {
    @Override
    public String id() {
        return "gitlab-project";
    }

    @Override
    public String title() {
        return "GitLab project";
    }

    @Override
    public Category category() {
        return Category.READ_ONLY_AUTH;
    }

    @Override
    public Set<Premise> needs() {
        return Set.of(Premise.REGISTRY, Premise.CREDENTIALS, Premise.NETWORK, Premise.AUTHENTICATION);
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        if (registry == null || context.packageName() == null) {
            return List.of(Finding.skipped(this, "no usable registry URL"));
        }
        GitLabEndpoints.Classification gitlab = GitLabEndpoints.classify(Urls.withSlash(registry));
        if (gitlab.level() != GitLabEndpoints.Level.PROJECT) {
            return List.of(Finding.skipped(this, "not a GitLab project endpoint"));
        }
        Credentials credentials = context.credentials();
        if (credentials instanceof Credentials.None) {
            return List.of(Finding.skipped(this, "no credentials to read the project with"));
        }
        GitLabCi ci = GitLabCi.from(context.environment());
        boolean ciChecksScope = ci.detected() && ci.rootNamespace().isPresent();
        TokenKind kind = credentials instanceof Credentials.Token token
                ? TokenKind.of(token.token(), context.environment()) : TokenKind.GITLAB_DEPLOY_TOKEN;
        if (kind == TokenKind.GITLAB_JOB_TOKEN) {
            return List.of(Finding.skipped(this, "CI job tokens cannot read the projects API"
                    + (ciChecksScope ? "; the scope is checked against CI_PROJECT_ROOT_NAMESPACE (see CI)" : "")));
        }
        URI projectUrl = gitlab.api().apiV4().resolve("projects/" + encode(gitlab.id()));
        Network.Answer project;
        try {
            project = context.network().get(projectUrl, credentials.authorizationHeader());
        } catch (IOException e) {
            return List.of(Finding.skipped(this, "GET " + projectUrl + " failed (see Network): " + e));
        }
        if (project.status() == 404 && kind == TokenKind.GITLAB_ACCESS_TOKEN) {
            // An access token reads every project its user can see: a 404 is a wrong id or a project hidden from it.
            return List.of(RegistryAnswers.finding(FindingKind.GITLAB_PROJECT_NOT_FOUND, id(), projectUrl, project,
                    credentials));
        }
        if (project.status() != 200) {
            // These credentials cannot read the projects API; the npm endpoint itself tells a wrong project id
            // (404 "Project Not Found") from a project that is there, so the cause comes first, not this limit.
            Finding notFound = missingProject(context, gitlab, credentials);
            if (notFound != null) {
                return List.of(notFound);
            }
            PackageName name = new PackageName(context.packageName());
            String scopeRule = name.scope().map(s -> "nothing to do if " + s + " is the project's top-level group")
                    .orElse("the package is unscoped, so instance-level installs cannot find it (they look packages"
                            + " up by scope = top-level group); nothing else to do if");
            return List.of(Finding.of(FindingKind.GITLAB_PROJECT_UNREADABLE, id(),
                    "GET " + projectUrl + " answered " + project.status() + AuthenticationCheck.body(project) + " for "
                            + credentials + (kind == TokenKind.GITLAB_DEPLOY_TOKEN
                            ? " (deploy tokens cannot read the projects API)" : ""),
                    scopeRule + (name.scope().isPresent() ? " and" : "") + " no protection rule covers "
                            + context.packageName() + "; run verify with a personal access token with read_api to"
                            + " check both"));
        }
        JsonNode json = Json.parse(project.body());
        String fullPath = json.path("namespace").path("full_path").asText(json.path("path_with_namespace").asText(""));
        String root = fullPath.contains("/") ? fullPath.substring(0, fullPath.indexOf('/')) : fullPath;
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        PackageName name = new PackageName(context.packageName());
        String scope = name.scope().map(s -> s.substring(1)).orElse(null);
        if (!root.isEmpty() && !ciChecksScope) {
            if (scope == null || !scope.equalsIgnoreCase(root)) {
                String instance = gitlab.api().instance().toString();
                findings.add(Finding.of(FindingKind.GITLAB_SCOPE_NOT_ROOT_NAMESPACE, id(),
                        (scope == null ? "the package " + name + " is unscoped" : "the scope @" + scope + " of " + name
                                + " differs from")
                                + " the top-level namespace '" + root + "' of project " + json.path("path_with_namespace")
                                .asText(gitlab.id()) + " (GET " + projectUrl + "); installs through " + instance
                                + " look packages up by scope = top-level namespace and will not find it",
                        "\"name\": \"@" + root.toLowerCase(Locale.ROOT) + "/" + name.unscopedName()
                                + "\" in package.json, or install from " + gitlab.endpoint()));
            } else {
                evidence.add("scope @" + scope + " is the top-level namespace of " + fullPath);
            }
        }
        protectionRules(context, gitlab, projectUrl, json, kind, name, findings, evidence);
        if (findings.isEmpty()) {
            findings.add(Finding.pass(this, "project " + json.path("path_with_namespace").asText(gitlab.id())
                    + (evidence.isEmpty() ? "" : ": " + String.join("; ", evidence))));
        }
        return findings;
    }

    /** GITLAB_PROJECT_NOT_FOUND when the project's npm endpoint answers 404 "Project Not Found", else null. */
    private Finding missingProject(DoctorContext context, GitLabEndpoints.Classification gitlab,
            Credentials credentials) {
        URI distTags = Urls.withSlash(gitlab.endpoint()).resolve("-/package/"
                + new PackageName(context.packageName()).escapedName() + "/dist-tags");
        try {
            Network.Answer answer = context.network().get(distTags, credentials.authorizationHeader());
            if (answer.status() == 404 && answer.body() != null && answer.body().contains("Project Not Found")) {
                return RegistryAnswers.finding(FindingKind.GITLAB_PROJECT_NOT_FOUND, id(), distTags, answer,
                        credentials);
            }
        } catch (IOException e) {
            // Reported by the network checks; the projects API answer stands.
        }
        return null;
    }

    private void protectionRules(DoctorContext context, GitLabEndpoints.Classification gitlab, URI projectUrl,
            JsonNode project, TokenKind kind, PackageName name, List<Finding> findings, List<String> evidence) {
        URI rulesUrl = URI.create(projectUrl + "/packages/protection/rules");
        Network.Answer answer;
        try {
            answer = context.network().get(rulesUrl, context.credentials().authorizationHeader());
        } catch (IOException e) {
            evidence.add("protection rules not read (" + e + ")");
            return;
        }
        if (answer.status() != 200) {
            // Listing rules needs the Maintainer role (and GitLab 17.6+); a Developer cannot see them.
            evidence.add("protection rules not readable (GET " + rulesUrl + " answered " + answer.status()
                    + "; listing them needs the Maintainer role)");
            return;
        }
        int level = accessLevel(project);
        for (JsonNode rule : Json.parse(answer.body())) {
            String type = rule.path("package_type").asText("npm");
            String pattern = rule.path("package_name_pattern").asText("");
            if (!type.equalsIgnoreCase("npm") || pattern.isEmpty() || !matches(pattern, name.toString())) {
                continue;
            }
            String needed = rule.path("minimum_access_level_for_push").asText("");
            int neededLevel = switch (needed.toLowerCase(Locale.ROOT)) {
                case "maintainer" -> 40;
                case "owner" -> 50;
                case "admin" -> 60;
                default -> -1;
            };
            if (neededLevel < 0) {
                continue; // no push restriction (a delete-only rule)
            }
            if (kind == TokenKind.GITLAB_DEPLOY_TOKEN || level < neededLevel) {
                findings.add(Finding.of(FindingKind.GITLAB_PACKAGE_PROTECTED, id(),
                        "protection rule '" + pattern + "' of project " + project.path("path_with_namespace").asText()
                                + " matches " + name + " and needs " + needed + " to push; "
                                + (kind == TokenKind.GITLAB_DEPLOY_TOKEN ? "deploy tokens cannot push protected packages"
                                        : "the token's user is " + role(level)),
                        "publish with a token of a user with the " + needed + " role (or above), or change the rule"
                                + " in Settings > Packages and registries > Protected packages"));
                return;
            }
            evidence.add("protection rule '" + pattern + "' needs " + needed + ", the token's user is " + role(level));
        }
        if (evidence.stream().noneMatch(e -> e.startsWith("protection rule"))) {
            evidence.add("no protection rule matches " + name);
        }
    }

    /** The token user's role in the project (project or inherited group membership), GitLab's access level number. */
    private static int accessLevel(JsonNode project) {
        JsonNode permissions = project.path("permissions");
        return Math.max(permissions.path("project_access").path("access_level").asInt(0),
                permissions.path("group_access").path("access_level").asInt(0));
    }

    private static String role(int level) {
        return switch (level) {
            case 50 -> "Owner";
            case 40 -> "Maintainer";
            case 30 -> "Developer";
            case 20 -> "Reporter";
            case 10 -> "Guest";
            default -> "of unknown role (access level " + level + ")";
        };
    }

    /** GitLab's rule patterns: {@code *} matches any characters, matched without regard to case. */
    static boolean matches(String pattern, String name) {
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(name).matches();
    }

    private static String encode(String id) {
        return id.replace("%", "%25").replace("/", "%2F");
    }
}
