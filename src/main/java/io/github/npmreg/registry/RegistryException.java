package io.github.npmreg.registry;

import io.github.npmreg.NpmregException;

/**
 * A registry answered with an error (or not at all): npm's error code ({@code E401}, {@code EOTP}, ...), the HTTP
 * status (0 when no answer came), what it means and how to fix it. Built by {@link RegistryDiagnosis}, so
 * {@code publish} failures and the doctor's findings read the same.
 */
public class RegistryException extends NpmregException {
    private final int status;
    private final String npmCode;

    public RegistryException(int status, String npmCode, String problem, String fix) {
        this(status, npmCode, problem, fix, null);
    }

    public RegistryException(int status, String npmCode, String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
        this.status = status;
        this.npmCode = npmCode;
    }

    /** The HTTP status, or 0 when the request got no answer. */
    public int status() {
        return status;
    }

    /** npm's code for the same failure: {@code E<status>}, {@code EOTP}, {@code EAUTHIP} or {@code ECONNECTION}. */
    public String npmCode() {
        return npmCode;
    }
}
