package io.github.npmreg.testing;

import io.github.npmreg.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build log that keeps its lines ("INFO …", "WARN …", "DEBUG …") for assertions. */
public final class LinesLog implements BuildLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

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

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }
}
