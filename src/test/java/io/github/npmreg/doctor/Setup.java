package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.auth.Credentials;
import io.github.npmreg.doctor.DoctorContext.NpmrcLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builds the setups the tests break: a package directory with package.json, .npmrc lines and a fixed clock. */
final class Setup {
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    static final String GITLAB = "https://gitlab.example.com/api/v4/projects/42/packages/npm/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Setup() {}

    /** A context for {@code packageJson} in {@code dir} (written there), published to {@code registry}. */
    static DoctorContext.Builder of(Path dir, String packageJson, String registry) {
        try {
            Files.writeString(dir.resolve("package.json"), packageJson);
            return DoctorContext.builder()
                    .packageDirectory(dir)
                    .manifest((ObjectNode) JSON.readTree(packageJson))
                    .registry(registry, "the plugin's registry parameter")
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DoctorContext.Builder hello(Path dir, String registry) {
        return of(dir, "{\"name\":\"@acme/hello\",\"version\":\"1.0.0\"}", registry);
    }

    static NpmrcLine npmrc(Path dir, int line, String key, String value) {
        return new NpmrcLine(key, value, dir.resolve(".npmrc"), line);
    }

    static Credentials token(String token) {
        return new Credentials.Token(token, "settings.xml server 'npm'");
    }

    static Map<String, String> gitlabCi(String... extra) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of(
                "GITLAB_CI", "true",
                "CI_API_V4_URL", "https://gitlab.example.com/api/v4",
                "CI_SERVER_HOST", "gitlab.example.com",
                "CI_PROJECT_ID", "42",
                "CI_PROJECT_PATH", "acme/hello",
                "CI_PROJECT_ROOT_NAMESPACE", "acme",
                "CI_JOB_TOKEN", "glcbt-64_jobtokenjobtoken1234"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                env.remove(extra[i]);
            } else {
                env.put(extra[i], extra[i + 1]);
            }
        }
        return env;
    }

    /** The ids of the problems a check reported (passes and skips left out). */
    static List<String> problems(List<Finding> findings) {
        return findings.stream().filter(Finding::isProblem).map(Finding::id).toList();
    }

    static Finding only(List<Finding> findings) {
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding, got " + findings);
        }
        return findings.get(0);
    }
}
