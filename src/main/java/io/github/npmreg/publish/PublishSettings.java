package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.ServerCredentials;
import io.github.npmreg.gitlab.GitLabShorthand;
import io.github.npmreg.npmrc.NpmConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user configured for a release, as plain data in three named parts: the package, the plugin's explicit
 * choices, and where npm-style configuration comes from. Built with {@link #builder(Path, Path, ObjectNode)}; the
 * planner turns it into a {@link Release}.
 *
 * @param pkg     the package being released
 * @param choices the plugin parameters (null fields: not set)
 * @param sources settings.xml, .npmrc layers and the environment
 */
public record PublishSettings(Package pkg, Choices choices, Sources sources) {

    /**
     * @param directory    the folder holding package.json
     * @param manifestFile the source package.json (never the staged copy: sources are named as the user wrote them)
     * @param manifest     its content
     */
    public record Package(Path directory, Path manifestFile, ObjectNode manifest) {
        public Package {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(manifestFile, "manifestFile");
            Objects.requireNonNull(manifest, "manifest");
        }
    }

    /**
     * The plugin's release parameters.
     *
     * @param version       the version parameter ({@code ${project.version}}, a literal, {@code -Dnpmreg.version}),
     *                      or null to publish package.json's version
     * @param versionOrigin which of those it is (ignored when version is null)
     * @param buildStart    the build's start, which a SNAPSHOT version is stamped with
     * @param registry      the explicit registry URL, or null
     * @param gitlab        the {@code <gitlab>} shorthand, or null
     * @param tag           the explicit dist-tag, or null
     * @param access        the explicit access ({@code public}, {@code restricted}), or null
     * @param otp           a one-time password, or null
     * @param requireTag    publish only from a git tag that names the version
     * @param tagPattern    the tag pattern for requireTag; null for the default
     * @param oidc          exchange an OIDC ID token for a publish token even without NPM_ID_TOKEN detection
     * @param strict        npm's warnings about package.json ({@link NpmWarnings}) stop the release
     */
    public record Choices(String version, VersionOrigin versionOrigin, Instant buildStart, String registry,
            GitLabShorthand gitlab, String tag, String access, String otp, boolean dryRun, boolean skipExisting,
            boolean requireTag, String tagPattern, boolean oidc, boolean strict) {}

    /**
     * @param server    the settings.xml server named by serverId, decrypted; empty when none is named
     * @param npmConfig the .npmrc layers npm would read
     * @param env       the environment
     */
    public record Sources(Optional<ServerCredentials> server, NpmConfig npmConfig, Map<String, String> env) {
        public Sources {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(npmConfig, "npmConfig");
            env = Map.copyOf(env);
        }
    }

    public PublishSettings {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(choices, "choices");
        Objects.requireNonNull(sources, "sources");
    }

    public static Builder builder(Path packageDirectory, Path manifestFile, ObjectNode manifest) {
        return new Builder(new Package(packageDirectory, manifestFile, manifest));
    }

    /** A copy with other choices, e.g. a goal's own tag. */
    public Builder toBuilder() {
        Builder b = new Builder(pkg);
        b.version = choices.version();
        b.versionOrigin = choices.versionOrigin();
        b.buildStart = choices.buildStart();
        b.registry = choices.registry();
        b.gitlab = choices.gitlab();
        b.tag = choices.tag();
        b.access = choices.access();
        b.otp = choices.otp();
        b.dryRun = choices.dryRun();
        b.skipExisting = choices.skipExisting();
        b.requireTag = choices.requireTag();
        b.tagPattern = choices.tagPattern();
        b.oidc = choices.oidc();
        b.strict = choices.strict();
        b.server = sources.server();
        b.npmConfig = sources.npmConfig();
        b.env = sources.env();
        return b;
    }

    /** Named setters for the choices and sources; everything unset is "not configured". */
    public static final class Builder {
        private final Package pkg;
        private String version;
        private VersionOrigin versionOrigin = VersionOrigin.VERSION_PARAMETER;
        private Instant buildStart = Instant.EPOCH;
        private String registry;
        private GitLabShorthand gitlab;
        private String tag;
        private String access;
        private String otp;
        private boolean dryRun;
        private boolean skipExisting;
        private boolean strict;
        private boolean requireTag;
        private String tagPattern;
        private boolean oidc;
        private Optional<ServerCredentials> server = Optional.empty();
        private NpmConfig npmConfig = NpmConfig.of();
        private Map<String, String> env = Map.of();

        private Builder(Package pkg) {
            this.pkg = pkg;
        }

        public Builder version(String v, VersionOrigin origin) { version = v; versionOrigin = origin; return this; }
        public Builder buildStart(Instant v) { buildStart = v; return this; }
        public Builder registry(String v) { registry = v; return this; }
        public Builder gitlab(GitLabShorthand v) { gitlab = v; return this; }
        public Builder tag(String v) { tag = v; return this; }
        public Builder access(String v) { access = v; return this; }
        public Builder otp(String v) { otp = v; return this; }
        public Builder dryRun(boolean v) { dryRun = v; return this; }
        public Builder skipExisting(boolean v) { skipExisting = v; return this; }
        public Builder strict(boolean v) { strict = v; return this; }
        public Builder requireTag(boolean v) { requireTag = v; return this; }
        public Builder tagPattern(String v) { tagPattern = v; return this; }
        public Builder oidc(boolean v) { oidc = v; return this; }
        public Builder server(Optional<ServerCredentials> v) { server = v; return this; }
        public Builder server(ServerCredentials v) { server = Optional.ofNullable(v); return this; }
        public Builder npmConfig(NpmConfig v) { npmConfig = v; return this; }
        public Builder env(Map<String, String> v) { env = v; return this; }

        public PublishSettings build() {
            return new PublishSettings(pkg, new Choices(blankToNull(version), versionOrigin, buildStart,
                    blankToNull(registry), gitlab != null && gitlab.configured() ? gitlab : null, blankToNull(tag),
                    blankToNull(access), blankToNull(otp), dryRun, skipExisting, requireTag, blankToNull(tagPattern),
                    oidc, strict), new Sources(server, npmConfig, env));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
