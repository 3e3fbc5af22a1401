package io.github.npmreg.doctor;

import java.util.List;

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

    List<Finding> run(DoctorContext context);
}
