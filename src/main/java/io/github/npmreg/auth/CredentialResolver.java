package io.github.npmreg.auth;

import io.github.npmreg.NpmregException;
import io.github.npmreg.npmrc.NerfDart;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import io.github.npmreg.npmrc.NpmrcAuth;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the credentials for publishing to a registry. The sources are asked in order and the first answer wins;
 * the standard order is: the settings.xml server, {@code .npmrc} auth for the registry, {@code NPM_TOKEN}, then
 * {@code NODE_AUTH_TOKEN}. Other sources (GitLab's {@code CI_JOB_TOKEN}, OIDC) are added with
 * {@link #withSourcesBefore(List, int)} or by building a resolver from a custom list.
 */
public final class CredentialResolver {
    private static final Pattern UNEXPANDED = Pattern.compile("\\$\\{[^${}?]+\\}");

    private final List<CredentialSource> sources;

    public CredentialResolver(List<CredentialSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The standard sources, in order. */
    public static List<CredentialSource> standardSources() {
        return List.of(CredentialResolver::fromServer, CredentialResolver::fromNpmrc,
                environment("NPM_TOKEN", CredentialOrigin.NPM_TOKEN),
                environment("NODE_AUTH_TOKEN", CredentialOrigin.NODE_AUTH_TOKEN));
    }

    public static CredentialResolver standard() {
        return new CredentialResolver(standardSources());
    }

    /** A copy of this resolver with {@code extra} inserted at {@code index} of its source list. */
    public CredentialResolver withSourcesBefore(List<CredentialSource> extra, int index) {
        List<CredentialSource> all = new ArrayList<>(sources);
        all.addAll(index, extra);
        return new CredentialResolver(all);
    }

    /**
     * The credentials for publishing to {@code registry} with the standard sources. {@code npmrcFiles} are the
     * layers highest first ({@code NpmrcFiles.load} builds them); pass the {@code npm_config_*} environment layer among them
     * if npm's environment config should count.
     */
    public static Credentials resolve(URI registry, Optional<ServerCredentials> server, List<Npmrc> npmrcFiles,
            Map<String, String> env) {
        return standard().explain(new CredentialRequest(registry, server, NpmConfig.of(npmrcFiles), env)).credentials();
    }

    /** The first source's answer with its notes, or {@link Credentials#none()} when no source has any. */
    public Resolution explain(CredentialRequest request) {
        for (CredentialSource source : sources) {
            Optional<Resolution> found = source.find(request);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Resolution.none();
    }

    /** settings.xml: a password alone is a token, username and password are Basic auth. */
    static Optional<Resolution> fromServer(CredentialRequest request) {
        return request.server().map(server -> Resolution.of(ofServer(server, request.registry()),
                CredentialOrigin.SETTINGS_SERVER));
    }

    /**
     * The credentials a settings.xml server holds for {@code registry}: a password alone is a token, username and
     * password are Basic auth; an empty password is an error naming the server id.
     */
    public static Credentials ofServer(ServerCredentials server, URI registry) {
        String source = "settings.xml server '" + server.id() + "'";
        if (server.password() == null || server.password().isEmpty()) {
            throw new NpmregException(source + " (" + server.settingsFile() + ") has no password, so there is no token"
                    + " to send to " + registry, "In " + server.settingsFile() + " set <password>YOUR_TOKEN</password>"
                    + " in <server> with <id>" + server.id() + "</id> (add <username> only for Basic auth), or remove"
                    + " the plugin's serverId.");
        }
        if (server.username() == null || server.username().isEmpty()) {
            return new Credentials.Token(server.password(), source);
        }
        return new Credentials.Basic(server.username(), server.password(), source);
    }

    /**
     * {@code .npmrc}: the exact nerf dart of the registry, as npm's publish check requires. A match found only by
     * the request walk-up (e.g. a host-level {@code //host/:_authToken}) is used too, with a note, because npm
     * itself would stop with ENEEDAUTH before sending anything.
     */
    static Optional<Resolution> fromNpmrc(CredentialRequest request) {
        String registry = request.registry().toString();
        NpmConfig config = request.npmrc();
        Optional<NpmrcAuth> exact = config.credentialsForPublish(registry);
        if (exact.isPresent()) {
            return usable(exact.get(), CredentialOrigin.NPMRC, List.of(), registry);
        }
        String nerfDart = NerfDart.of(registry);
        String probe = registry.endsWith("/") ? registry + "-" : registry + "/-";
        Optional<NpmrcAuth> walked = config.credentialsForRequest(probe);
        if (walked.isPresent()) {
            NpmrcAuth auth = walked.get();
            return usable(auth, CredentialOrigin.NPMRC_WALKED_UP, List.of("The .npmrc credentials for " + registry + " are under " + auth.regKey()
                    + ", not under " + nerfDart + ": npm publish would fail with ENEEDAUTH (it accepts only the exact"
                    + " key). Rename the key to " + nerfDart + ":" + auth.authKey() + "."), registry);
        }
        return Optional.empty();
    }

    private static Optional<Resolution> usable(NpmrcAuth auth, CredentialOrigin origin, List<String> notes,
            String registry) {
        for (String secret : auth.credentials().secrets()) {
            var m = UNEXPANDED.matcher(secret);
            if (m.find()) {
                throw new NpmregException("The credentials for " + registry + " from "
                        + auth.credentials().source() + " contain " + m.group()
                        + ", an environment variable that is not set",
                        "Set " + m.group().substring(2, m.group().length() - 1)
                                + " in the build's environment, or remove that line.");
            }
        }
        if (auth.credentials() instanceof Credentials.None) {
            return Optional.of(new Resolution(auth.credentials(), CredentialOrigin.NONE, List.of("Only a client certificate ("
                    + auth.regKey() + ":certfile/keyfile) is configured for " + registry + ".")));
        }
        return Optional.of(new Resolution(auth.credentials(), origin, notes));
    }

    /** A token in an environment variable, ignored when empty. */
    static CredentialSource environment(String variable, CredentialOrigin origin) {
        return request -> {
            String value = request.env().get(variable);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Resolution.of(new Credentials.Token(value.strip(), "environment variable " + variable),
                    origin));
        };
    }
}
