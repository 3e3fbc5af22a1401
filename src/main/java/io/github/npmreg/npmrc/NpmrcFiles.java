package io.github.npmreg.npmrc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The config layers npm reads, highest first: {@code npm_config_*} environment variables, the project's
 * {@code .npmrc} (beside package.json), the user's ({@code npm_config_userconfig} or {@code ~/.npmrc}). npm's
 * global {@code $PREFIX/etc/npmrc} is not read: there is no npm installation to take a prefix from.
 */
public final class NpmrcFiles {
    private NpmrcFiles() {}

    /** The user config file npm would read. */
    public static Path userConfig(Map<String, String> env, Path userHome) {
        for (String key : List.of("npm_config_userconfig", "NPM_CONFIG_USERCONFIG")) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) {
                return Path.of(value);
            }
        }
        return userHome.resolve(".npmrc");
    }

    /** The layers for a package in {@code packageDir}; files that do not exist are left out. */
    public static NpmConfig load(Path packageDir, Map<String, String> env, Path userHome) {
        List<Npmrc> layers = new ArrayList<>();
        layers.add(Npmrc.fromEnvironment(env));
        Path project = packageDir.resolve(".npmrc");
        if (Files.isRegularFile(project)) {
            layers.add(Npmrc.read(project, env));
        }
        Path user = userConfig(env, userHome);
        if (Files.isRegularFile(user) && !user.toAbsolutePath().normalize().equals(project.toAbsolutePath().normalize())) {
            layers.add(Npmrc.read(user, env));
        }
        return NpmConfig.of(layers);
    }
}
