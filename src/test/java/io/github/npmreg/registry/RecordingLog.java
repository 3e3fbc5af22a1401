package io.github.npmreg.registry;

import io.github.npmreg.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects log lines for assertions. */
public final class RecordingLog implements BuildLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public String all() {
        return String.join("\n", lines);
    }
}
