package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.CredentialResolver;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.npmrc.NpmrcWriter;
import io.github.npmreg.publish.NpmrcContent;
import io.github.npmreg.publish.Release;
import io.github.npmreg.publish.ReleaseProblem;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes an .npmrc the real npm CLI accepts: {@code @scope:registry} lines and nerf-dart auth lines with matching
 * trailing slashes, for the configured registries and the release's registry, so a frontend build in the same Maven
 * run (or any later npm call) can install from private registries. Owner-only (0600), written atomically; in a file
 * the user keeps only the plugin's marked block changes. Sets the property {@code npmreg.npmrc} to the file's path.
 * A publish registry that cannot take the publish (a GitLab group- or instance-level URL) is refused here, the first
 * goal of the build.
 */
@Mojo(name = "npmrc", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class NpmrcMojo extends AbstractRegistryMojo {
    /** The release problems this goal refuses: those about the registry it writes. */
    static final Set<ReleaseProblem.Kind> REFUSED = EnumSet.of(ReleaseProblem.Kind.REGISTRY_URL_INVALID,
            ReleaseProblem.Kind.REGISTRY_URL_CREDENTIALS,
            ReleaseProblem.Kind.GITLAB_SHORTHAND_INVALID, ReleaseProblem.Kind.GITLAB_GROUP_ENDPOINT,
            ReleaseProblem.Kind.GITLAB_INSTANCE_ENDPOINT, ReleaseProblem.Kind.CREDENTIALS_UNUSABLE);

    /** Skips this goal. */
    @Parameter(property = PropertyNames.NPMRC_SKIP, defaultValue = "false")
    private boolean skipNpmrc;

    /** The file to write. Outside the build directory only a marked block in it is managed. */
    @Parameter(property = PropertyNames.NPMRC_FILE, defaultValue = "${project.build.directory}/npmreg/.npmrc")
    private File npmrcFile;

    /** Further registries: {@code <registry><scope>@acme</scope><url>...</url><serverId>...</serverId></registry>}. */
    @Parameter
    private List<Registry> registries = new ArrayList<>();

    /** Write {@code ${VAR}} references instead of secrets, for a file that may be committed. */
    @Parameter(property = PropertyNames.TOKENS_FROM_ENVIRONMENT, defaultValue = "false")
    private boolean tokensFromEnvironment;

    @Inject
    public NpmrcMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run() {
        List<NpmrcContent.Registry> entries = new ArrayList<>();
        for (Registry r : registries) {
            if (r.getUrl() == null || r.getUrl().isBlank()) {
                throw new NpmregException("A <registry> in <registries> has no <url>"
                        + (r.getScope() == null ? "" : " (scope " + r.getScope() + ")") + ".",
                        "add <url>https://host/path/</url> to it.");
            }
            URI url = URI.create(r.getUrl());
            Credentials credentials = serverIfReadable(r.getServerId(), "the .npmrc gets no auth line for " + url)
                    .map(server -> CredentialResolver.ofServer(server, url)).orElse(Credentials.none());
            buildLog().redact(credentials.secrets());
            String variable = r.getTokenVariable() == null ? "NPM_TOKEN" : r.getTokenVariable();
            entries.add(new NpmrcContent.Registry(blankToNull(r.getScope()), url, credentials,
                    tokensFromEnvironment ? variable : null));
        }
        if (Files.isRegularFile(packageDir().resolve("package.json"))) {
            Release release = release(settings(serverIfReadable("the .npmrc gets no auth line for the"
                    + " publish registry")).build());
            release.problems().stream().filter(p -> REFUSED.contains(p.kind())).findFirst().ifPresent(p -> {
                throw p.detail();
            });
            entries.addAll(NpmrcContent.forRelease(release, gitlab == null ? null : gitlab.toShorthand(),
                    tokensFromEnvironment));
        }
        List<String> lines = NpmrcContent.lines(entries);
        Path file = npmrcFile.toPath().toAbsolutePath().normalize();
        Path buildDir = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        if (file.startsWith(buildDir)) {
            NpmrcWriter.writeFile(file, lines);
        } else {
            NpmrcWriter.writeBlock(file, lines);
        }
        project.getProperties().setProperty(PropertyNames.NPMRC_RESULT, file.toString());
        getLog().info("Wrote " + file + (file.startsWith(buildDir) ? "" : " (managed block only)") + ", mode 0600"
                + (lines.isEmpty() ? " (empty: no registry or credentials to write for this setup)" : ":"));
        for (String line : lines) {
            getLog().info("  " + NpmrcContent.forLog(line));
        }
        warnUnsetVariables(entries);
    }

    /**
     * A {@code ${VAR}} written for a variable this build does not have: npm run here would send the literal text.
     * Said now, because the plugin itself may not need the line (its credentials can come from settings.xml).
     */
    private void warnUnsetVariables(List<NpmrcContent.Registry> entries) {
        Map<String, String> env = environment();
        entries.stream().filter(e -> e.secretVariable() != null && !(e.credentials() instanceof Credentials.None))
                .map(NpmrcContent.Registry::secretVariable).distinct()
                .filter(v -> env.get(v) == null || env.get(v).isBlank())
                .forEach(v -> getLog().warn("The .npmrc refers to ${" + v + "} (tokensFromEnvironment), which is not"
                        + " set in this build's environment: npm reading this file here would send the literal text."
                        + " Set " + v + " where npm runs (a CI/CD variable or export " + v + "=...)."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    protected String goalName() {
        return "npmreg:npmrc";
    }

    @Override
    protected boolean skipGoal() {
        return skipNpmrc;
    }

    @Override
    protected String skipProperty() {
        return PropertyNames.NPMRC_SKIP;
    }
}
