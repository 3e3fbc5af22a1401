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
 * @param textAttachment a second attachment sent as text beside the tarball (npm's provenance bundle,
 *                       {@code <name>-<version>.sigstore}), or {@code null}
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
        boolean skipExisting,
        TextAttachment textAttachment) {

    /**
     * An attachment whose data is text, not base64 (libnpmpublish attaches the sigstore bundle so).
     *
     * @param length what npm sends as {@code length}: the JavaScript string length of {@code data}
     */
    public record TextAttachment(String name, String contentType, String data, int length) {
        public TextAttachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(data, "data");
        }
    }

    /** A request without a text attachment. */
    public PublishRequest(URI registry, String name, String escapedName, String version, ObjectNode manifest,
            Path tarball, String integrity, String shasum, String tag, String access, String otp,
            Credentials credentials, boolean dryRun, boolean skipExisting) {
        this(registry, name, escapedName, version, manifest, tarball, integrity, shasum, tag, access, otp,
                credentials, dryRun, skipExisting, null);
    }

    /** This request with {@code attachment} added. */
    public PublishRequest withTextAttachment(TextAttachment attachment) {
        return new PublishRequest(registry, name, escapedName, version, manifest, tarball, integrity, shasum, tag,
                access, otp, credentials, dryRun, skipExisting, attachment);
    }

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
