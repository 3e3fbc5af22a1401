package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.gitlab.GitLabTokenError;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the registry thinks we are, with read-only requests. GitLab has no whoami or ping route (release-it#592), so
 * there the token describes itself at {@code /api/v4/personal_access_tokens/self} (scopes and expiry); npmjs,
 * Verdaccio and Nexus answer {@code /-/whoami} and {@code /-/ping} (npm-pack-and-publish.md §7). The ping is asked
 * only when whoami names no user: a whoami that names one has already shown the URL is a registry's root, and each
 * request costs the registry a token check (Verdaccio verifies a bcrypt hash per request).
 */
final class AuthenticationCheck implements Check {
    /** Warn this long before a token expires. */
    static final int EXPIRY_WARNING_DAYS = 7;

    @Override
    public String id() {
        return "authentication";
    }

    @Override
    public String title() {
        return "Authentication";
    }

    @Override
    public Category category() {
        return Category.READ_ONLY_AUTH;
    }

    @Override
    public java.util.Set<Premise> needs() {
        return java.util.Set.of(Premise.REGISTRY, Premise.CREDENTIALS, Premise.NETWORK);
    }

    /** An npm registry's {@code -/whoami} (the ping depends on its answer, GitLab's requests on GitLab's). */
    @Override
    public List<URI> reads(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        if (registry == null || context.credentials() instanceof Credentials.None
                || GitLabEndpoints.classify(registry).level() != GitLabEndpoints.Level.NOT_GITLAB) {
            return List.of();
        }
        return List.of(whoami(registry));
    }

    private static URI whoami(URI registry) {
        return Urls.withSlash(registry).resolve("-/whoami");
    }

    private static URI ping(URI registry) {
        return Urls.withSlash(registry).resolve("-/ping");
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        if (registry == null) {
            return List.of(Finding.skipped(this, "no usable registry URL"));
        }
        if (context.credentials() instanceof Credentials.None) {
            return List.of(Finding.skipped(this, context.trustedPublishing()
                    ? "trusted publishing: credentials come from the OIDC exchange at publish time"
                    : "no credentials to check (see Credentials)"));
        }
        GitLabEndpoints.Classification gitlab = GitLabEndpoints.classify(registry);
        try {
            return gitlab.level() == GitLabEndpoints.Level.NOT_GITLAB
                    ? npmRegistry(context, registry)
                    : gitLab(context, gitlab);
        } catch (IOException e) {
            return List.of(Finding.skipped(this, "request failed (see Network): " + e));
        }
    }

    private List<Finding> npmRegistry(DoctorContext context, URI registry) throws IOException {
        List<Finding> findings = new ArrayList<>();
        URI base = Urls.withSlash(registry);
        URI whoami = whoami(registry);
        Network.Answer answer = context.network().get(whoami, context.credentials().authorizationHeader());
        if (answer.status() == 401) {
            findings.add(RegistryAnswers.finding(FindingKind.TOKEN_REJECTED, id(), whoami, answer,
                    context.credentials()));
        } else if (answer.status() == 403) {
            findings.add(RegistryAnswers.finding(FindingKind.ACCESS_FORBIDDEN, id(), whoami, answer,
                    context.credentials()));
        } else if (answer.status() == 200 && !io.github.npmreg.registry.NonRegistryAnswer.isJsonObject(answer.body())) {
            return List.of(notRegistry(id(), whoami, answer));
        } else {
            String user = answer.status() == 200 ? Json.text(Json.parse(answer.body()), "username") : null;
            if (user == null || user.isBlank()) {
                // Verdaccio answers 200 {} for a bad token (test-registry-verdaccio.md §4): no user, no login.
                findings.add(Finding.of(FindingKind.NOT_AUTHENTICATED, id(),
                        "GET " + whoami + " answered " + answer.status() + " without a username" + body(answer)
                                + "; sent " + context.credentials(),
                        "get a new token for " + base + " (its web UI, or npm login --registry=" + base
                                + ", which writes one to ~/.npmrc) and store it in " + context.credentials().source()));
            } else {
                findings.add(Finding.pass(this, "authenticated as '" + user + "' on " + registry + " with "
                        + context.credentials()));
                return findings;
            }
        }
        URI ping = ping(registry);
        Network.Answer pong = context.network().get(ping, context.credentials().authorizationHeader());
        if (pong.status() / 100 != 2) {
            findings.add(Finding.of(FindingKind.REGISTRY_PING_FAILED, id(),
                    "GET " + ping + " answered " + pong.status() + body(pong),
                    "check that " + registry + " is the registry's root URL"));
        }
        return findings;
    }

    private List<Finding> gitLab(DoctorContext context, GitLabEndpoints.Classification gitlab) throws IOException {
        if (!(context.credentials() instanceof Credentials.Token token)) {
            return List.of(Finding.pass(this, context.credentials() + ": GitLab reads deploy tokens from Basic "
                    + "auth; needs write_package_registry to publish"));
        }
        TokenKind kind = TokenKind.of(token.token(), context.environment());
        if (kind == TokenKind.GITLAB_JOB_TOKEN) {
            return List.of(Finding.pass(this, context.credentials() + ": " + kind.abilities()));
        }
        if (kind == TokenKind.GITLAB_DEPLOY_TOKEN) {
            return List.of(Finding.of(FindingKind.TOKEN_SCOPES_UNKNOWN, id(),
                    context.credentials() + " is a " + kind.description() + "; GitLab does not tell a deploy "
                            + "token its scopes",
                    "check in Settings > Repository > Deploy tokens that it has write_package_registry"));
        }
        URI self = gitlab.api().personalAccessTokenSelf();
        Network.Answer answer = context.network().get(self, context.credentials().authorizationHeader());
        if (answer.status() == 401) {
            GitLabTokenError why = GitLabTokenError.of(answer.body(), answer.header("WWW-Authenticate"));
            String evidence = "GitLab refused " + context.credentials() + ": GET " + self + " answered 401"
                    + body(answer);
            String fix = "create a new access token with the api scope (User settings > Access tokens, or the "
                    + "project's or group's Settings > Access tokens) and store it in " + context.credentials().source();
            return List.of(why == GitLabTokenError.EXPIRED
                    ? Finding.of(FindingKind.GITLAB_TOKEN_EXPIRED, id(), evidence, fix)
                    : Finding.of(FindingKind.TOKEN_REJECTED, id(), evidence
                            + (why == GitLabTokenError.REVOKED ? " (the token was revoked)" : ""), fix));
        }
        if (answer.status() != 200) {
            return List.of(Finding.of(FindingKind.TOKEN_SCOPES_UNKNOWN, id(),
                    "GET " + self + " answered " + answer.status() + " for " + context.credentials()
                            + " (older GitLab, or not an access token)",
                    "check in GitLab (User settings > Access tokens) that the token has the api scope"));
        }
        if (!io.github.npmreg.registry.NonRegistryAnswer.isJsonObject(answer.body())) {
            return List.of(notRegistry(id(), self, answer));
        }
        JsonNode info = Json.parse(answer.body());
        List<String> scopes = new ArrayList<>();
        info.path("scopes").forEach(s -> scopes.add(s.asText()));
        List<Finding> findings = new ArrayList<>();
        String name = "token '" + info.path("name").asText("?") + "' (" + context.credentials() + ")";
        if (!scopes.contains("api")) {
            findings.add(Finding.of(FindingKind.GITLAB_TOKEN_READ_ONLY, id(),
                    name + " has scopes " + scopes + "; publishing needs api",
                    "create a token with the api scope (User settings > Access tokens) and store it in "
                            + context.credentials().source()));
        }
        String expiresAt = Json.text(info, "expires_at");
        if (expiresAt != null) {
            try {
                LocalDate expiry = LocalDate.parse(expiresAt.length() > 10 ? expiresAt.substring(0, 10) : expiresAt);
                LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
                if (!expiry.isAfter(today)) {
                    findings.add(Finding.of(FindingKind.GITLAB_TOKEN_EXPIRED, id(),
                            name + " expired on " + expiry + " (today " + today + ")",
                            "create a new token and store it in " + context.credentials().source()));
                } else if (expiry.isBefore(today.plusDays(EXPIRY_WARNING_DAYS))) {
                    findings.add(Finding.of(FindingKind.GITLAB_TOKEN_EXPIRES_SOON, id(),
                            name + " expires on " + expiry + " (today " + today + ")",
                            "rotate the token before " + expiry + " and update " + context.credentials().source()));
                }
            } catch (DateTimeParseException e) {
                // An unreadable date is GitLab's to explain; the scopes above are still checked.
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass(this, name + " has scopes " + scopes
                    + (expiresAt == null ? ", no expiry" : ", expires " + expiresAt)));
        }
        return findings;
    }

    /** An answer that is not a registry's: its content type and first bytes, and the likely causes. */
    static Finding notRegistry(String check, URI url, Network.Answer answer) {
        return Finding.of(FindingKind.REGISTRY_ANSWER_NOT_NPM, check, io.github.npmreg.registry.NonRegistryAnswer
                .problem("GET", url, answer.status(), answer.header("Content-Type"), answer.body()),
                io.github.npmreg.registry.NonRegistryAnswer.LIKELY_CAUSES);
    }

    /** The start of a response body, for evidence; registries put the reason there. */
    static String body(Network.Answer answer) {
        String body = answer.body() == null ? "" : answer.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        return ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
}
