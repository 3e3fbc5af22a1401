package io.github.npmreg.npmrc;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The layered npm configuration: several {@link Npmrc} layers, highest precedence first (as npm stacks them: the
 * {@code npm_config_*} environment, then the project's {@code .npmrc}, then the user's, then the global one). A
 * key is taken from the first layer that has it, so {@code username} and {@code _password} may come from
 * different files, exactly as npm's merged config behaves.
 *
 * <p>Credential lookups follow npm: {@link #credentialsForPublish(String)} is {@code getCredentialsByURI} (only
 * the exact nerf dart of the registry), {@link #credentialsForRequest(String)} is npm-registry-fetch's
 * {@code regFromURI} walk-up (longest matching prefix wins).
 */
public final class NpmConfig {
    /** A value and the layer it came from. */
    public record Located(String key, String value, Npmrc from) {
        public String describe() {
            return from.describe(key);
        }

        @Override
        public String toString() {
            return describe() + " = " + (Npmrc.isSecretKey(key) ? io.github.npmreg.auth.Redaction.hint(value) : value);
        }
    }

    private final List<Npmrc> layers;

    private NpmConfig(List<Npmrc> layers) {
        this.layers = List.copyOf(layers);
    }

    /** Layers highest precedence first. */
    public static NpmConfig of(List<Npmrc> layers) {
        return new NpmConfig(layers);
    }

    public static NpmConfig of(Npmrc... layers) {
        return new NpmConfig(List.of(layers));
    }

    public List<Npmrc> layers() {
        return layers;
    }

    /** The effective value of {@code key}: the first layer that sets it. */
    public Optional<Located> get(String key) {
        for (Npmrc layer : layers) {
            Optional<String> v = layer.get(key);
            if (v.isPresent()) {
                return Optional.of(new Located(key, v.get(), layer));
            }
        }
        return Optional.empty();
    }

    /**
     * The credentials {@code npm publish} accepts for {@code registry}: only keys under exactly
     * {@code NerfDart.of(registry)} count ({@code getCredentialsByURI}); empty means npm fails with
     * {@code ENEEDAUTH}.
     */
    public Optional<NpmrcAuth> credentialsForPublish(String registry) {
        return authAt(NerfDart.of(registry));
    }

    /**
     * {@link #credentialsForRequest(String)}, and when nothing matches but {@code url} is on the registry's host,
     * the registry's own credentials, as npm-registry-fetch's {@code getAuth} falls back (tarballs served from
     * another path of the same host, e.g. GitLab's project-level tarball URLs behind a group registry).
     */
    public Optional<NpmrcAuth> credentialsForRequest(String url, String registry) {
        Optional<NpmrcAuth> direct = credentialsForRequest(url);
        if (direct.isPresent() || registry == null || url.equals(registry)) {
            return direct;
        }
        String urlHost = NerfDart.hostAndPath(url);
        String registryHost = NerfDart.hostAndPath(registry);
        boolean sameHost = urlHost.substring(0, urlHost.indexOf('/', 2))
                .equals(registryHost.substring(0, registryHost.indexOf('/', 2)));
        return sameHost ? credentialsForRequest(registry) : direct;
    }

    /**
     * The credentials npm sends with a request to {@code url}: the walk-up from {@code //host/full/path} removing
     * the last segment or trailing {@code /} at each step; the first (longest) prefix with any credential wins.
     */
    public Optional<NpmrcAuth> credentialsForRequest(String url) {
        String regKey = NerfDart.hostAndPath(url);
        while (regKey.length() > "//".length()) {
            Optional<NpmrcAuth> found = authAt(regKey);
            if (found.isPresent()) {
                return found;
            }
            regKey = regKey.replaceFirst("([^/]+|/)$", "");
        }
        return Optional.empty();
    }

    /**
     * The credentials under one nerf-dart key. Which prefix matches follows npm-registry-fetch's {@code hasAuth}
     * ({@code _authToken}, {@code _auth}, {@code username}+{@code _password}, {@code certfile}+{@code keyfile});
     * the header follows its {@code Auth} class: token, else {@code _auth}, else username and base64-decoded
     * {@code _password}. A client certificate may come on top of any of them.
     */
    private Optional<NpmrcAuth> authAt(String regKey) {
        Optional<Located> token = truthyValue(regKey + ":_authToken");
        Optional<Located> auth = truthyValue(regKey + ":_auth");
        Optional<Located> username = truthyValue(regKey + ":username");
        Optional<Located> password = truthyValue(regKey + ":_password");
        Optional<Located> certfile = truthyValue(regKey + ":certfile");
        Optional<Located> keyfile = truthyValue(regKey + ":keyfile");
        boolean basic = username.isPresent() && password.isPresent();
        boolean mtls = certfile.isPresent() && keyfile.isPresent();
        Credentials credentials;
        String authKey;
        if (token.isPresent()) {
            authKey = "_authToken";
            credentials = new Credentials.Token(token.get().value(), token.get().describe());
        } else if (auth.isPresent()) {
            authKey = "_auth";
            credentials = basicFromAuth(auth.get());
        } else if (basic) {
            authKey = "username";
            String decoded = decodeBase64(password.get());
            credentials = new Credentials.Basic(username.get().value(), decoded,
                    username.get().describe() + " and " + password.get().describe());
        } else if (mtls) {
            authKey = "certfile";
            credentials = Credentials.none();
        } else {
            return Optional.empty();
        }
        return Optional.of(new NpmrcAuth(regKey, authKey, credentials,
                mtls ? certfile.map(Located::value) : Optional.empty(),
                mtls ? keyfile.map(Located::value) : Optional.empty()));
    }

    private static Credentials basicFromAuth(Located auth) {
        String decoded = decodeBase64(auth);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new NpmregException(auth.describe() + " does not decode to 'username:password'",
                    "Set it to base64(\"username:password\"), or use " + auth.key().replace(":_auth", ":_authToken")
                            + " for a token.");
        }
        return new Credentials.Basic(decoded.substring(0, colon), decoded.substring(colon + 1), auth.describe());
    }

    /** Node's {@code Buffer.from(x, 'base64')} is lenient; the MIME decoder skips foreign characters likewise. */
    private static String decodeBase64(Located value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value.value()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NpmregException(value.describe() + " is not valid base64",
                    "Write the base64 encoding there (npm stores _password and _auth base64-encoded).");
        }
    }

    private Optional<Located> truthyValue(String key) {
        return get(key).filter(l -> truthy(l.value()));
    }

    /** JavaScript truthiness of a config value after the ini parser turned {@code false}/{@code null} into values. */
    static boolean truthy(String value) {
        return value != null && !value.isEmpty() && !value.equals("false") && !value.equals("null");
    }

    /** Every layer's keys that npm rejects with {@code ERR_INVALID_AUTH} (credentials without a nerf dart). */
    public List<Located> bareAuthEntries() {
        List<Located> out = new ArrayList<>();
        for (Npmrc layer : layers) {
            for (Npmrc.Entry e : layer.bareAuthEntries()) {
                out.add(new Located(e.key(), e.value(), layer));
            }
        }
        return out;
    }
}
