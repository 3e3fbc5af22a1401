package io.github.npmreg.npmrc;

import io.github.npmreg.auth.Credentials;
import java.util.Optional;

/**
 * Credentials found in {@code .npmrc} for a URL, with the nerf-dart key that held them.
 *
 * @param regKey      the nerf-dart prefix that matched, e.g. {@code //gitlab.example.com/api/v4/projects/42/packages/npm/}
 * @param authKey     which kind matched first: {@code _authToken}, {@code _auth}, {@code username} or {@code certfile}
 * @param credentials what goes into the {@code Authorization} header ({@link Credentials#none()} for a client
 *                    certificate alone)
 * @param certfile    PEM client certificate path ({@code regKey:certfile}) when both it and the key file are set
 * @param keyfile     PEM private key path ({@code regKey:keyfile})
 */
public record NpmrcAuth(String regKey, String authKey, Credentials credentials, Optional<String> certfile,
        Optional<String> keyfile) {

    /** Whether a client certificate (mTLS) comes with these credentials. */
    public boolean hasClientCertificate() {
        return certfile.isPresent() && keyfile.isPresent();
    }
}
