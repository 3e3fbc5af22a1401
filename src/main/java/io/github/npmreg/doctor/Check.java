package io.github.npmreg.doctor;

import java.util.List;
import java.util.Set;

/**
 * One troubleshooting check. It reads the {@link DoctorContext} only, never throws for a broken setup (a broken
 * setup is what it reports), and returns at least one finding: a pass, a skip or the problems it found.
 */
public interface Check {
    /** Stable kebab-case id, used for a pass or skip finding, e.g. {@code package-manifest}. */
    String id();

    /** What is checked, shown on the report line, e.g. {@code package.json}. */
    String title();

    Category category();

    /** The facts this check builds on: when an earlier finding made one false, the check is skipped. */
    default Set<Premise> needs() {
        return Set.of();
    }

    List<Finding> run(DoctorContext context);

    /**
     * The GETs {@link #run(DoctorContext)} will send with the context's credentials, when they are known before it
     * runs (none by default). The doctor sends these of all checks still to run at once, so a preflight waits for
     * one round trip instead of one per request; {@code run} then gets the same answers through the network.
     */
    default List<java.net.URI> reads(DoctorContext context) {
        return List.of();
    }

    /**
     * {@link #run(DoctorContext)} knowing which premises earlier checks already found false, for a check that
     * would otherwise report a consequence of them (no credentials, because CI_JOB_TOKEN is missing).
     */
    default List<Finding> run(DoctorContext context, Set<Premise> alreadyFalse) {
        return run(context);
    }
}
