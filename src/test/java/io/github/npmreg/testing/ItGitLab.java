package io.github.npmreg.testing;

/**
 * The {@link GitLabNpmServer} of one invoker IT: {@code setup.groovy} starts it on the port the build reserved
 * ({@code itGitLabPort}, also in the IT's environment variables via invoker.properties) and {@code verify.groovy}
 * inspects and stops it. Both scripts run in the invoker's JVM with one class loader, so a static field carries the
 * running server from one script to the other while the IT's own Maven process talks to it over HTTP.
 */
public final class ItGitLab {
    private static GitLabNpmServer current;

    private ItGitLab() {}

    /** Starts a fresh server on {@code port} (stopping a previous IT's one that was left running). */
    public static synchronized GitLabNpmServer start(Object port) {
        stop();
        current = GitLabNpmServer.start(Integer.parseInt(String.valueOf(port)));
        return current;
    }

    public static synchronized GitLabNpmServer current() {
        if (current == null) {
            throw new IllegalStateException("no GitLabNpmServer is running: setup.groovy did not start one");
        }
        return current;
    }

    public static synchronized void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
