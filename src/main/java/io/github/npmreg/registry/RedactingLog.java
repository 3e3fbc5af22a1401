package io.github.npmreg.registry;

import io.github.npmreg.BuildLog;
import io.github.npmreg.auth.Redaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A {@link BuildLog} that replaces every known secret before a line reaches the real log. */
final class RedactingLog implements BuildLog {
    private final BuildLog delegate;
    private final List<String> secrets;

    RedactingLog(BuildLog delegate, Collection<String> secrets) {
        this.delegate = delegate;
        this.secrets = new ArrayList<>(secrets);
    }

    @Override
    public void info(String message) {
        delegate.info(Redaction.redact(message, secrets));
    }

    @Override
    public void warn(String message) {
        delegate.warn(Redaction.redact(message, secrets));
    }

    @Override
    public void debug(String message) {
        delegate.debug(Redaction.redact(message, secrets));
    }
}
