package io.github.npmreg.doctor;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.Redaction;
import io.github.npmreg.auth.SettingsPassword;
import io.github.npmreg.doctor.DoctorContext.NpmrcLine;
import io.github.npmreg.gitlab.GitLabEndpoints;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.npmreg.publish.ReleaseProblem;

/**
 * Whether publish has credentials for the registry, where they come from, what kind they are, and, when none are
 * found, which of npm's ENEEDAUTH cases the .npmrc lines fall into (npm-pack-and-publish.md §5,
 * test-registry-verdaccio.md §6). Secrets are shown as their kind and last four characters at most.
 */
final class CredentialsCheck implements Check {
    private static final Set<String> AUTH_SUFFIXES = Set.of("_authToken", "_auth", "username", "_password");
    /** Credential keys npm refuses without a //host/path/ prefix, as .npmrc files and npm_config_* spell them. */
    private static final Set<String> BARE_AUTH_KEYS =
            Set.of("_authToken", "_authtoken", "-authtoken", "_auth", "username", "_password");
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^}?]+)}");

    @Override
    public String id() {
        return "credentials";
    }

    @Override
    public String title() {
        return "Credentials";
    }

    @Override
    public Category category() {
        return Category.LOCAL;
    }

    @Override
    public Set<Premise> needs() {
        return Set.of(Premise.REGISTRY);
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        return run(context, Set.of());
    }

    @Override
    public List<Finding> run(DoctorContext context, Set<Premise> alreadyFalse) {
        List<Finding> findings = new ArrayList<>();
        boolean unusable = context.release() != null
                && context.release().problem(ReleaseProblem.Kind.CREDENTIALS_UNUSABLE).isPresent();
        npmrcLines(context, findings, unusable);
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        DoctorContext.SettingsServer server = context.server();
        if (server != null && !server.found()) {
            List<String> ids = server.availableIds();
            findings.add(Finding.of(FindingKind.SETTINGS_SERVER_MISSING, id(),
                    "serverId '" + server.id() + "' is not in " + server.settingsFiles() + " (servers found: "
                            + (ids.isEmpty() ? "none" : String.join(", ", ids)) + "); no credentials were sent",
                    "add <server><id>" + server.id() + "</id><password>${env.NPM_TOKEN}</password></server> to "
                            + server.settingsFiles().split(" and ")[0].replace(" (does not exist)", "")
                            + (ids.isEmpty() ? "" : ", or set serverId to one of " + String.join(", ", ids))));
        } else if (server != null && server.unusable() != null
                && server.unusable().problem() == SettingsPassword.Problem.VARIABLE_UNSET) {
            findings.add(Finding.of(FindingKind.SETTINGS_SERVER_VARIABLE_UNSET, id(), server.unusable().message(),
                    server.unusable().fix()));
        } else if (server != null && server.decryptError() != null) {
            findings.add(Finding.of(FindingKind.SETTINGS_SERVER_DECRYPT_FAILED, id(),
                    "server '" + server.id() + "': " + server.decryptError(),
                    server.unusable() != null ? server.unusable().fix()
                            : "re-encrypt the password of server '" + server.id()
                                    + "' with mvn --encrypt-password and check ~/.m2/settings-security.xml"));
        } else if (server != null && !server.hasPassword()) {
            findings.add(Finding.of(FindingKind.TOKEN_EMPTY, id(),
                    "settings.xml server '" + server.id() + "' has no <password> (the token)",
                    "in ~/.m2/settings.xml set <password>${env.NPM_TOKEN}</password> in <server> with <id>"
                            + server.id() + "</id>"));
        }
        Credentials credentials = context.credentials();
        if (credentials instanceof Credentials.Token token) {
            tokenFindings(context, token.token(), token.source(), registry, findings);
        } else if (credentials instanceof Credentials.Basic basic && basic.password().isEmpty()) {
            findings.add(Finding.of(FindingKind.TOKEN_EMPTY, id(),
                    "the password for user '" + basic.username() + "' from " + basic.source() + " is empty",
                    "set the password (or the variable behind it) in " + basic.source()));
        } else if (credentials instanceof Credentials.None && !context.trustedPublishing() && registry != null
                && (server == null || server.found() && server.decryptError() == null && server.hasPassword())
                && !alreadyFalse.contains(Premise.CREDENTIALS)) {
            if (unusable) {
                if (findings.stream().noneMatch(f -> f.falsifies().contains(Premise.CREDENTIALS))) {
                    var problem = context.release().problem(ReleaseProblem.Kind.CREDENTIALS_UNUSABLE).get().detail();
                    findings.add(Finding.of(FindingKind.NPMRC_VARIABLE_UNRESOLVED, id(), problem.problem(),
                            problem.fix()).falsifying(false, Premise.CREDENTIALS));
                }
            } else {
                findings.add(noCredentials(context, registry));
            }
        }
        if (registry != null && server == null && !(credentials instanceof Credentials.None)) {
            npmWouldNotFindThem(context, registry).ifPresent(findings::add);
        }
        if (findings.isEmpty()) {
            String evidence = credentials instanceof Credentials.Token token
                    ? credentials + ": " + TokenKind.of(token.token(), context.environment()).description() + "; "
                            + TokenKind.of(token.token(), context.environment()).abilities()
                    : context.trustedPublishing() && credentials instanceof Credentials.None
                            ? "trusted publishing: the token comes from the OIDC exchange"
                            : credentials.toString();
            findings.add(Finding.pass(this, evidence));
        }
        return findings;
    }

    private void npmrcLines(DoctorContext context, List<Finding> findings, boolean credentialsUnusable) {
        for (NpmrcLine line : context.npmrc()) {
            if (BARE_AUTH_KEYS.contains(line.key())) {
                findings.add(Finding.of(FindingKind.NPMRC_AUTH_NOT_NERF_DARTED, id(),
                        line.where() + ": " + line.key() + " without a //host/path/ prefix",
                        "in " + line.where() + " write " + publishKeyOrPlaceholder(context) + ":" + line.key()
                                + "=…"));
            }
            Matcher m = UNRESOLVED.matcher(line.key() + "=" + line.value());
            if (m.find()) {
                Finding f = Finding.of(FindingKind.NPMRC_VARIABLE_UNRESOLVED, id(),
                        line.where() + ": ${" + m.group(1) + "} is not set in the environment (key " + line.key()
                                + ")",
                        "set " + m.group(1) + " (CI/CD variable or export " + m.group(1) + "=…) before the build");
                boolean authLine = AUTH_SUFFIXES.stream().anyMatch(suffix -> line.key().endsWith(":" + suffix));
                if (authLine && publishesWithoutNpmrc(context)) {
                    findings.add(Finding.of(FindingKind.NPMRC_VARIABLE_UNRESOLVED_UNUSED, id(),
                            line.where() + ": ${" + m.group(1) + "} is not set in the environment (key "
                                    + line.key() + "); the publish uses " + context.credentials().source(),
                            "set " + m.group(1) + " where npm reads this file (CI/CD variable or export "
                                    + m.group(1) + "=…)"));
                    continue;
                }
                findings.add(credentialsUnusable && authLine ? f.falsifying(false, Premise.CREDENTIALS) : f);
            }
        }
    }

    /** The publish's credentials come from somewhere other than an .npmrc, so an .npmrc auth line is not used. */
    private static boolean publishesWithoutNpmrc(DoctorContext context) {
        if (context.release() == null || context.credentials() instanceof Credentials.None) {
            return false;
        }
        return switch (context.release().credentialOrigin()) {
            case SETTINGS_SERVER, NPM_TOKEN, NODE_AUTH_TOKEN, GITLAB_JOB_TOKEN -> true;
            case NPMRC, NPMRC_WALKED_UP, TRUSTED_PUBLISHING, NONE -> false;
        };
    }

    private void tokenFindings(DoctorContext context, String token, String source, URI registry,
            List<Finding> findings) {
        if (token.isBlank()) {
            findings.add(Finding.of(FindingKind.TOKEN_EMPTY, id(), "the token from " + source + " is empty",
                    "set the value (or the variable behind it) in " + source));
            return;
        }
        Matcher m = UNRESOLVED.matcher(token);
        if (m.find()) {
            // Already reported for the .npmrc line that holds it; the settings.xml case is reported here.
            if (findings.stream().noneMatch(f -> f.id().equals(FindingKind.NPMRC_VARIABLE_UNRESOLVED.id()))) {
                findings.add(Finding.of(FindingKind.NPMRC_VARIABLE_UNRESOLVED, id(),
                        "the token from " + source + " is the literal text ${" + m.group(1) + "}",
                        "set " + m.group(1) + " in the environment of the build").falsifying(false, Premise.CREDENTIALS));
            }
            return;
        }
        if (registry == null) {
            return;
        }
        TokenKind kind = TokenKind.of(token, context.environment());
        boolean gitlabRegistry = GitLabEndpoints.classify(registry).level() != GitLabEndpoints.Level.NOT_GITLAB;
        if (kind.gitlab() && Urls.isNpmjs(registry)) {
            findings.add(Finding.of(FindingKind.TOKEN_KIND_MISMATCH, id(),
                    kind.description() + " " + Redaction.hint(token) + " from " + source + " sent to "
                            + registry,
                    "use an npm granular access token (npm_…) for " + registry + ", or publish to GitLab"));
        } else if (kind == TokenKind.NPM_TOKEN && gitlabRegistry) {
            findings.add(Finding.of(FindingKind.TOKEN_KIND_MISMATCH, id(),
                    kind.description() + " " + Redaction.hint(token) + " from " + source + " sent to GitLab "
                            + registry,
                    "use a GitLab token with the api scope (glpat-…) or CI_JOB_TOKEN for " + registry));
        } else if (kind == TokenKind.GITLAB_FEED_TOKEN) {
            findings.add(Finding.of(FindingKind.TOKEN_KIND_MISMATCH, id(),
                    kind.description() + " " + Redaction.hint(token) + " from " + source + ": " + kind.abilities(),
                    "use a GitLab access token with the api scope"));
        }
    }

    /**
     * The plugin has credentials (from the environment, or from .npmrc by walking up from the registry path as npm
     * does for installs, or after adding the registry's missing trailing slash), but the .npmrc lines for this host
     * miss npm's exact publish key: npm publish with the same .npmrc stops with ENEEDAUTH. That is the setup's
     * problem, named as npm's ENEEDAUTH row; {@link Doctor#preflight} lets the plugin's own publish go ahead.
     */
    private java.util.Optional<Finding> npmWouldNotFindThem(DoctorContext context, URI registry) {
        String wanted = Urls.publishKey(registry);
        boolean exact = context.npmrc().stream().anyMatch(l -> l.key().startsWith(wanted + ":")
                && AUTH_SUFFIXES.contains(l.key().substring(wanted.length() + 1)));
        if (exact) {
            return java.util.Optional.empty();
        }
        Finding row = missingCredentials(context, registry);
        if (row.kind() == FindingKind.NPMRC_AUTH_MISSING) {
            return java.util.Optional.empty(); // no .npmrc line for this host: npm is simply not set up here
        }
        return java.util.Optional.of(new Finding(row.id(), row.status(), row.check(), row.title(), row.cause(),
                row.evidence() + " (this plugin still finds " + context.credentials() + ", but npm publish with this"
                        + " .npmrc stops with ENEEDAUTH)", row.fix(), row.kind(), row.falsifies()));
    }

    /**
     * Nobody has credentials: one FAIL, {@code npmrc-auth-missing}. When an .npmrc line almost matches (a missing
     * slash, another path, the default port), that line and its exact correction are the evidence and the fix.
     */
    private Finding noCredentials(DoctorContext context, URI registry) {
        Finding row = missingCredentials(context, registry);
        if (row.kind() == FindingKind.NPMRC_AUTH_MISSING) {
            return row;
        }
        Finding missing = Finding.of(FindingKind.NPMRC_AUTH_MISSING, id(), "no credentials for " + registry + " ("
                + context.registry().reason() + "): " + row.evidence() + ", so npm and this plugin find none ("
                + row.title() + ", " + row.id() + ")", row.fix());
        return missing;
    }

    /** Which ENEEDAUTH case this is: the .npmrc auth lines on the registry's host, compared with the key npm wants. */
    private Finding missingCredentials(DoctorContext context, URI registry) {
        String wanted = Urls.publishKey(registry);
        String wantedWithSlash = Urls.publishKey(Urls.withSlash(registry));
        String host = "//" + Urls.host(registry);
        String fixLine = wantedWithSlash + ":_authToken=${NPM_TOKEN}";
        for (NpmrcLine line : context.npmrc()) {
            String key = line.key();
            int colon = key.lastIndexOf(':');
            if (!key.startsWith("//") || colon < 0 || !AUTH_SUFFIXES.contains(key.substring(colon + 1))) {
                continue;
            }
            String prefix = key.substring(0, colon);
            if (!prefix.equals(host) && !prefix.startsWith(host + "/") && !prefix.startsWith(host + ":")) {
                continue;
            }
            String evidence = "publish looks up " + wanted + ":_authToken; " + line.where() + " has " + key;
            if (!wanted.equals(wantedWithSlash) && prefix.equals(wantedWithSlash)) {
                return Finding.of(FindingKind.NPMRC_AUTH_REGISTRY_NO_TRAILING_SLASH, id(), evidence,
                        "end the registry URL with '/': " + Urls.withSlash(registry) + " ("
                                + context.registry().reason() + ")");
            }
            if ((prefix + "/").equals(wantedWithSlash)) {
                return Finding.of(FindingKind.NPMRC_AUTH_KEY_NO_TRAILING_SLASH, id(), evidence,
                        "in " + line.where() + " write " + prefix + "/:" + key.substring(colon + 1) + "=…");
            }
            String withoutDefaultPort = prefix.replaceFirst(
                    "^(//[^/:]+):" + ("https".equalsIgnoreCase(registry.getScheme()) ? "443" : "80") + "(/|$)",
                    "$1$2");
            if (!withoutDefaultPort.equals(prefix)
                    && (withoutDefaultPort.equals(wantedWithSlash) || (withoutDefaultPort + "/").equals(wantedWithSlash))) {
                return Finding.of(FindingKind.NPMRC_AUTH_DEFAULT_PORT, id(), evidence,
                        "in " + line.where() + " write " + wantedWithSlash + ":" + key.substring(colon + 1) + "=…");
            }
            String hostAndPort = "//" + Urls.hostAndPort(registry);
            if (prefix.equals(hostAndPort) || prefix.equals(hostAndPort + "/")) {
                return Finding.of(FindingKind.NPMRC_AUTH_HOST_ONLY, id(), evidence, "add to .npmrc: " + fixLine);
            }
            return Finding.of(FindingKind.NPMRC_AUTH_OTHER_PATH, id(), evidence,
                    "in " + line.where() + " write " + wantedWithSlash + ":" + key.substring(colon + 1) + "=…");
        }
        return Finding.of(FindingKind.NPMRC_AUTH_MISSING, id(),
                "no credentials for " + registry + " (" + context.registry().reason() + "): no settings.xml server"
                        + " is configured and no .npmrc line has the key " + wanted + ":_authToken",
                "add to .npmrc: " + fixLine + " (or set <serverId> to a settings.xml server)");
    }

    private static String publishKeyOrPlaceholder(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        return registry == null ? "//host/path/" : Urls.publishKey(Urls.withSlash(registry));
    }
}
