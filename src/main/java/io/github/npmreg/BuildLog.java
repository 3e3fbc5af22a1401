package io.github.npmreg;

/**
 * Where the core reports progress. The Maven adapter forwards to Maven's log; tests collect lines. Callers never
 * pass secrets here, and the Maven adapter redacts known secrets once more as a second line of defence.
 */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything, for callers that do not report progress. */
    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
