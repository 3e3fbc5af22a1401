package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.auth.SettingsPassword;
import io.github.npmreg.gitlab.ReleaseTag;
import io.github.npmreg.publish.Release;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the checks look at, as plain data the mojo gathers (the core reads no environment, settings or
 * clock of its own). Absent facts are {@code null}: a check that needs one reports itself skipped.
 *
 * @param packageDirectory  the folder holding package.json
 * @param manifest          the parsed package.json, {@code null} when it is missing or unreadable
 * @param manifestError     why package.json could not be read ({@code null} when it was)
 * @param tarball           the packed tarball when it exists already, else {@code null}
 * @param tarballSizeLimit  the registry's upload limit in bytes when known (GitLab: 500 MB by default), else null
 * @param registry          the registry publish will use and why
 * @param npmrc             every line of every .npmrc that was read, in npm's precedence order (project first)
 * @param server            the settings.xml server the plugin was told to use, {@code null} when none was named
 * @param credentials       the credentials publish would send (from settings.xml, .npmrc, env or CI)
 * @param environment       the process environment
 * @param clock             now, for token and ID-token expiry
 * @param tag               the dist-tag publish would use, {@code null} for npm's default {@code latest}
 * @param requireTag        publish only from a Git tag pipeline ({@code CI_COMMIT_TAG})
 * @param releaseTagPattern the tag pattern of {@code requireTag} ({@link ReleaseTag}), {@code null} for the default
 * @param trustedPublishing publish with an OIDC ID token instead of a stored token
 * @param provenanceSetup   how provenance is configured (npm's {@code provenance}, the sigstore in use)
 * @param network           how network checks reach the registry; {@code null} when offline
 * @param release           the release publish would make (the same value publish plans), {@code null} when the
 *                          package has no valid name to plan one for
 */
public record DoctorContext(
        Path packageDirectory,
        JsonNode manifest,
        String manifestError,
        Path tarball,
        Long tarballSizeLimit,
        RegistryChoice registry,
        List<NpmrcLine> npmrc,
        SettingsServer server,
        Credentials credentials,
        Map<String, String> environment,
        Clock clock,
        String tag,
        boolean requireTag,
        String releaseTagPattern,
        boolean trustedPublishing,
        ProvenanceSetup provenanceSetup,
        Network network,
        Release release) {

    /** GitLab's default npm_max_file_size on self-managed instances (gitlab-npm-registry.md §3). */
    public static final long GITLAB_DEFAULT_MAX_FILE_SIZE = 500L * 1024 * 1024;

    public DoctorContext {
        npmrc = npmrc == null ? List.of() : List.copyOf(npmrc);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        credentials = credentials == null ? Credentials.none() : credentials;
        clock = clock == null ? Clock.systemUTC() : clock;
        releaseTagPattern = releaseTagPattern == null ? ReleaseTag.DEFAULT_PATTERN : releaseTagPattern;
        provenanceSetup = provenanceSetup == null ? ProvenanceSetup.DEFAULTS : provenanceSetup;
    }

    /** This context with network checks reaching the registry through {@code other}. */
    public DoctorContext withNetwork(Network other) {
        return new DoctorContext(packageDirectory, manifest, manifestError, tarball, tarballSizeLimit, registry, npmrc,
                server, credentials, environment, clock, tag, requireTag, releaseTagPattern, trustedPublishing,
                provenanceSetup, other, release);
    }

    /** provenance=true: a statement must be signed (npm's {@code --provenance}). */
    public boolean provenance() {
        return provenanceSetup.mode() == io.github.npmreg.provenance.ProvenanceMode.TRUE;
    }

    /**
     * How provenance is configured.
     *
     * @param mode         npm's {@code provenance}: auto, true or false
     * @param file         a bundle made elsewhere is attached instead ({@code provenanceFile})
     * @param publicFulcio the signing certificate comes from the public Fulcio (whose audience rule is checked)
     * @param access       the access publish sends ({@code public}, {@code restricted}, {@code null})
     */
    public record ProvenanceSetup(io.github.npmreg.provenance.ProvenanceMode mode, boolean file,
            boolean publicFulcio, String access) {
        public static final ProvenanceSetup DEFAULTS = new ProvenanceSetup(
                io.github.npmreg.provenance.ProvenanceMode.AUTO, false, true, null);

        public ProvenanceSetup {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * Which registry publish will use.
     *
     * @param url    the registry URL exactly as configured (the checks look at its trailing slash)
     * @param reason why this one, e.g. {@code @acme:registry in /home/ci/project/.npmrc line 1}
     */
    public record RegistryChoice(String url, String reason, boolean chosen) {
        /** What the setup names in place of a URL when the release has no usable publish registry. */
        static final String NONE = "(invalid)";

        public RegistryChoice {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }

        public RegistryChoice(String url, String reason) {
            this(url, reason, true);
        }

        /** No registry could be chosen (the release's problem says why); checks that need one skip. */
        public static RegistryChoice none(String reason) {
            return new RegistryChoice(NONE, reason, false);
        }
    }


    /**
     * One {@code key=value} line of an .npmrc file.
     *
     * @param key   the key with {@code ${VAR}} expanded as npm does (an unset variable stays literal)
     * @param value the value with {@code ${VAR}} expanded the same way
     */
    public record NpmrcLine(String key, String value, Path file, int line) {
        public String where() {
            return file == null ? "environment variable npm_config_" + key : file + " line " + line;
        }

        /** Every entry of every layer, highest precedence first, as the checks see them. */
        public static List<NpmrcLine> of(NpmConfig config) {
            List<NpmrcLine> lines = new ArrayList<>();
            for (Npmrc layer : config.layers()) {
                for (Npmrc.Entry e : layer.entries().values()) {
                    lines.add(new NpmrcLine(e.key(), e.value(), layer.file().orElse(null), e.line()));
                }
            }
            return lines;
        }
    }

    /**
     * What settings.xml says about the server the plugin was told to use (the secret itself is in
     * {@link DoctorContext#credentials()}).
     *
     * @param decryptError why the password could not be decrypted, {@code null} when it could
     */
    public record SettingsServer(String id, boolean found, String decryptError, String username, boolean hasPassword,
            List<String> availableIds, String settingsFiles, SettingsPassword.Unusable unusable) {
        public SettingsServer {
            availableIds = availableIds == null ? List.of() : List.copyOf(availableIds);
            settingsFiles = settingsFiles == null ? "settings.xml" : settingsFiles;
        }

        public SettingsServer(String id, boolean found, String decryptError, String username, boolean hasPassword,
                List<String> availableIds, String settingsFiles) {
            this(id, found, decryptError, username, hasPassword, availableIds, settingsFiles, null);
        }

        public SettingsServer(String id, boolean found, String decryptError, String username, boolean hasPassword) {
            this(id, found, decryptError, username, hasPassword, List.of(), null);
        }

        /** A found server whose password cannot be used, and why (the kind decides the finding). */
        public static SettingsServer unusable(String id, String username, List<String> availableIds,
                String settingsFiles, SettingsPassword.Unusable unusable) {
            return new SettingsServer(id, true, unusable.message(), username, true, availableIds, settingsFiles,
                    unusable);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The package name, or {@code null} when there is no readable name. */
    public String packageName() {
        return text(manifest, "name");
    }

    /** The version publish would publish: the release's (the POM's, SNAPSHOT mapped), else package.json's. */
    public String packageVersion() {
        return release != null ? release.version().published() : text(manifest, "version");
    }

    /** The dist-tag publish uses: the release's, else the configured one, else npm's default {@code latest}. */
    public String effectiveTag() {
        if (release != null) {
            return release.tag().name();
        }
        return tag == null || tag.isBlank() ? "latest" : tag;
    }

    static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field) || !node.get(field).isTextual()) {
            return null;
        }
        return node.get(field).asText();
    }

    /** Collects the facts one by one; tests and the mojo set only what they have. */
    public static final class Builder {
        private Path packageDirectory;
        private JsonNode manifest;
        private String manifestError;
        private Path tarball;
        private Long tarballSizeLimit;
        private RegistryChoice registry;
        private final List<NpmrcLine> npmrc = new ArrayList<>();
        private SettingsServer server;
        private Credentials credentials;
        private Map<String, String> environment = Map.of();
        private Clock clock;
        private String tag;
        private boolean requireTag;
        private String releaseTagPattern;
        private boolean trustedPublishing;
        private ProvenanceSetup provenanceSetup;
        private Network network;
        private Release release;

        public Builder packageDirectory(Path v) { packageDirectory = v; return this; }
        public Builder manifest(JsonNode v) { manifest = v; return this; }
        public Builder manifestError(String v) { manifestError = v; return this; }
        public Builder tarball(Path v) { tarball = v; return this; }
        public Builder tarballSizeLimit(Long v) { tarballSizeLimit = v; return this; }
        public Builder registry(String url, String reason) { registry = new RegistryChoice(url, reason); return this; }

        /** The release has no usable publish registry: {@code reason} says why. */
        public Builder noRegistry(String reason) { registry = RegistryChoice.none(reason); return this; }

        /** The registry as {@link io.github.npmreg.auth.RegistrySelection} chose it, with the URL as configured. */
        public Builder registry(SelectedRegistry selected) {
            String url = selected.url().toString();
            return registry(selected.trailingSlashAdded() ? url.substring(0, url.length() - 1) : url,
                    selected.reason());
        }

        public Builder npmConfig(NpmConfig config) { npmrc.addAll(NpmrcLine.of(config)); return this; }
        public Builder npmrc(NpmrcLine line) { npmrc.add(line); return this; }
        public Builder npmrc(List<NpmrcLine> lines) { npmrc.addAll(lines); return this; }
        public Builder server(SettingsServer v) { server = v; return this; }
        public Builder credentials(Credentials v) { credentials = v; return this; }
        public Builder environment(Map<String, String> v) { environment = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder tag(String v) { tag = v; return this; }
        public Builder requireTag(boolean v) { requireTag = v; return this; }
        public Builder releaseTagPattern(String v) { releaseTagPattern = v; return this; }
        public Builder trustedPublishing(boolean v) { trustedPublishing = v; return this; }
        public Builder provenance(boolean v) {
            provenanceSetup = new ProvenanceSetup(v ? io.github.npmreg.provenance.ProvenanceMode.TRUE
                    : io.github.npmreg.provenance.ProvenanceMode.FALSE, false, true, "public");
            return this;
        }
        public Builder provenance(ProvenanceSetup v) { provenanceSetup = v; return this; }
        public Builder network(Network v) { network = v; return this; }

        /**
         * The release publish would make: its registry, credentials, dist-tag, requireTag rule and trusted publishing
         * become the context's, so the checks judge exactly what publish would do.
         */
        public Builder release(Release r) {
            release = r;
            if (r != null) {
                if (r.registry() != null) {
                    registry(r.registry());
                }
                credentials = r.credentials();
                tag = r.tag().name();
                requireTag = r.requiredTag() != null;
                releaseTagPattern = r.requiredTag() == null ? null : r.requiredTag().pattern();
                trustedPublishing = r.trustedPublishing();
            }
            return this;
        }

        /** The registry chosen so far, {@code null} when none was; the caller picks proxy and trust by its URL. */
        public RegistryChoice registry() {
            return registry;
        }

        public DoctorContext build() {
            return new DoctorContext(packageDirectory, manifest, manifestError, tarball, tarballSizeLimit, registry,
                    npmrc, server, credentials, environment, clock, tag, requireTag, releaseTagPattern, trustedPublishing,
                    provenanceSetup, network, release);
        }
    }
}
