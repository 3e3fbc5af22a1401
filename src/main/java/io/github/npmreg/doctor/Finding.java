package io.github.npmreg.doctor;

import java.util.Objects;

/**
 * One result of one check. {@code id} is a stable kebab-case code: a {@link FindingKind} id for problems, or the
 * check's own id for a plain pass or skip. {@code cause}, {@code evidence} and {@code fix} are filled for
 * problems; a pass carries its evidence only (what was found, e.g. which registry and why).
 */
public record Finding(String id, Status status, String check, String title, String cause, String evidence, String fix) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(title, "title");
    }

    /** A problem of a catalogued kind, with its status taken from the catalog. */
    public static Finding of(FindingKind kind, String check, String evidence, String fix) {
        return new Finding(kind.id(), kind.status(), check, kind.title(), kind.cause(), evidence, fix);
    }

    public static Finding pass(Check check, String evidence) {
        return new Finding(check.id(), Status.PASS, check.id(), check.title(), null, evidence, null);
    }

    public static Finding skipped(Check check, String reason) {
        return new Finding(check.id(), Status.SKIPPED, check.id(), check.title(), null, reason, null);
    }

    public boolean isProblem() {
        return status == Status.WARN || status == Status.FAIL;
    }
}
