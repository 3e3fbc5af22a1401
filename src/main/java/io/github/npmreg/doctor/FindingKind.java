package io.github.npmreg.doctor;

/**
 * Every problem the doctor can report: one list shared by the checks and {@code docs/troubleshooting.md}
 * (generated from here by {@link TroubleshootingDoc}), so the two cannot drift. Each kind has the cause, an example
 * of what users see from npm or GitLab when they hit it, and the fix; the finding itself adds the evidence and the
 * exact line or setting for the project at hand. Sources are in the reference notes: gitlab-npm-registry.md (§2,
 * §3, §6, §8), npm-pack-and-publish.md §5 and test-registry-verdaccio.md §4 and §6.
 */
public enum FindingKind {
    // --- package.json -------------------------------------------------------------------------------------------
    PACKAGE_JSON_MISSING("package-json-missing", Status.FAIL, "package.json is missing",
            "There is no package.json in the package directory, so there is nothing to pack or publish.",
            "npm error code ENOENT / npm error enoent Could not read package.json",
            "Create package.json in the package directory, or point <packageDirectory> at the folder that has it."),
    PACKAGE_JSON_INVALID("package-json-invalid", Status.FAIL, "package.json is not valid JSON",
            "package.json cannot be parsed, so npm and the plugin cannot read name and version.",
            "npm error code EJSONPARSE / npm error JSON.parse Invalid package.json",
            "Fix the JSON syntax at the position given in the evidence."),
    PACKAGE_PRIVATE("package-private", Status.FAIL, "package is marked private",
            "package.json has \"private\": true (any truthy value), which is how a project says it must never be"
                    + " published; npm refuses it before sending anything, and so does the plugin, dry runs included.",
            "npm error code EPRIVATE / npm error This package has been marked as private",
            "Remove the 'private' field from package.json to publish it, or skip the package (-Dnpmreg.skip=true)."),
    PACKAGE_NPM_WARNING("package-npm-warning", Status.WARN, "npm warns about package.json",
            "npm 11 publishes this package.json but warns about it or ignores part of it: a name valid for old"
                    + " packages only (capital letters, a Node.js core module's name, more than 214 characters), a"
                    + " version it cleans (v1.0.0), \"files\" not an array or pointing outside the package,"
                    + " \"publishConfig\" not an object, bytes that are not UTF-8. The plugin publishes it as npm"
                    + " does; -Dnpmreg.strict=true refuses it.",
            "npm warn package-json http@1.0.0 Package name \"http\" conflicts with a Node.js built-in module name",
            "Fix package.json as the evidence says (npm pkg fix fixes some)."),
    PACKAGE_NPM_WARNING_STRICT("package-npm-warning-strict", Status.FAIL, "npm warns about package.json (strict)",
            "strict is on (npmreg.strict), and npm warns about this package.json, so the plugin refuses to publish.",
            "npm warn publish npm auto-corrected some errors in your package.json when publishing.",
            "Fix package.json as the evidence says, or turn strict off (-Dnpmreg.strict=false)."),
    PACKAGE_NAME_INVALID("package-name-invalid", Status.FAIL, "package name is not valid for npm",
            "npm accepts only lowercase, URL-safe names of at most 214 characters, optionally scoped as @scope/name.",
            "npm error code EINVALIDPACKAGENAME / npm error Invalid package name",
            "Set \"name\" in package.json to a valid name such as \"@scope/my-package\"."),
    PACKAGE_NAME_INVALID_FOR_GITLAB("package-name-invalid-for-gitlab", Status.FAIL,
            "package name is not valid for GitLab",
            "GitLab checks names against npm_package_name_regex "
                    + "\\A(?:@(NAMESPACE_FORMAT_REGEX)/)?[-+._a-zA-Z0-9]+\\z and rejects the publish.",
            "400 Bad Request - PUT … - {\"message\":\"Validation failed: Name should be a valid NPM package name\"}",
            "Rename the package in package.json so that scope and name use only letters, digits, '-', '+', '.' "
                    + "and '_' (the scope must not end in .git or .atom)."),
    PACKAGE_VERSION_INVALID("package-version-invalid", Status.FAIL, "version is not valid SemVer",
            "npm and GitLab accept only strict SemVer versions (MAJOR.MINOR.PATCH with optional -prerelease "
                    + "and +build).",
            "npm error Invalid version: \"1.0\" / GitLab 400 \"Version should follow SemVer\"",
            "Set \"version\" in package.json to a SemVer version such as \"1.0.0\"."),
    PRERELEASE_WITHOUT_TAG("prerelease-without-tag", Status.FAIL, "prerelease published without a dist-tag",
            "npm 11 refuses to publish a prerelease under the default tag 'latest', which would move every user "
                    + "to the prerelease.",
            "npm error You must specify a tag using --tag when publishing a prerelease version.",
            "Set <tag>next</tag> in the plugin configuration (or -Dnpmreg.tag=next, or publishConfig.tag)."),
    MANIFEST_TOO_LARGE_FOR_GITLAB("manifest-too-large-for-gitlab", Status.FAIL,
            "package.json is too large for GitLab",
            "GitLab stores package.json as metadata and rejects it at 20,000 characters or more "
                    + "(Packages::Npm::Metadatum::MAX_PACKAGE_JSON_SIZE), after dropping readme, readmeFilename, "
                    + "licenseText, contributors and exports.",
            "400 Bad Request - PUT … - Validation failed (the stored package.json is over 20,000 characters)",
            "Shrink package.json: move long fields (scripts, keywords, config) out of it."),
    TARBALL_TOO_LARGE("tarball-too-large", Status.FAIL, "tarball exceeds the registry's size limit",
            "The registry refuses uploads above its limit (GitLab: npm_max_file_size, 500 MB by default).",
            "400 Bad Request - PUT … - {\"message\":\"File is too large.\"} / E413 413 Payload Too Large",
            "Exclude build leftovers with the \"files\" field or .npmignore, or ask the administrator to raise "
                    + "the limit."),

    // --- registry choice ----------------------------------------------------------------------------------------
    REGISTRY_URL_INVALID("registry-url-invalid", Status.FAIL, "registry URL is not an http(s) URL",
            "The registry setting cannot be parsed as an absolute http:// or https:// URL.",
            "npm error Invalid URL / TypeError [ERR_INVALID_URL]",
            "Set the registry to an absolute URL such as https://gitlab.example.com/api/v4/projects/42/packages/npm/"),
    REGISTRY_URL_CREDENTIALS("registry-url-credentials", Status.FAIL, "registry URL holds credentials",
            "The registry URL has user-info (http://user:password@host/). npm refuses to publish with such a URL,"
                    + " and a password there would be copied into publishConfig, the staged package.json and the"
                    + " tarball; the plugin refuses it in every goal and shows it as user:***@.",
            "npm error code ENEEDAUTH / npm error need auth This command requires you to be logged in to"
                    + " http://user:***@host/",
            "Remove user:password@ from the URL; put the credentials in a settings.xml <server> (serverId, 'npm'"
                    + " by default) or an .npmrc auth line //host/path/:_authToken=${NPM_TOKEN}."),
    REGISTRY_ANSWER_NOT_NPM("registry-answer-not-npm", Status.FAIL, "the registry URL does not answer as an npm registry",
            "The registry URL answered with an HTML page, plain text or cut-off JSON: something other than an npm"
                    + " registry is there (a web UI behind a wrong URL, a proxy's or SSO portal's login page, a missing"
                    + " path prefix), so nothing it says is a registry's verdict on the token or the package.",
            "npm error code EJSONPARSE / npm error Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
            "Check the registry URL (GitLab: https://<host>/api/v4/projects/<id>/packages/npm/) and the proxy in"
                    + " settings.xml; the evidence shows the content type and the first bytes of the answer."),
    SCOPE_REGISTRY_MISSING("scope-registry-missing", Status.FAIL, "scope has no registry line",
            "The package is scoped but no @scope:registry line matches its scope, so npm (and the plugin) fall back "
                    + "to registry.npmjs.org although the project configures another registry.",
            "npm error 404 Not Found - PUT https://registry.npmjs.org/@scope%2fname - Not found",
            "Add @scope:registry=<registry url>/ to .npmrc, with the scope exactly as in \"name\"."),
    PUBLISH_CONFIG_REGISTRY_OVERRIDDEN("publish-config-registry-overridden", Status.FAIL,
            "publishConfig.registry is overridden by an @scope:registry line",
            "npm picks the @scope:registry line over publishConfig.registry (pickRegistry), so the package goes "
                    + "to the scope's registry, not the one package.json names.",
            "Published to the wrong registry; later: 404 '@scope/name@1.0.0' is not in this registry",
            "Make the two agree: change the @scope:registry line or remove publishConfig.registry."),
    GITLAB_GROUP_ENDPOINT_FOR_PUBLISH("gitlab-group-endpoint-for-publish", Status.FAIL,
            "publishing to a GitLab group-level URL",
            "GitLab's group-level npm endpoint (/api/v4/groups/<id>/-/packages/npm/) only serves metadata; "
                    + "there is no publish route.",
            "npm error 404 Not Found - PUT https://gitlab.example.com/api/v4/groups/7/-/packages/npm/@scope%2fname",
            "Publish to the project URL: https://<host>/api/v4/projects/<project id>/packages/npm/"),
    GITLAB_INSTANCE_ENDPOINT_FOR_PUBLISH("gitlab-instance-endpoint-for-publish", Status.FAIL,
            "publishing to the GitLab instance-level URL",
            "GitLab's instance-level npm endpoint (/api/v4/packages/npm/) only serves metadata; there is no "
                    + "publish route (gitlab-org/gitlab#220985).",
            "npm error 404 Not Found - PUT https://gitlab.example.com/api/v4/packages/npm/@scope%2fname",
            "Publish to the project URL: https://<host>/api/v4/projects/<project id>/packages/npm/"),
    REGISTRY_HTTP_WITH_CREDENTIALS("registry-http-with-credentials", Status.WARN,
            "credentials sent over plain http://",
            "The registry URL uses http:// to a non-local host, so the token travels unencrypted.",
            "(no error: the token is readable by anyone on the network path)",
            "Use the https:// URL of the registry."),
    REGISTRY_URL_NO_TRAILING_SLASH("registry-url-no-trailing-slash", Status.WARN,
            "registry URL has a path but no trailing slash",
            "npm computes the credential key with new URL('.', registry), which drops the last path segment when "
                    + "the URL does not end in '/' (GitLab issue 295656).",
            "npm error code ENEEDAUTH / npm error need auth This command requires you to be logged in",
            "End the registry URL with '/'."),

    // --- credentials --------------------------------------------------------------------------------------------
    SETTINGS_SERVER_MISSING("settings-server-missing", Status.FAIL, "server id not found in settings.xml",
            "The plugin is configured to take credentials from a settings.xml <server> that does not exist in the "
                    + "settings Maven read (-s included); nothing is sent.",
            "(npm would go out without credentials) 401 Unauthorized / ENEEDAUTH",
            "Add <server><id>…</id><password>${env.NPM_TOKEN}</password></server> to ~/.m2/settings.xml, or fix "
                    + "<serverId>."),
    SETTINGS_SERVER_DECRYPT_FAILED("settings-server-decrypt-failed", Status.FAIL,
            "settings.xml password cannot be decrypted",
            "The server's password is encrypted ({…}) but Maven cannot decrypt it with settings-security.xml.",
            "[ERROR] Failed to decrypt password for server …",
            "Re-encrypt it with mvn --encrypt-password, or check ~/.m2/settings-security.xml."),
    SETTINGS_SERVER_VARIABLE_UNSET("settings-server-variable-unset", Status.FAIL,
            "settings.xml password is a variable that is not set",
            "The server's <password> is ${env.NPM_TOKEN} (or another ${...}) and the variable is not set where Maven "
                    + "runs, so Maven kept the text as written; nothing usable would be sent.",
            "[ERROR] Failed to decrypt password for server … (Maven takes the unresolved {…} for an encrypted value)",
            "Set the variable in the environment that runs Maven (in GitLab CI a masked CI/CD variable), or write the "
                    + "token into the <password>."),
    TOKEN_EMPTY("token-empty", Status.FAIL, "the token is empty",
            "A credential entry exists but its value is empty, often an environment variable that is not set in "
                    + "this job.",
            "npm error code E401 / 401 Unauthorized",
            "Set the variable that fills the token (e.g. NPM_TOKEN) in this environment."),
    TOKEN_KIND_MISMATCH("token-kind-mismatch", Status.FAIL, "the token does not belong to this registry",
            "The token's prefix shows it was issued by another service (a GitLab token sent to npmjs, or an npm "
                    + "token sent to GitLab); the registry will reject it.",
            "npm error code E401 / 401 Unauthorized - PUT …",
            "Use a token issued by the registry the package is published to."),
    TOKEN_SCOPES_UNKNOWN("token-scopes-unknown", Status.WARN,
            "token scopes cannot be read for this token kind",
            "Only personal, group and project access tokens can report their scopes; a deploy token needs "
                    + "write_package_registry to publish, a job token needs the pipeline user's Developer role.",
            "403 Forbidden - PUT … when the scope or role is missing",
            "Make sure the deploy token has write_package_registry (or use a project access token with api)."),
    NPMRC_AUTH_NOT_NERF_DARTED("npmrc-auth-not-nerf-darted", Status.FAIL, ".npmrc has a credential without a registry",
            "npm 9 and later reject _authToken, _auth, username and _password that are not prefixed with "
                    + "//host/path/.",
            "npm error code ERR_INVALID_AUTH / must be renamed to \"//registry.npmjs.org/:_authToken\"",
            "Prefix the key with the registry: //host/path/:_authToken=${NPM_TOKEN}"),
    NPMRC_AUTH_MISSING("npmrc-auth-missing", Status.FAIL, "no credentials for the publish registry",
            "Neither settings.xml, the environment nor any .npmrc line provides credentials for the registry publish "
                    + "uses (an .npmrc line that almost matches is named in the evidence).",
            "npm error code ENEEDAUTH / npm error need auth This command requires you to be logged in to …",
            "Add //host/path/:_authToken=${NPM_TOKEN} to .npmrc (or configure <serverId> in the plugin)."),
    NPMRC_AUTH_REGISTRY_NO_TRAILING_SLASH("npmrc-auth-registry-no-trailing-slash", Status.WARN,
            "registry URL lacks the trailing slash its auth line has",
            "The auth line is for …/npm/ but the registry is …/npm; npm looks credentials up for …/ minus the last "
                    + "segment and finds none (GitLab issue 295656). This plugin adds the slash and publishes; npm "
                    + "publish and other npm tools with this .npmrc stop with ENEEDAUTH.",
            "npm error code ENEEDAUTH",
            "Add the trailing slash to the registry URL."),
    NPMRC_AUTH_KEY_NO_TRAILING_SLASH("npmrc-auth-key-no-trailing-slash", Status.WARN,
            "auth line lacks the trailing slash before ':'",
            "npm looks up exactly //host/path/:_authToken; a key written //host/path:_authToken never matches. This "
                    + "plugin has other credentials and publishes; npm and other npm tools with this .npmrc stop with "
                    + "ENEEDAUTH.",
            "npm error code ENEEDAUTH",
            "Write the key with '/' before the colon: //host/path/:_authToken=…"),
    NPMRC_AUTH_OTHER_PATH("npmrc-auth-other-path", Status.WARN, "auth line is for another registry path",
            "The host matches but the auth line names another path (e.g. another project id), so npm sends no "
                    + "credentials. This plugin has other credentials and publishes; npm with this .npmrc stops with "
                    + "ENEEDAUTH.",
            "npm error code ENEEDAUTH / 404 Not Found",
            "Make the auth key's path equal to the registry path."),
    NPMRC_AUTH_HOST_ONLY("npmrc-auth-host-only", Status.WARN, "auth line covers only the host",
            "npm's publish looks up credentials for the exact registry path, with no walk up to the host; a "
                    + "//host/:_authToken line works for install but not for publish. This plugin finds the token and "
                    + "publishes; npm publish with this .npmrc stops with ENEEDAUTH.",
            "npm error code ENEEDAUTH (while npm install works)",
            "Key the token by the full registry path: //host/path/:_authToken=…"),
    NPMRC_AUTH_DEFAULT_PORT("npmrc-auth-default-port", Status.WARN, "auth line has the default port in its key",
            "The key names :443 or :80 but the registry URL omits the default port, so the keys differ "
                    + "(lerna/lerna#2873). This plugin has other credentials and publishes; npm with this .npmrc "
                    + "stops with ENEEDAUTH.",
            "npm error code ENEEDAUTH / 404 Not Found",
            "Remove the port from the auth key (or add it to the registry URL)."),
    NPMRC_VARIABLE_UNRESOLVED("npmrc-variable-unresolved", Status.FAIL, ".npmrc uses a variable that is not set",
            "A ${VAR} in .npmrc is not set in the environment, so npm keeps it literally (and sends it as the "
                    + "token).",
            "Failed to replace env in config: ${NPM_TOKEN} / 401 Unauthorized",
            "Set the variable in this environment (CI/CD variable or export), or write ${VAR?} to allow it empty."),
    NPMRC_VARIABLE_UNRESOLVED_UNUSED("npmrc-variable-unresolved-unused", Status.WARN,
            ".npmrc uses a variable that is not set (the publish does not need it)",
            "An auth line in .npmrc refers to a ${VAR} that is not set here. This plugin publishes with credentials "
                    + "from elsewhere (settings.xml, the environment), so the release is not affected, but npm run in "
                    + "this environment (npm install, npm publish) would send the literal text and fail.",
            "Failed to replace env in config: ${NPM_TOKEN} (from npm, not from the plugin)",
            "Set the variable where npm runs (CI/CD variable or export), or drop tokensFromEnvironment if the file "
                    + "is only for this build."),

    // --- network ------------------------------------------------------------------------------------------------
    DNS_FAILED("dns-failed", Status.FAIL, "registry host name does not resolve",
            "The registry host cannot be resolved by DNS.",
            "npm error code ENOTFOUND / getaddrinfo ENOTFOUND gitlab.example.com",
            "Check the host name in the registry URL, or configure the proxy in settings.xml."),
    TCP_FAILED("tcp-failed", Status.FAIL, "cannot connect to the registry",
            "The TCP connection to the registry (or the proxy) was refused or timed out.",
            "npm error code ECONNREFUSED / ETIMEDOUT",
            "Check host and port, firewall rules, or the <proxy> in settings.xml."),
    TLS_UNTRUSTED_CERTIFICATE("tls-untrusted-certificate", Status.FAIL, "the registry's certificate is not trusted",
            "The server's certificate chain does not end at a CA in the Java trust store (self-signed or internal "
                    + "CA, or a TLS-inspecting proxy).",
            "npm error code SELF_SIGNED_CERT_IN_CHAIN / UNABLE_TO_GET_ISSUER_CERT_LOCALLY; "
                    + "Java: PKIX path building failed",
            "Give the CA certificate as a PEM file: -Dnpmreg.caFile=ca.pem (npm: cafile=ca.pem in .npmrc), or "
                    + "import it into the JVM trust store: keytool -importcert -alias registry-ca -file ca.pem "
                    + "-cacerts."),
    TLS_HOSTNAME_MISMATCH("tls-hostname-mismatch", Status.FAIL, "certificate does not match the host name",
            "The certificate is issued for another name than the registry host.",
            "npm error code ERR_TLS_CERT_ALTNAME_INVALID / Java: No subject alternative names matching",
            "Use the host name the certificate was issued for in the registry URL."),
    TLS_FAILED("tls-failed", Status.FAIL, "TLS handshake failed",
            "The TLS handshake failed for a reason other than trust (protocol or cipher mismatch, or a "
                    + "non-TLS port).",
            "npm error code EPROTO",
            "Check that the URL's port speaks HTTPS, or use http:// for a plain-HTTP registry."),

    // --- authentication and rights --------------------------------------------------------------------------------
    TOKEN_REJECTED("token-rejected", Status.FAIL, "the registry rejects the credentials",
            "The registry answered 401 to the credentials that were sent: the token is invalid or revoked.",
            "npm error code E401 / 401 Unauthorized - GET … - invalid_token",
            "Create a new token and store it where the plugin reads it (settings.xml server or NPM_TOKEN)."),
    NOT_AUTHENTICATED("not-authenticated", Status.FAIL, "the registry does not know this user",
            "/-/whoami answered without a username. Verdaccio answers {} (200) for a bad or missing token, which "
                    + "npm turns into ENEEDAUTH.",
            "npm error code ENEEDAUTH / npm whoami: This command requires you to be logged in",
            "Get a new token for this registry (its web UI, or npm login, which writes one to ~/.npmrc) and store it "
                    + "where the plugin reads it (settings.xml server or NPM_TOKEN)."),
    REGISTRY_PING_FAILED("registry-ping-failed", Status.WARN, "registry does not answer /-/ping",
            "The URL answers but not like an npm registry (wrong path, or a proxy in between).",
            "npm error code E404 / npm ping: 404 Not Found - GET …/-/ping",
            "Check the registry URL."),
    ACCESS_FORBIDDEN("access-forbidden", Status.FAIL, "the credentials may not access this registry path",
            "The registry answered 403: the token's scope or the user's role is too low, the package registry is "
                    + "turned off, or a job token is blocked by the allowlist.",
            "npm error code E403 / 403 Forbidden - GET …",
            "Use a token with publish rights (GitLab: api scope and Developer role)."),
    GITLAB_PROJECT_NOT_FOUND("gitlab-project-not-found", Status.FAIL, "GitLab project not found",
            "GitLab answered 404 for the project: the id is wrong, or the token's user cannot see the project "
                    + "(GitLab hides projects it will not show).",
            "npm error code E404 / 404 Not Found - PUT https://…/api/v4/projects/42/packages/npm/…",
            "Use the numeric project id from the project's overview page, and a token of a member."),
    GITLAB_TOKEN_READ_ONLY("gitlab-token-read-only", Status.FAIL, "the GitLab token cannot publish",
            "The token's scopes allow reads only (read_api or read_registry); publishing needs the api scope.",
            "npm error code E403 / 403 Forbidden - PUT … - insufficient_scope",
            "Create a token with the api scope."),
    GITLAB_TOKEN_EXPIRED("gitlab-token-expired", Status.FAIL, "the GitLab token has expired",
            "GitLab answers 401 invalid_token \"Token is expired\" (or the token's expires_at is in the past).",
            "npm error code E401 / 401 - invalid_token Token is expired",
            "Create a new token and replace the old one."),
    GITLAB_TOKEN_EXPIRES_SOON("gitlab-token-expires-soon", Status.WARN, "the GitLab token expires soon",
            "The token expires within 7 days; publishing will stop working then.",
            "(later) 401 - invalid_token Token is expired",
            "Rotate the token before it expires."),

    // --- publishing state ---------------------------------------------------------------------------------------
    VERSION_EXISTS("version-exists", Status.FAIL, "this version is already published",
            "Registries never accept the same version twice.",
            "npmjs 403 You cannot publish over the previously published versions / Verdaccio 409 this package is "
                    + "already present / GitLab 403 Package already exists.",
            "Raise the version where it is set: the POM's <version> when the plugin's version parameter is "
                    + "${project.version}, else \"version\" in package.json; or set npmreg.skipExisting=true to skip "
                    + "versions that exist (release reruns)."),
    DIST_TAG_BACKWARDS("dist-tag-backwards", Status.FAIL, "the dist-tag would move backwards",
            "The tag already points at a higher version; publishing would move it back and users installing "
                    + "the tag would get an older release.",
            "(no error: npm install pkg@latest then installs the older version)",
            "Publish the backport under another tag: <tag>latest-1</tag>; or name the tag to move it back on purpose "
                    + "(<tag>latest</tag>), as npm publish --tag latest does."),
    GITLAB_METADATA_REDIRECTED("gitlab-metadata-redirected", Status.WARN,
            "GitLab forwarded the metadata request to npmjs",
            "GitLab found no package with this name at this endpoint and redirected to the public registry. "
                    + "Before the first publish that is expected; after it, the scope or endpoint is wrong, "
                    + "and the forwarding hides it.",
            "npm error 404 '@scope/name@1.0.0' is not in this registry (from registry.npmjs.org)",
            "If the package was published before: check the project id in the URL and the scope of \"name\"."),
    GITLAB_SCOPE_NOT_ROOT_NAMESPACE("gitlab-scope-not-root-namespace", Status.WARN,
            "scope differs from the GitLab root namespace",
            "Installing through GitLab's instance-level endpoint finds a package only when its scope equals the "
                    + "project's top-level namespace (MR !54554). Project-level installs still work.",
            "npm error 404 Not Found - GET https://gitlab.example.com/api/v4/packages/npm/@scope%2fname",
            "Rename the package to @<root namespace>/name, or install from the project-level URL."),

    // --- release model and GitLab project (issue #8) -----------------------------------------------------------
    DIST_TAG_INVALID("dist-tag-invalid", Status.FAIL, "the dist-tag reads as a version or range",
            "npm refuses dist-tags that are valid SemVer ranges (1.x, v2, 1.0.0), because installs could not tell the "
                    + "tag from a version.",
            "npm error Tag name must not be a valid SemVer range: 1.x",
            "Use a word: <tag>next</tag>, <tag>beta</tag> or <tag>v1-latest</tag>."),
    ACCESS_INVALID("access-invalid", Status.FAIL, "access is not usable for this package",
            "access must be public or restricted (private means restricted), and only scoped packages can be "
                    + "restricted (npm's EUNSCOPED).",
            "npm error code EUNSCOPED / Can't restrict access to unscoped packages.",
            "Set <access>public</access>, or publish under a scope (@yourorg/name)."),
    GITLAB_PROJECT_UNREADABLE("gitlab-project-unreadable", Status.WARN,
            "cannot check the GitLab project (root namespace, protection rules)",
            "GET /api/v4/projects/:id was refused for these credentials (deploy tokens and job tokens cannot read the "
                    + "projects API), so the scope-versus-root-namespace rule and the package protection rules "
                    + "cannot be checked before the upload.",
            "(later) 404 on instance-level installs / 403 Package protected.",
            "Nothing to do if the scope is the project's top-level group and the name is not protected; a token with "
                    + "read_api lets verify check both."),
    GITLAB_PACKAGE_PROTECTED("gitlab-package-protected", Status.FAIL,
            "the package name is protected against these credentials",
            "A package protection rule of the project (GitLab 17.6+) matches the name and needs a higher role to push "
                    + "than the token's user has; deploy tokens cannot push protected packages at all.",
            "403 Forbidden - PUT … - {\"message\":\"Package protected.\"}",
            "Publish with a token of a user who has the role the rule names (Settings > Packages and registries > "
                    + "Protected packages), or change the rule."),

    // --- CI -----------------------------------------------------------------------------------------------------
    CI_VARIABLE_MISSING("ci-variable-missing", Status.FAIL, "GitLab CI variables missing or inconsistent",
            "GITLAB_CI is set but a predefined variable the publish needs (CI_API_V4_URL, CI_PROJECT_ID, "
                    + "CI_JOB_TOKEN) is missing, or two of them disagree (CI_API_V4_URL vs CI_SERVER_HOST), usually "
                    + "because .gitlab-ci.yml overrides them.",
            "npm error code ENEEDAUTH / Failed to replace env in config: ${CI_JOB_TOKEN}",
            "Run the job in a pipeline that defines the variable (tag pipeline: rules: - if: $CI_COMMIT_TAG)."),
    CI_REGISTRY_OTHER_SERVER("ci-registry-other-server", Status.FAIL, "job token sent to another GitLab",
            "CI_JOB_TOKEN is valid only on the GitLab that runs the job, but the registry is on another host.",
            "npm error code E401 / 401 Unauthorized",
            "Use ${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/npm/ as the registry, or a token of the "
                    + "other server."),
    CI_JOB_TOKEN_OTHER_PROJECT("ci-job-token-other-project", Status.WARN,
            "job token publishes to another project",
            "The job token publishes as the pipeline user to a project other than CI_PROJECT_ID; that project's "
                    + "job-token allowlist must include this one (enforced since GitLab 18.0).",
            "npm error code E403 / E404",
            "Add this project to the target's CI/CD > Job token permissions allowlist, or publish to "
                    + "${CI_PROJECT_ID}."),
    RELEASE_TAG_MISSING("release-tag-missing", Status.FAIL, "requireTag is set but the build runs for no tag",
            "The plugin is configured to publish only from a git tag naming the version, and neither CI_COMMIT_TAG is "
                    + "set nor does a tag point at HEAD of the checkout.",
            "(plugin refuses to publish)",
            "Run publish in a tag pipeline (rules: - if: $CI_COMMIT_TAG) or tag the commit (git tag v<version>), or "
                    + "set <requireTag>false</requireTag>."),
    RELEASE_TAG_VERSION_MISMATCH("release-tag-version-mismatch", Status.FAIL,
            "the git tag does not match the version to publish",
            "The tag of this build (CI_COMMIT_TAG, else the tags at HEAD) names another version than the one publish "
                    + "would publish (the POM's version when the plugin's version parameter is set, else package.json's), "
                    + "so the release would publish the wrong version.",
            "(plugin refuses to publish)",
            "Tag the commit v<version>, or set the version where it lives (the POM or package.json) to the tag's."),
    ID_TOKEN_MISSING("id-token-missing", Status.FAIL, "trusted publishing without NPM_ID_TOKEN",
            "Trusted publishing needs an OIDC ID token in NPM_ID_TOKEN, declared with id_tokens on the job.",
            "npm error code ENEEDAUTH (npm silently falls back after a failed exchange)",
            "Add to the job: id_tokens: { NPM_ID_TOKEN: { aud: \"npm:registry.npmjs.org\" } }"),
    ID_TOKEN_UNREADABLE("id-token-unreadable", Status.FAIL, "NPM_ID_TOKEN is not a JWT",
            "NPM_ID_TOKEN does not have the header.payload.signature form of a JWT, or its payload is not JSON.",
            "npm error code ENEEDAUTH",
            "Declare NPM_ID_TOKEN with id_tokens on the job; do not set it as a CI/CD variable."),
    ID_TOKEN_AUDIENCE_MISMATCH("id-token-audience-mismatch", Status.FAIL, "the ID token has the wrong audience",
            "npm exchanges the ID token only when its aud is npm:<registry host>.",
            "404 Not Found - POST …/-/npm/v1/oidc/token/exchange/package/… then ENEEDAUTH",
            "Set id_tokens: { NPM_ID_TOKEN: { aud: \"npm:<registry host>\" } }"),
    ID_TOKEN_EXPIRED("id-token-expired", Status.FAIL, "the ID token has expired",
            "ID tokens expire with the job timeout (5 minutes when none is set); the exchange fails after that.",
            "401 - POST …/-/npm/v1/oidc/token/exchange/… then ENEEDAUTH",
            "Publish earlier in the job, or give the job a timeout long enough for the build."),
    ID_TOKEN_SELF_HOSTED_RUNNER("id-token-self-hosted-runner", Status.FAIL,
            "trusted publishing from a self-hosted runner",
            "npm accepts GitLab ID tokens only from GitLab.com shared runners (runner_environment gitlab-hosted).",
            "404 … package not found - POST …/-/npm/v1/oidc/token/exchange/… then ENEEDAUTH",
            "Run the publish job on a GitLab.com shared runner, or publish with a granular npm token."),
    SIGSTORE_ID_TOKEN_MISSING("sigstore-id-token-missing", Status.FAIL, "provenance without SIGSTORE_ID_TOKEN",
            "Provenance on GitLab needs an ID token with audience sigstore in SIGSTORE_ID_TOKEN.",
            "Provenance generation in GitLab CI requires \"SIGSTORE_ID_TOKEN\" with \"sigstore\" audience",
            "Add to the job: id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }"),

    // --- provenance (npm's rules, libnpmpublish; npmjs.org's checks of a provenance bundle) --------------------
    PROVENANCE_NOT_GITLAB_CI("provenance-not-gitlab-ci", Status.FAIL, "provenance outside GitLab CI",
            "provenance=true signs a statement about a GitLab CI job (its project, commit and pipeline), and this"
                    + " build does not run in one (GITLAB_CI is unset).",
            "npm error code EUSAGE / Automatic provenance generation not supported for provider: null",
            "Publish from a GitLab CI job, or set <provenance>auto</provenance> (npm's default) or false."),
    SIGSTORE_ID_TOKEN_UNREADABLE("sigstore-id-token-unreadable", Status.FAIL, "SIGSTORE_ID_TOKEN is not a JWT",
            "SIGSTORE_ID_TOKEN does not have the header.payload.signature form of a JWT, or its payload is not JSON,"
                    + " so Fulcio cannot certify it.",
            "Error: error creating signing certificate - (400) There was an error processing the identity token",
            "Declare SIGSTORE_ID_TOKEN with id_tokens on the job; do not set it as a CI/CD variable."),
    SIGSTORE_ID_TOKEN_AUDIENCE_MISMATCH("sigstore-id-token-audience-mismatch", Status.FAIL,
            "SIGSTORE_ID_TOKEN has the wrong audience",
            "The public Fulcio issues signing certificates only for ID tokens with aud sigstore.",
            "Error: error creating signing certificate - (401) There was an error processing the identity token",
            "Set id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } } on the publish job."),
    SIGSTORE_ID_TOKEN_EXPIRED("sigstore-id-token-expired", Status.FAIL, "SIGSTORE_ID_TOKEN has expired",
            "ID tokens expire with the job timeout (5 minutes when none is set); Fulcio refuses an expired one.",
            "Error: error creating signing certificate - (401) There was an error processing the identity token",
            "Publish earlier in the job, or give the job a timeout long enough for the build."),
    PROVENANCE_SELF_HOSTED_RUNNER("provenance-self-hosted-runner", Status.FAIL,
            "provenance from a self-hosted runner",
            "npmjs.org accepts GitLab provenance only from GitLab.com's hosted runners (ID token claim"
                    + " runner_environment gitlab-hosted); a warning for other registries.",
            "npm error code E422 - PUT https://registry.npmjs.org/… - Error verifying sigstore provenance bundle",
            "Run the publish job on a GitLab.com hosted runner, or set <provenance>false</provenance>."),
    PROVENANCE_NOT_GITLAB_COM("provenance-not-gitlab-com", Status.FAIL, "provenance from another GitLab than gitlab.com",
            "npmjs.org accepts GitLab provenance only from https://gitlab.com; a warning for other registries.",
            "npm error code E422 - PUT https://registry.npmjs.org/… - Error verifying sigstore provenance bundle",
            "Publish with provenance from a gitlab.com project, or set <provenance>false</provenance>."),
    PROVENANCE_REPOSITORY_MISSING("provenance-repository-missing", Status.FAIL,
            "package.json has no repository.url for provenance",
            "npmjs.org compares package.json repository.url with the repository the provenance names, and an empty"
                    + " one never matches; a warning for other registries.",
            "npm error code E422 - Failed to validate repository information: package.json: \"repository.url\" is"
                    + " \"\", expected to match \"https://gitlab.com/…\" from provenance",
            "Set \"repository\": { \"type\": \"git\", \"url\": \"git+<CI_PROJECT_URL>.git\" } in package.json."),
    PROVENANCE_REPOSITORY_MISMATCH("provenance-repository-mismatch", Status.FAIL,
            "repository.url is not the project that builds the package",
            "npmjs.org refuses provenance whose source repository (CI_PROJECT_URL) is not package.json's"
                    + " repository.url; a warning for other registries.",
            "npm error code E422 - Failed to validate repository information: package.json: \"repository.url\" is"
                    + " \"…\", expected to match \"https://gitlab.com/…\" from provenance",
            "Set repository.url in package.json to git+<CI_PROJECT_URL>.git, or publish from that project."),
    PROVENANCE_PRIVATE_PACKAGE("provenance-private-package", Status.FAIL, "provenance for a new or private package",
            "npm signs provenance only for public packages: one the registry does not know yet, or knows as"
                    + " private, needs access public.",
            "npm error Can't generate provenance for new or private package, you must set `access` to public.",
            "Set <access>public</access> (or publishConfig.access \"public\")."),

    // --- the doctor itself --------------------------------------------------------------------------------------
    CHECK_CRASHED("check-crashed", Status.FAIL, "a check could not run",
            "The check threw an unexpected exception: a bug in npmreg-maven-plugin, not in your setup.",
            "(none: this comes from the plugin)",
            "Report it with the evidence; -Dnpmreg.offline=true skips the network checks meanwhile.");

    private final String id;
    private final Status status;
    private final String title;
    private final String cause;
    private final String typicalError;
    private final String fix;

    FindingKind(String id, Status status, String title, String cause, String typicalError, String fix) {
        this.id = id;
        this.status = status;
        this.title = title;
        this.cause = cause;
        this.typicalError = typicalError;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    /**
     * The premises a finding of this kind makes false: the consequences the doctor then skips. A check may add or
     * replace them for one finding (a missing CI_JOB_TOKEN falsifies the credentials, a missing CI_PROJECT_ID the
     * registry).
     */
    public java.util.Set<Premise> falsifies() {
        return switch (this) {
            case REGISTRY_URL_INVALID, REGISTRY_URL_CREDENTIALS, REGISTRY_ANSWER_NOT_NPM, SCOPE_REGISTRY_MISSING, PUBLISH_CONFIG_REGISTRY_OVERRIDDEN,
                    GITLAB_GROUP_ENDPOINT_FOR_PUBLISH, GITLAB_INSTANCE_ENDPOINT_FOR_PUBLISH -> java.util.Set.of(Premise.REGISTRY);
            case SETTINGS_SERVER_MISSING, SETTINGS_SERVER_DECRYPT_FAILED, SETTINGS_SERVER_VARIABLE_UNSET, TOKEN_EMPTY, TOKEN_KIND_MISMATCH,
                    NPMRC_AUTH_MISSING, CI_REGISTRY_OTHER_SERVER, ID_TOKEN_MISSING, ID_TOKEN_UNREADABLE,
                    ID_TOKEN_AUDIENCE_MISMATCH, ID_TOKEN_EXPIRED, ID_TOKEN_SELF_HOSTED_RUNNER -> java.util.Set.of(Premise.CREDENTIALS);
            case DNS_FAILED, TCP_FAILED, TLS_UNTRUSTED_CERTIFICATE, TLS_HOSTNAME_MISMATCH, TLS_FAILED -> java.util.Set.of(Premise.NETWORK);
            case TOKEN_REJECTED, NOT_AUTHENTICATED, GITLAB_TOKEN_EXPIRED, GITLAB_PROJECT_NOT_FOUND,
                    GITLAB_TOKEN_READ_ONLY -> java.util.Set.of(Premise.AUTHENTICATION);
            default -> java.util.Set.of();
        };
    }

    /** How bad a finding of this kind is: {@link Status#FAIL} fails the build, {@link Status#WARN} does not. */
    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String cause() {
        return cause;
    }

    /** An example of what users see from npm or the registry when they hit this. */
    public String typicalError() {
        return typicalError;
    }

    /** The generic fix; a finding carries the exact line or setting for the project at hand. */
    public String fix() {
        return fix;
    }
}
