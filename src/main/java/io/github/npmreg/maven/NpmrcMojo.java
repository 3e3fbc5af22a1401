package io.github.npmreg.maven;

import io.github.npmreg.auth.CredentialResolver;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.gitlab.GitLabEndpoints;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.manifest.PackageName;
import io.github.npmreg.npmrc.NpmrcWriter;
import io.github.npmreg.publish.NpmrcContent;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes an .npmrc the real npm CLI accepts: {@code @scope:registry} lines and nerf-dart auth lines with matching
 * trailing slashes, for the configured registries and the publish registry, so a frontend build in the same Maven
 * run (or any later npm call) can install from private registries. Owner-only (0600), written atomically; in a file
 * the user keeps only the plugin's marked block changes. Sets the property {@code npmreg.npmrc} to the file's path.
 */
@Mojo(name = "npmrc", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class NpmrcMojo extends AbstractRegistryMojo {
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
                throw new io.github.npmreg.NpmregException("A <registry> in <registries> has no <url>"
                        + (r.getScope() == null ? "" : " (scope " + r.getScope() + ")") + ".",
                        "add <url>https://host/path/</url> to it.");
            }
            URI url = URI.create(r.getUrl());
            Credentials credentials = new SettingsServers(session.getSettings(), decrypter).find(r.getServerId())
                    .map(server -> CredentialResolver.ofServer(server, url)).orElse(Credentials.none());
            String variable = r.getTokenVariable() == null ? "NPM_TOKEN" : r.getTokenVariable();
            entries.add(entry(blankToNull(r.getScope()), url, credentials, variable));
        }
        Path dir = packageDir();
        if (Files.isRegularFile(dir.resolve("package.json"))) {
            entries.addAll(publishRegistryEntries(dir));
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
        getLog().info("Wrote " + file + (file.startsWith(buildDir) ? "" : " (managed block only)") + ", mode 0600:");
        for (String line : lines) {
            int eq = line.indexOf('=');
            boolean secret = line.contains(":_authToken=") || line.contains(":_password=") || line.contains(":_auth=");
            getLog().info("  " + (secret && !tokensFromEnvironment ? line.substring(0, eq + 1) + "(secret)" : line));
        }
    }

    /** The publish registry with its credentials; for GitLab with a group or instance install URL, both. */
    private List<NpmrcContent.Registry> publishRegistryEntries(Path dir) {
        Path manifestFile = dir.resolve("package.json");
        ObjectNode manifest = ManifestReader.read(manifestFile);
        PublishSettings settings = publishSettings(manifestFile, manifest, server(), null, false, false);
        SelectedRegistry selected = PublishPlanner.registry(settings);
        if (PublishPlanner.isNpmDefault(selected)) {
            return List.of();
        }
        Credentials credentials = PublishPlanner.credentials(settings, selected.url()).credentials();
        buildLog().redact(credentials.secrets());
        String scope = PackageName.parse(manifest.path("name").asText()).scope().orElse(null);
        String variable = credentials.source().contains("CI_JOB_TOKEN") ? "CI_JOB_TOKEN"
                : credentials.source().contains("NODE_AUTH_TOKEN") ? "NODE_AUTH_TOKEN" : "NPM_TOKEN";
        List<NpmrcContent.Registry> out = new ArrayList<>();
        URI install = installUrl(selected.url());
        if (install != null) {
            out.add(entry(scope, install, credentials, variable));
            out.add(entry(null, selected.url(), credentials, variable));
        } else {
            out.add(entry(scope, selected.url(), credentials, variable));
        }
        return out;
    }

    /** The group- or instance-level URL to install from, when the GitLab shorthand asks for one. */
    private URI installUrl(URI publishUrl) {
        if (gitlab == null || gitlab.getUrl() == null) {
            return null;
        }
        GitLabEndpoints endpoints = GitLabEndpoints.fromBaseUrl(gitlab.getUrl());
        if (gitlab.getGroupId() != null && !gitlab.getGroupId().isBlank()) {
            return endpoints.group(gitlab.getGroupId());
        }
        return gitlab.isInstanceLevel() ? endpoints.instance() : null;
    }

    private NpmrcContent.Registry entry(String scope, URI url, Credentials credentials, String variable) {
        buildLog().redact(credentials.secrets());
        return new NpmrcContent.Registry(scope, url, credentials, tokensFromEnvironment ? variable : null);
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
