package io.github.npmreg.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The modules bundled inside the installed npm (its own normalizer, ini, semver...), used as test oracles. */
public final class NpmModules {
    private static volatile Path root;

    private NpmModules() {}

    /** {@code <npm root -g>/npm/node_modules/<module>}, e.g. {@code @npmcli/package-json}. */
    public static Path path(String module) {
        Path r = root;
        if (r == null) {
            String globalRoot = NpmCli.run(Path.of("."), "root", "-g").orFail("npm root -g").stdout().strip();
            r = Path.of(globalRoot, "npm", "node_modules");
            root = r;
        }
        Path p = r.resolve(module);
        assertTrue(Files.exists(p), "npm's bundled module " + module + " not found at " + p);
        return p;
    }

    /** A JavaScript string literal for a path, for {@code require(...)} in {@code node -e} scripts. */
    public static String js(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
