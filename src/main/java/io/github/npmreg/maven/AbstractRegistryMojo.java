package io.github.npmreg.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.gitlab.GitLabShorthand;
import io.github.npmreg.manifest.ManifestReader;
import io.github.npmreg.npmrc.NpmrcFiles;
import io.github.npmreg.publish.PublishPlanner;
import io.github.npmreg.publish.PublishSettings;
import io.github.npmreg.publish.Release;
import io.github.npmreg.publish.VersionOrigin;
import io.github.npmreg.registry.RegistryClient;
import io.github.npmreg.registry.RegistryClientConfig;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The goals that work on a release (npmrc, publish-config, publish, verify): the release parameters, where the
 * registry is, who we are there, and how to reach it. Each computes the same {@link Release} from them through
 * {@link PublishPlanner}; the first goal of a build logs it once.
 */
abstract class AbstractRegistryMojo extends AbstractNpmregMojo {
    private static final String RELEASE_KEY = "npmreg.release";

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

    /**
     * The version to publish, e.g. {@code ${project.version}}; empty publishes package.json's version.
     * {@code 1.2.0-SNAPSHOT} becomes {@code 1.2.0-SNAPSHOT.<yyyyMMddHHmmss>} (UTC build start).
     */
    @Parameter(property = PropertyNames.VERSION)
    protected String version;

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

    /** When the version is already in the registry, log it and succeed instead of failing (safe release reruns). */
    @Parameter(property = PropertyNames.SKIP_EXISTING, defaultValue = "false")
    protected boolean skipExisting;

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

    /**
     * The total time in seconds one attempt of a request may take once it is sent (upload and whole answer), besides
     * the per-read socket timeout, so a server that trickles bytes cannot hold the build (npm's fetch-timeout, 5
     * minutes). Raise it for very large tarballs on slow links; 0 turns it off.
     */
    @Parameter(property = PropertyNames.REQUEST_TIMEOUT, defaultValue = "300")
    protected int requestTimeoutSeconds;

    /**
     * Turn npm's warnings about package.json (a name valid for old packages only, a cleaned version, {@code files}
     * not an array or pointing outside the package, {@code publishConfig} not an object, bytes that are not UTF-8)
     * into failures. Off by default: the plugin accepts what npm accepts, and prints npm's warning.
     */
    @Parameter(property = PropertyNames.STRICT, defaultValue = "false")
    protected boolean strict;

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

    /**
     * From an npm workspaces root: publish (and verify) these workspaces instead of the root, as {@code npm publish --workspaces}
     * ({@code all}) or {@code --workspace} (package names, workspace folders, or a folder whose subfolders are
     * workspaces) do: each packed from its own folder, dependencies first, private ones skipped. On the command
     * line: {@code -Dnpmreg.workspaces=all} or a comma-separated list.
     */
    @Parameter(property = PropertyNames.WORKSPACES)
    protected java.util.List<String> workspaces;

    /** With {@code workspaces}: also publish the workspaces root itself (npm's {@code --include-workspace-root}). */
    @Parameter(property = PropertyNames.INCLUDE_WORKSPACE_ROOT, defaultValue = "false")
    protected boolean includeWorkspaceRoot;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    protected final SettingsDecrypter decrypter;

    protected AbstractRegistryMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The source package.json; a goal that needs one fails with the fix when it is missing. */
    protected Path sourceManifest() {
        Path source = packageDir().resolve("package.json");
        if (!Files.isRegularFile(source)) {
            throw new NpmregException("There is no package.json in " + packageDir() + ".",
                    "set <packageDirectory> (or -D" + PropertyNames.PACKAGE_DIRECTORY + ") to the folder that holds it.");
        }
        return source;
    }

    /**
     * The release settings the registry goals share: the configured version, registry, tag, access and release
     * options, the .npmrc layers npm would read for this package, and the environment. Always from the source
     * package.json, so every source is named as the user wrote it.
     */
    protected PublishSettings.Builder settings(Optional<ServerCredentials> server) {
        Path manifestFile = sourceManifest();
        return settings(manifestFile, ManifestReader.read(manifestFile), server);
    }

    /** {@link #settings(Optional)} for a package.json already read. */
    protected PublishSettings.Builder settings(Path manifestFile, ObjectNode manifest,
            Optional<ServerCredentials> server) {
        return settings(packageDir(), packageDir(), manifestFile, manifest, server).version(version, versionOrigin());
    }

    /**
     * The release settings of a package in {@code dir} whose project .npmrc npm reads from {@code npmrcDir} (a
     * workspace's is its workspaces root's), with the version as package.json has it: the version parameter is the
     * root package's only.
     */
    protected PublishSettings.Builder settings(Path dir, Path npmrcDir, Path manifestFile, ObjectNode manifest,
            Optional<ServerCredentials> server) {
        Map<String, String> env = environment();
        return PublishSettings.builder(dir, manifestFile, manifest)
                .buildStart(buildStart())
                .registry(registry)
                .gitlab(gitlab == null ? null : gitlab.toShorthand())
                .tag(tag).access(access).requireTag(requireTag).tagPattern(tagPattern).skipExisting(skipExisting)
                .strict(strict)
                .oidc(oidc)
                .server(server)
                .npmConfig(NpmrcFiles.load(npmrcDir, env, Path.of(System.getProperty("user.home"))))
                .env(env);
    }

    /**
     * The release, planned once per build for these settings: a later goal with the same settings reuses it (and
     * the log names its sources once); problems stay in the value for the goal to decide about.
     */
    protected Release release(PublishSettings settings) {
        Object cached = project == null ? null : project.getContextValue(RELEASE_KEY);
        CacheKey key = new CacheKey(settings.pkg(), settings.choices(), settings.sources().server(),
                settings.sources().env());
        if (cached instanceof CachedRelease c && c.key().equals(key)) {
            return c.release();
        }
        Release release = PublishPlanner.plan(settings);
        buildLog().redact(release.credentials().secrets());
        if (project != null) {
            project.setContextValue(RELEASE_KEY, new CachedRelease(key, release));
        }
        if (!settings.choices().strict()) {
            // What npm accepts with a warning is published here too, with the warning (strict refuses it instead).
            for (String warning : io.github.npmreg.publish.NpmWarnings.of(settings.pkg().manifest(),
                    release.manifestFile(), release.version())) {
                buildLog().warn("npm warn: " + warning + " (-D" + PropertyNames.STRICT + "=true refuses it)");
            }
        }
        if (release.problems().isEmpty()) {
            getLog().info("Release " + release.describe());
            getLog().info("Credentials: " + (release.trustedPublishing() ? "npm trusted publishing (OIDC)"
                    : release.credentials().toString()));
        }
        return release;
    }

    /** What makes two goals' releases the same (the .npmrc layers are re-read, not compared). */
    private record CacheKey(PublishSettings.Package pkg, PublishSettings.Choices choices,
            Optional<ServerCredentials> server, Map<String, String> env) {}

    private record CachedRelease(CacheKey key, Release release) {}

    /** Where the version parameter came from: the POM's own version, a literal, or -Dnpmreg.version. */
    private VersionOrigin versionOrigin() {
        if (version == null || version.isBlank()) {
            return VersionOrigin.PACKAGE_JSON;
        }
        Xpp3Dom config = mojoExecution == null ? null : mojoExecution.getConfiguration();
        Xpp3Dom child = config == null ? null : config.getChild("version");
        String raw = child == null ? null : child.getValue();
        if (raw == null || raw.contains("${" + PropertyNames.VERSION + "}")) {
            return VersionOrigin.VERSION_PROPERTY;
        }
        return project != null && version.strip().equals(project.getVersion())
                ? VersionOrigin.PROJECT_VERSION : VersionOrigin.VERSION_PARAMETER;
    }

    /** The build's start: a SNAPSHOT version gets this timestamp in every goal of the build. */
    protected Instant buildStart() {
        return session.getRequest().getStartTime() == null
                ? Instant.now()
                : session.getRequest().getStartTime().toInstant();
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
        return npmConfig(packageDir(), env);
    }

    /** The .npmrc layers npm reads for a package whose project .npmrc is in {@code npmrcDir}. */
    protected io.github.npmreg.npmrc.NpmConfig npmConfig(Path npmrcDir, java.util.Map<String, String> env) {
        return io.github.npmreg.npmrc.NpmrcFiles.load(npmrcDir, env,
                java.nio.file.Path.of(System.getProperty("user.home")));
    }

    protected Optional<ServerCredentials> server() {
        return settingsServers().find(serverId);
    }

    /**
     * The server for a goal that sends nothing (staging, packing): a missing or unreadable {@code <server>} does not
     * stop {@code mvn package} on a machine without credentials; it is a warning here and the failure of
     * npmreg:publish, which needs it.
     */
    protected Optional<ServerCredentials> serverIfReadable(String withoutIt) {
        return serverIfReadable(serverId, withoutIt);
    }

    /** {@link #serverIfReadable(String)} for another server id ({@code <registries>} entries). */
    protected Optional<ServerCredentials> serverIfReadable(String id, String withoutIt) {
        try {
            return settingsServers().find(id);
        } catch (SettingsServers.Missing | io.github.npmreg.auth.SettingsPassword.Failure e) {
            String warned = "npmreg.serverUnreadableWarned." + id;
            if (project.getContextValue(warned) != null) {
                return Optional.empty();
            }
            project.setContextValue(warned, Boolean.TRUE);
            buildLog().warn(e.problem().replace("; nothing was sent.", ".") + " " + goalName()
                    + " goes on without it (" + withoutIt + "); npmreg:publish needs it. Fix: " + e.fix());
            return Optional.empty();
        }
    }

    protected SettingsServers settingsServers() {
        return new SettingsServers(session.getSettings(), decrypter, settingsFiles());
    }

    /** The settings.xml files Maven read, user first ({@code -s} when given), for messages that point at them. */
    protected List<String> settingsFiles() {
        List<String> files = new java.util.ArrayList<>();
        File user = session.getRequest().getUserSettingsFile();
        File global = session.getRequest().getGlobalSettingsFile();
        if (user != null) {
            files.add(user.getAbsolutePath() + (user.isFile() ? "" : " (does not exist)"));
        }
        if (global != null && global.isFile()) {
            files.add(global.getAbsolutePath());
        }
        return files;
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
                .withRequestTimeout(Duration.ofSeconds(Math.max(0, requestTimeoutSeconds)))
                .withRetries(Math.max(0, retries), Duration.ofSeconds(2), Duration.ofSeconds(60));
        Optional<io.github.npmreg.registry.ProxyConfig> proxy =
                SettingsProxies.forUrl(session.getSettings(), decrypter, registryUrl);
        if (proxy.isPresent()) {
            buildLog().redact(proxy.get().password() == null ? List.of() : List.of(proxy.get().password()));
            buildLog().info("Using proxy " + proxy.get() + " from settings.xml");
            config = config.withProxy(proxy.get());
        }
        if (caFile != null) {
            config = config.withExtraCaPem(caFile.toPath());
        }
        return config;
    }
}
