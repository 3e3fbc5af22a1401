package io.github.npmreg.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The provenance statement npm signs in GitLab CI (libnpmpublish {@code generateProvenance}, the {@code ci.GITLAB}
 * branch): in-toto Statement v0.1 with a SLSA v0.2 predicate, built from the job's variables. Key order, the
 * variables listed and the rendering of unset ones follow npm: a variable npm copies as a value is left out when
 * unset (JSON.stringify drops {@code undefined}), one npm puts into a template string reads {@code undefined}.
 */
public final class GitLabStatement {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v0.1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v0.2";
    public static final String BUILD_TYPE = "https://github.com/npm/cli/gitlab/v0alpha1";

    /** {@code invocation.parameters}, in npm's order. */
    static final List<String> PARAMETERS = List.of("CI", "CI_API_GRAPHQL_URL", "CI_API_V4_URL",
            "CI_BUILD_BEFORE_SHA", "CI_BUILD_ID", "CI_BUILD_NAME", "CI_BUILD_REF", "CI_BUILD_REF_NAME",
            "CI_BUILD_REF_SLUG", "CI_BUILD_STAGE", "CI_COMMIT_BEFORE_SHA", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME",
            "CI_COMMIT_REF_PROTECTED", "CI_COMMIT_REF_SLUG", "CI_COMMIT_SHA", "CI_COMMIT_SHORT_SHA",
            "CI_COMMIT_TIMESTAMP", "CI_COMMIT_TITLE", "CI_CONFIG_PATH", "CI_DEFAULT_BRANCH",
            "CI_DEPENDENCY_PROXY_DIRECT_GROUP_IMAGE_PREFIX", "CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX",
            "CI_DEPENDENCY_PROXY_SERVER", "CI_DEPENDENCY_PROXY_USER", "CI_JOB_ID", "CI_JOB_NAME", "CI_JOB_NAME_SLUG",
            "CI_JOB_STAGE", "CI_JOB_STARTED_AT", "CI_JOB_URL", "CI_NODE_TOTAL", "CI_PAGES_DOMAIN", "CI_PAGES_URL",
            "CI_PIPELINE_CREATED_AT", "CI_PIPELINE_ID", "CI_PIPELINE_IID", "CI_PIPELINE_SOURCE", "CI_PIPELINE_URL",
            "CI_PROJECT_CLASSIFICATION_LABEL", "CI_PROJECT_DESCRIPTION", "CI_PROJECT_ID", "CI_PROJECT_NAME",
            "CI_PROJECT_NAMESPACE", "CI_PROJECT_NAMESPACE_ID", "CI_PROJECT_PATH", "CI_PROJECT_PATH_SLUG",
            "CI_PROJECT_REPOSITORY_LANGUAGES", "CI_PROJECT_ROOT_NAMESPACE", "CI_PROJECT_TITLE", "CI_PROJECT_URL",
            "CI_PROJECT_VISIBILITY", "CI_REGISTRY", "CI_REGISTRY_IMAGE", "CI_REGISTRY_USER", "CI_RUNNER_DESCRIPTION",
            "CI_RUNNER_ID", "CI_RUNNER_TAGS", "CI_SERVER_HOST", "CI_SERVER_NAME", "CI_SERVER_PORT",
            "CI_SERVER_PROTOCOL", "CI_SERVER_REVISION", "CI_SERVER_SHELL_SSH_HOST", "CI_SERVER_SHELL_SSH_PORT",
            "CI_SERVER_URL", "CI_SERVER_VERSION", "CI_SERVER_VERSION_MAJOR", "CI_SERVER_VERSION_MINOR",
            "CI_SERVER_VERSION_PATCH", "CI_TEMPLATE_REGISTRY_HOST", "GITLAB_CI", "GITLAB_FEATURES", "GITLAB_USER_ID",
            "GITLAB_USER_LOGIN", "RUNNER_GENERATE_ARTIFACTS_METADATA");

    /** JSON.stringify's escaping: short escapes where JSON has them, lower-case hex escapes for the other control characters. */
    private static final JsonMapper STRINGIFY = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();

    private GitLabStatement() {}

    /** The statement for {@code subjects}, from the job's environment. */
    public static ObjectNode build(List<Subject> subjects, Map<String, String> env) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode statement = f.objectNode();
        statement.put("_type", STATEMENT_TYPE);
        var subjectArray = statement.putArray("subject");
        for (Subject s : subjects) {
            ObjectNode node = subjectArray.addObject();
            node.put("name", s.name());
            node.putObject("digest").put("sha512", s.sha512Hex());
        }
        statement.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = statement.putObject("predicate");
        predicate.put("buildType", BUILD_TYPE);
        predicate.putObject("builder").put("id", template(env, "CI_PROJECT_URL") + "/-/runners/"
                + template(env, "CI_RUNNER_ID"));
        ObjectNode invocation = predicate.putObject("invocation");
        ObjectNode configSource = invocation.putObject("configSource");
        configSource.put("uri", "git+" + template(env, "CI_PROJECT_URL"));
        value(configSource.putObject("digest"), "sha1", env, "CI_COMMIT_SHA");
        value(configSource, "entryPoint", env, "CI_JOB_NAME");
        ObjectNode parameters = invocation.putObject("parameters");
        for (String name : PARAMETERS) {
            value(parameters, name, env, name);
        }
        ObjectNode environment = invocation.putObject("environment");
        value(environment, "name", env, "CI_RUNNER_DESCRIPTION");
        value(environment, "architecture", env, "CI_RUNNER_EXECUTABLE_ARCH");
        value(environment, "server", env, "CI_SERVER_URL");
        value(environment, "project", env, "CI_PROJECT_PATH");
        value(environment.putObject("job"), "id", env, "CI_JOB_ID");
        ObjectNode pipeline = environment.putObject("pipeline");
        value(pipeline, "id", env, "CI_PIPELINE_ID");
        value(pipeline, "ref", env, "CI_CONFIG_PATH");
        ObjectNode metadata = predicate.putObject("metadata");
        metadata.put("buildInvocationId", template(env, "CI_JOB_URL"));
        ObjectNode completeness = metadata.putObject("completeness");
        completeness.put("parameters", true);
        completeness.put("environment", true);
        completeness.put("materials", false);
        metadata.put("reproducible", false);
        ObjectNode material = predicate.putArray("materials").addObject();
        material.put("uri", "git+" + template(env, "CI_PROJECT_URL"));
        value(material.putObject("digest"), "sha1", env, "CI_COMMIT_SHA");
        return statement;
    }

    /** {@code Buffer.from(JSON.stringify(statement))}: the bytes that are signed. */
    public static byte[] payload(ObjectNode statement) {
        try {
            return STRINGIFY.writeValueAsString(statement).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement for a person to read (dry run). */
    public static String pretty(ObjectNode statement) {
        return statement.toPrettyString();
    }

    /** A JavaScript template string's rendering of {@code env.NAME}: {@code undefined} when unset. */
    private static String template(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null ? "undefined" : v;
    }

    /** A plain property {@code key: env.NAME}: left out when unset, as JSON.stringify drops {@code undefined}. */
    private static void value(ObjectNode node, String key, Map<String, String> env, String name) {
        String v = env.get(name);
        if (v != null) {
            node.put(key, v);
        }
    }
}
