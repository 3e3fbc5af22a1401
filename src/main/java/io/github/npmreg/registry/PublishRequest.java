package io.github.npmreg.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One version to publish. The manifest comes normalized from the manifest package; prerelease/tag rules are decided
 * before this point.
 *
 * @param registry the registry URL, ending with {@code /}
 * @param manifest the normalized version manifest; {@code dist} is added here and {@code _id} when absent
 * @param integrity {@code sha512-<base64>} of the tarball bytes
 * @param shasum hex sha1 of the tarball bytes
 * @param access {@code null}, {@code "public"} or {@code "restricted"}
 * @param otp a one-time password sent as {@code npm-otp} on every request, or {@code null}
 */
public record PublishRequest(
        URI registry,
        String name,
        String escapedName,
        String version,
        ObjectNode manifest,
        Path tarball,
        String integrity,
        String shasum,
        String tag,
        String access,
        String otp,
        Credentials credentials,
        boolean dryRun,
        boolean skipExisting) {

    public PublishRequest {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(escapedName, "escapedName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(tarball, "tarball");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(shasum, "shasum");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(credentials, "credentials");
        if (!registry.toString().endsWith("/")) {
            throw new IllegalArgumentException("registry URL must end with '/': " + registry);
        }
        if (access != null && !access.equals("public") && !access.equals("restricted")) {
            throw new IllegalArgumentException("access must be null, public or restricted: " + access);
        }
    }
}
