package io.github.npmreg.doctor;

/**
 * What a check needs. {@code -Dnpmreg.offline=true} and {@code mvn -o} run only {@link #LOCAL}; every check the
 * doctor has is read-only, so {@code publish} runs all three categories as its preflight.
 */
public enum Category {
    /** Files, settings and environment only: no socket is opened. */
    LOCAL,
    /** DNS, TCP, TLS and the proxy: connects, sends no credentials. */
    NETWORK,
    /** Read-only HTTP requests that carry the credentials (GET only; never a write). */
    READ_ONLY_AUTH
}
