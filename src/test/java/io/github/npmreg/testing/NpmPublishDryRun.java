package io.github.npmreg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code npm publish --dry-run --force} in a package directory: it prints which registry npm would publish to and
 * warns when {@code getCredentialsByURI} finds no credentials, without any network request. The oracle for
 * registry selection and the publish credential check.
 */
public final class NpmPublishDryRun {
    /** What npm decided. */
    public record Outcome(String registry, boolean hasCredentials, String output) {}

    private static final Pattern PUBLISHING_TO = Pattern.compile("Publishing to (\\S+) with tag");

    private NpmPublishDryRun() {}

    /** Runs npm with {@code userNpmrc} as the user config (the project's {@code .npmrc} is read from {@code dir}). */
    public static Outcome run(Path dir, Path userNpmrc) {
        try {
            if (!Files.exists(userNpmrc)) {
                Files.writeString(userNpmrc, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NpmCli.Result r = NpmCli.run(dir, Map.of("npm_config_userconfig", userNpmrc.toString()),
                "publish", "--dry-run", "--force", "--fetch-retries=0", "--ignore-scripts")
                .orFail("npm publish --dry-run");
        String all = r.stdout() + r.stderr();
        Matcher m = PUBLISHING_TO.matcher(all);
        if (!m.find()) {
            throw new AssertionError("npm did not say where it would publish:\n" + all);
        }
        return new Outcome(m.group(1), !all.contains("This command requires you to be logged in"), all);
    }
}
