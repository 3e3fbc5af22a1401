package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.npmrc.NpmConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user configured for a publish, as plain data: the package, the explicit settings (null when not set)
 * and where npm-style configuration comes from.
 *
 * @param packageDirectory the folder holding package.json
 * @param manifestFile     the package.json that went into the tarball (the source or the staged one)
 * @param manifest         its content
 * @param registry         the explicit registry URL, or null
 * @param server           the settings.xml server named by serverId, decrypted
 * @param npmConfig        the .npmrc layers npm would read
 * @param env              the environment
 * @param tag              the explicit dist-tag, or null
 * @param access           the explicit access ({@code public}, {@code restricted}), or null
 * @param otp              a one-time password, or null
 * @param requireTag       publish only from a git tag that names the version
 * @param tagPattern       the tag pattern for requireTag, e.g. {@code v?{version}}; null for the default
 * @param oidc             exchange an OIDC ID token for a publish token even without NPM_ID_TOKEN detection
 */
public record PublishSettings(
        Path packageDirectory,
        Path manifestFile,
        ObjectNode manifest,
        String registry,
        Optional<ServerCredentials> server,
        NpmConfig npmConfig,
        Map<String, String> env,
        String tag,
        String access,
        String otp,
        boolean dryRun,
        boolean skipExisting,
        boolean requireTag,
        String tagPattern,
        boolean oidc) {

    public PublishSettings {
        Objects.requireNonNull(packageDirectory, "packageDirectory");
        Objects.requireNonNull(manifestFile, "manifestFile");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(npmConfig, "npmConfig");
        env = Map.copyOf(env);
    }
}
