package io.github.npmreg.doctor;

/** The outcome of one finding. Only {@link #FAIL} fails the build; {@link #WARN} is shown and tolerated. */
public enum Status {
    PASS,
    WARN,
    FAIL,
    SKIPPED;

    /** The tag shown at the start of a report line. */
    public String tag() {
        return this == SKIPPED ? "[SKIP]" : "[" + name() + "]";
    }
}
