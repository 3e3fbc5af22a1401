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

    /**
     * npm provenance: {@code auto} (npm's rule: under trusted publishing, for a public project and package, when
     * SIGSTORE_ID_TOKEN is set), {@code true} (always sign; fails when it cannot) or {@code false}. Unset: package.json
     * publishConfig.provenance, else .npmrc, else auto.
     */
    @Parameter(property = PropertyNames.PROVENANCE)
    protected String provenance;

    /** A sigstore bundle made elsewhere to attach instead of signing; its subject must match the tarball. */
    @Parameter(property = PropertyNames.PROVENANCE_FILE)
    protected File provenanceFile;

    /** The Fulcio certificate authority that signs provenance (a private sigstore deployment's, if you have one). */
    @Parameter(property = PropertyNames.FULCIO_URL, defaultValue = "https://fulcio.sigstore.dev")
    protected String fulcioUrl;

    /** The Rekor transparency log that records provenance signatures. */
    @Parameter(property = PropertyNames.REKOR_URL, defaultValue = "https://rekor.sigstore.dev")
    protected String rekorUrl;

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
        java.nio.file.Path dir = packageDir();
        java.util.Map<String, String> env = environment();
        return new io.github.npmreg.publish.PublishSettings(dir, manifestFile, manifest, explicitRegistry(), server,
                io.github.npmreg.npmrc.NpmrcFiles.load(dir, env, java.nio.file.Path.of(System.getProperty("user.home"))),
                env, tag, access, otp, dryRun, skipExisting, requireTag, tagPattern, oidc);
    }

    /** The provenance options publish and verify share (explicit, else publishConfig.provenance, else .npmrc). */
    protected io.github.npmreg.publish.ProvenanceSettings provenanceSettings(
            com.fasterxml.jackson.databind.node.ObjectNode manifest, io.github.npmreg.npmrc.NpmConfig npmConfig) {
        return new io.github.npmreg.publish.ProvenanceSettings(
                io.github.npmreg.publish.ProvenanceSettings.configuredMode(provenance, manifest, npmConfig,
                        PropertyNames.PROVENANCE),
                provenanceFile == null ? null : provenanceFile.toPath().toAbsolutePath(),
                new io.github.npmreg.sigstore.KeylessSigner.Services(serviceUrl(fulcioUrl, PropertyNames.FULCIO_URL),
                        serviceUrl(rekorUrl, PropertyNames.REKOR_URL)), java.time.Clock.systemUTC());
    }

    private static URI serviceUrl(String value, String property) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new io.github.npmreg.NpmregException(property + " is '" + value + "', which is not an http(s) URL.",
                "Set it to the base URL of the service, e.g. -D" + property + "=https://fulcio.sigstore.dev, or leave"
                        + " it unset for the public sigstore.");
    }

    /** What verify and the preflight need to know of the provenance setup. */
    protected io.github.npmreg.doctor.DoctorContext.ProvenanceSetup provenanceSetup(
            io.github.npmreg.publish.ProvenanceSettings settings, String access) {
        return new io.github.npmreg.doctor.DoctorContext.ProvenanceSetup(settings.mode(), settings.file() != null,
                settings.services().fulcio().toString().replaceAll("/+$", "")
                        .equals(io.github.npmreg.sigstore.KeylessSigner.Services.PUBLIC.fulcio().toString()), access);
    }

    /** The .npmrc layers npm would read for this package. */
    protected io.github.npmreg.npmrc.NpmConfig npmConfig(java.util.Map<String, String> env) {
        return io.github.npmreg.npmrc.NpmrcFiles.load(packageDir(), env,
                java.nio.file.Path.of(System.getProperty("user.home")));
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
