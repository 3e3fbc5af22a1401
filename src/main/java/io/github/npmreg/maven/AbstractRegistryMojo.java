package io.github.npmreg.maven;

import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The goals that talk to a registry: where it is, who we are there, and how to reach it. */
abstract class AbstractRegistryMojo extends AbstractNpmregMojo {
    /** The registry URL; highest precedence. Without it: publishConfig, .npmrc, GitLab CI, npm's default. */
    @Parameter(property = PropertyNames.REGISTRY)
    protected String registry;

    /** The settings.xml server holding the credentials: a password alone is a token, username + password Basic auth. */
    @Parameter(property = PropertyNames.SERVER_ID)
    protected String serverId;

    /**
     * GitLab shorthand: {@code <gitlab><url>https://gitlab.example.com</url><projectId>42</projectId></gitlab>} makes
     * the project's npm endpoint the publish registry (when no registry is set).
     */
    @Parameter
    protected GitLab gitlab;

    /** The dist-tag; default {@code latest} ({@code snapshot} for Maven SNAPSHOT versions); a prerelease needs one. */
    @Parameter(property = PropertyNames.TAG)
    protected String tag;

    /** {@code public} or {@code restricted}; default: publishConfig.access, else the registry's default. */
    @Parameter(property = PropertyNames.ACCESS)
    protected String access;

    /** Publish only when the build runs for a git tag naming the version (CI_COMMIT_TAG, else a tag at HEAD). */
    @Parameter(property = PropertyNames.REQUIRE_TAG, defaultValue = "false")
    protected boolean requireTag;

    /** The tag pattern for requireTag; {@code {version}} stands for the version. Default {@code v?{version}}. */
    @Parameter(property = PropertyNames.TAG_PATTERN)
    protected String tagPattern;

    /**
     * npm trusted publishing (OIDC) even when NPM_ID_TOKEN detection does not apply; it also keeps GitLab CI from
     * choosing the project registry, since trusted publishing targets npmjs.org.
     */
    @Parameter(property = PropertyNames.OIDC, defaultValue = "false")
    protected boolean oidc;

    /** A PEM file of extra CA certificates trusted besides the JVM's trust store (e.g. a company CA). */
    @Parameter(property = PropertyNames.CA_FILE)
    protected File caFile;

    /** Connect timeout in seconds. */
    @Parameter(property = PropertyNames.CONNECT_TIMEOUT, defaultValue = "30")
    protected int connectTimeoutSeconds;

    /** Response timeout in seconds (per read, not for the whole upload). */
    @Parameter(property = PropertyNames.SOCKET_TIMEOUT, defaultValue = "300")
    protected int socketTimeoutSeconds;

    /** How often a failed request is retried (connection errors, 408, 429, 5xx), with exponential backoff. */
    @Parameter(property = PropertyNames.RETRIES, defaultValue = "2")
    protected int retries;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    protected final SettingsDecrypter decrypter;

    protected AbstractRegistryMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The explicit publish registry: the registry parameter, else the GitLab shorthand's project endpoint. */
    protected String explicitRegistry() {
        if (registry != null && !registry.isBlank()) {
            return registry;
        }
        if (gitlab != null && gitlab.getUrl() != null) {
            if (gitlab.getProjectId() == null || gitlab.getProjectId().isBlank()) {
                throw new io.github.npmreg.NpmregException("<gitlab> has a <url> but no <projectId>: GitLab accepts"
                        + " publishes only at the project level.", "add <projectId>NUMERIC_ID_OR_URL_ENCODED_PATH"
                        + "</projectId> inside <gitlab>.");
            }
            String url = io.github.npmreg.gitlab.GitLabEndpoints.fromBaseUrl(gitlab.getUrl())
                    .project(gitlab.getProjectId()).toString();
            getLog().info("Publish registry from <gitlab>: " + url);
            return url;
        }
        return null;
    }

    /**
     * The publish settings the registry goals share: the configured registry, tag, access and release options, the
     * .npmrc layers npm would read for this package, and the environment.
     */
    protected io.github.npmreg.publish.PublishSettings publishSettings(java.nio.file.Path manifestFile,
            com.fasterxml.jackson.databind.node.ObjectNode manifest, Optional<ServerCredentials> server, String otp,
            boolean dryRun, boolean skipExisting) {
        return publishSettings(packageDir(), manifestFile, manifest, packageDir(), server, otp, dryRun, skipExisting);
    }

    /** The same for a package in {@code dir} whose project .npmrc npm reads from {@code npmrcDir} (a workspace's root). */
    protected io.github.npmreg.publish.PublishSettings publishSettings(java.nio.file.Path dir,
            java.nio.file.Path manifestFile, com.fasterxml.jackson.databind.node.ObjectNode manifest,
            java.nio.file.Path npmrcDir, Optional<ServerCredentials> server, String otp, boolean dryRun,
            boolean skipExisting) {
        java.util.Map<String, String> env = environment();
        return new io.github.npmreg.publish.PublishSettings(dir, manifestFile, manifest, explicitRegistry(), server,
                io.github.npmreg.npmrc.NpmrcFiles.load(npmrcDir, env, java.nio.file.Path.of(System.getProperty("user.home"))),
                env, tag, access, otp, dryRun, skipExisting, requireTag, tagPattern, oidc);
    }

    protected Optional<ServerCredentials> server() {
        return new SettingsServers(session.getSettings(), decrypter).find(serverId);
    }

    protected RegistryClient client(URI registryUrl) {
        return new RegistryClient(clientConfig(registryUrl));
    }

    /** One configuration per build: timeouts, retries, the settings.xml proxy for the registry, the extra CA file. */
    protected RegistryClientConfig clientConfig(URI registryUrl) {
        RegistryClientConfig config = RegistryClientConfig.defaults(
                        RegistryClientConfig.userAgent(plugin.getVersion(), System.getProperty("java.version"),
                                System.getProperty("os.name"), System.getProperty("os.arch")),
                        buildLog())
                .withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(socketTimeoutSeconds))
                .withRetries(Math.max(0, retries), Duration.ofSeconds(2), Duration.ofSeconds(60));
        Optional<io.github.npmreg.registry.ProxyConfig> proxy =
                SettingsProxies.forUrl(session.getSettings(), decrypter, registryUrl);
        if (proxy.isPresent()) {
            buildLog().redact(proxy.get().password() == null ? java.util.List.of() : java.util.List.of(proxy.get().password()));
            buildLog().info("Using proxy " + proxy.get() + " from settings.xml");
            config = config.withProxy(proxy.get());
        }
        if (caFile != null) {
            config = config.withExtraCaPem(caFile.toPath());
        }
        return config;
    }
}
