package io.github.npmreg.maven;

import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Redaction;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log on top of Maven's. The core never logs secrets; this adapter still redacts every secret it has
 * been told about, so a slip cannot reach the console, even at {@code -X}.
 */
final class MavenBuildLog implements BuildLog {
    private final Log log;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    MavenBuildLog(Log log) {
        this.log = log;
    }

    /** Registers secrets (tokens, passwords, Basic values) to be masked in every later line. */
    void redact(Iterable<String> values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
    }

    @Override
    public void info(String message) {
        log.info(clean(message));
    }

    @Override
    public void warn(String message) {
        log.warn(clean(message));
    }

    /** Maven's error level: what the build fails for, shown under {@code -q} too. */
    void error(String message) {
        log.error(clean(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(clean(message));
        }
    }

    String clean(String message) {
        return Redaction.redact(message, secrets);
    }
}
