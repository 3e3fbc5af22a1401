package io.github.npmreg;

import java.util.Objects;

/**
 * A problem the user can fix: what went wrong (naming the file, field, server id or URL) and how to fix it.
 * Mojos turn it into a {@code MojoFailureException}; {@code verify} shows the same cause and fix as a finding,
 * so a failed goal and the troubleshooter read the same.
 */
public class NpmregException extends RuntimeException {
    private final String problem;
    private final String fix;

    public NpmregException(String problem, String fix) {
        this(problem, fix, null);
    }

    public NpmregException(String problem, String fix, Throwable cause) {
        super(render(problem, fix), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = fix;
    }

    /** What is wrong, with the evidence. */
    public String problem() {
        return problem;
    }

    /** The exact change that fixes it, or {@code null} when there is nothing the user can change. */
    public String fix() {
        return fix;
    }

    private static String render(String problem, String fix) {
        return fix == null || fix.isBlank() ? problem : problem + System.lineSeparator() + "  Fix: " + fix;
    }
}
