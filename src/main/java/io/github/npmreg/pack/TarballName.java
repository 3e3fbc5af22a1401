package io.github.npmreg.pack;

/** libnpmpack's tarball file name: {@code ${name}-${version}.tgz}, leading {@code @} dropped, {@code /} and {@code \} to {@code -}. */
public final class TarballName {
    private TarballName() {}

    /** {@code @acme/hello}, {@code 1.0.0} → {@code acme-hello-1.0.0.tgz}. */
    public static String of(String name, String version) {
        String raw = name + "-" + version + ".tgz";
        return (raw.startsWith("@") ? raw.substring(1) : raw).replace('/', '-').replace('\\', '-');
    }
}
