package io.github.npmreg.reactor;

/** What happened to one package in a build, as the summary reports it. */
public enum Outcome {
    /** The registry holds the version now, sent by this build. */
    PUBLISHED("published"),
    /** Nothing was sent, on purpose: a skip switch, a private package, a version already there, a module not built. */
    SKIPPED("skipped"),
    /** The package could not be published: a goal failed, or the module's build failed before publishing. */
    FAILED("failed"),
    /** Everything but the upload ({@code npmreg.dryRun}). */
    DRY_RUN("dry run");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The word the summary prints. */
    public String label() {
        return label;
    }
}
