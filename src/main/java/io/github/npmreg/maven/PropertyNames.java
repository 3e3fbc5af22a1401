package io.github.npmreg.maven;

/** Every user property the plugin reads, in one place. Each goal has {@code npmreg.skip} plus its own skip. */
public final class PropertyNames {
    public static final String SKIP = "npmreg.skip";
    public static final String PACKAGE_DIRECTORY = "npmreg.packageDirectory";
    public static final String OUTPUT_DIRECTORY = "npmreg.outputDirectory";

    public static final String PACK_SKIP = "npmreg.pack.skip";
    public static final String NPM_VERSION = "npmreg.npmVersion";

    public static final String PUBLISH_SKIP = "npmreg.publish.skip";
    public static final String REGISTRY = "npmreg.registry";
    public static final String SERVER_ID = "npmreg.serverId";
    public static final String TAG = "npmreg.tag";
    public static final String ACCESS = "npmreg.access";
    public static final String OTP = "npmreg.otp";
    public static final String DRY_RUN = "npmreg.dryRun";
    public static final String SKIP_EXISTING = "npmreg.skipExisting";
    public static final String CA_FILE = "npmreg.caFile";
    public static final String CONNECT_TIMEOUT = "npmreg.connectTimeoutSeconds";
    public static final String SOCKET_TIMEOUT = "npmreg.socketTimeoutSeconds";
    public static final String REQUEST_TIMEOUT = "npmreg.requestTimeoutSeconds";
    public static final String STRICT = "npmreg.strict";
    public static final String RETRIES = "npmreg.retries";
    public static final String PREFLIGHT = "npmreg.preflight";

    public static final String NPMRC_SKIP = "npmreg.npmrc.skip";
    public static final String NPMRC_FILE = "npmreg.npmrcFile";
    /** Set by the {@code npmrc} goal to the path of the file it wrote, for later plugins (e.g. a frontend build). */
    public static final String NPMRC_RESULT = "npmreg.npmrc";
    public static final String TOKENS_FROM_ENVIRONMENT = "npmreg.tokensFromEnvironment";

    public static final String PUBLISH_CONFIG_SKIP = "npmreg.publishConfig.skip";
    public static final String VERSION = "npmreg.version";
    public static final String UPDATE_SOURCE = "npmreg.updateSource";

    public static final String REQUIRE_TAG = "npmreg.requireTag";
    public static final String TAG_PATTERN = "npmreg.tagPattern";
    public static final String OIDC = "npmreg.oidc";

    public static final String PROVENANCE = "npmreg.provenance";
    public static final String PROVENANCE_FILE = "npmreg.provenanceFile";
    public static final String FULCIO_URL = "npmreg.fulcioUrl";
    public static final String REKOR_URL = "npmreg.rekorUrl";

    public static final String VERIFY_FORMAT = "npmreg.verify.format";
    public static final String OFFLINE = "npmreg.offline";

    // --- release model (issue #8) ---
    public static final String GITLAB_PROCESSING_TIMEOUT = "npmreg.gitlab.processingTimeoutSeconds";

    // Maven-native builds (issue 12): npm packaging, reactor summary, workspaces.
    public static final String DEPLOY_TO_MAVEN_REPOSITORY = "npmreg.deployToMavenRepository";
    public static final String WORKSPACES = "npmreg.workspaces";
    public static final String INCLUDE_WORKSPACE_ROOT = "npmreg.includeWorkspaceRoot";

    private PropertyNames() {}
}
