package io.github.npmreg.registry;

import java.net.URI;

/** The URLs npm derives from a registry URL and a package name (npm-pack-and-publish.md section 4). */
public final class RegistryUrls {
    private RegistryUrls() {}

    /** npm's {@code escapedName}: only the {@code /} of a scoped name is escaped, as lowercase {@code %2f}. */
    public static String escapeName(String name) {
        return name.startsWith("@") ? name.replaceFirst("/", "%2f") : name;
    }

    /** {@code <registry without trailing slash>/<escapedName>}: packument GET and publish PUT. */
    public static URI packageUrl(URI registry, String escapedName) {
        String base = registry.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + escapedName);
    }

    /**
     * {@code dist.tarball} as npm writes it: {@code new URL("<name>/-/<name>-<version>.tgz", registry)} with
     * {@code https://} turned into {@code http://} (libnpmpublish; npm fetches over https anyway when the registry
     * is https). Registries ignore it and serve their own URL.
     */
    public static URI tarballUrl(URI registry, String name, String version) {
        String resolved = registry.resolve(name + "/-/" + name + "-" + version + ".tgz").toString();
        return URI.create(resolved.startsWith("https://") ? "http://" + resolved.substring(8) : resolved);
    }

    /** The attachment key in the publish body: {@code <name>-<version>.tgz}, with the full scoped name. */
    public static String attachmentName(String name, String version) {
        return name + "-" + version + ".tgz";
    }
}
