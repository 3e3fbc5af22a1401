package io.github.npmreg.provenance;

import io.github.npmreg.NpmregException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The in-toto subject npm signs: the package URL {@code pkg:npm/<name>@<version>} (npm-package-arg's
 * {@code toPurl}: a scope's {@code @} becomes {@code %40}) and the tarball's sha512 in hex.
 */
public record Subject(String name, String sha512Hex) {
    public static Subject of(String packageName, String version, String sha512Hex) {
        return new Subject(purl(packageName, version), sha512Hex);
    }

    static String purl(String packageName, String version) {
        return "pkg:npm/" + (packageName.startsWith("@") ? "%40" + packageName.substring(1) : packageName) + "@"
                + version;
    }

    /** The hex sha512 of an SRI integrity {@code sha512-<base64>}, as {@code dist.integrity} carries it. */
    public static String sha512Hex(String integrity) {
        if (integrity == null || !integrity.startsWith("sha512-")) {
            throw new NpmregException("The tarball's integrity is not a sha512 value: " + integrity + ".",
                    "Pack the package again (mvn package).");
        }
        return HexFormat.of().formatHex(Base64.getDecoder().decode(integrity.substring("sha512-".length())));
    }
}
