package io.github.npmreg.sigstore;

import io.github.npmreg.NpmregException;

/**
 * Fulcio or Rekor refused, answered something that is not theirs, or could not be reached. {@link #service()} and
 * {@link #status()} say which and how, so callers decide on values, not on the message.
 */
public final class SigstoreException extends NpmregException {
    /** The sigstore service that failed. */
    public enum Service {
        FULCIO("Fulcio", "the certificate authority"),
        REKOR("Rekor", "the transparency log");

        private final String title;
        private final String role;

        Service(String title, String role) {
            this.title = title;
            this.role = role;
        }

        public String title() {
            return title;
        }

        public String role() {
            return role;
        }
    }

    /** {@link #status()} when no HTTP answer came (connection refused, timeout, TLS failure). */
    public static final int NO_ANSWER = -1;

    private final Service service;
    private final int status;

    public SigstoreException(Service service, int status, String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
        this.service = service;
        this.status = status;
    }

    public Service service() {
        return service;
    }

    /** The HTTP status of the refusal, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }
}
