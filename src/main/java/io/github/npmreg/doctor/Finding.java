package io.github.npmreg.doctor;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One result of one check. {@code id} is a stable kebab-case code: a {@link FindingKind} id for problems, or the
 * check's own id for a plain pass or skip. {@code cause}, {@code evidence} and {@code fix} are filled for
 * problems; a pass carries its evidence only (what was found, e.g. which registry and why).
 *
 * @param kind      the catalogued kind of a problem, {@code null} for a pass or skip
 * @param falsifies the premises this finding makes false, so the checks that need them are skipped
 */
public record Finding(String id, Status status, String check, String title, String cause, String evidence, String fix,
        FindingKind kind, Set<Premise> falsifies) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(title, "title");
        falsifies = falsifies == null || falsifies.isEmpty() ? Set.of() : Set.copyOf(falsifies);
    }

    /** A problem of a catalogued kind, with its status and the premises it breaks taken from the catalog. */
    public static Finding of(FindingKind kind, String check, String evidence, String fix) {
        return new Finding(kind.id(), kind.status(), check, kind.title(), kind.cause(), evidence, fix, kind,
                kind.falsifies());
    }

    public static Finding pass(Check check, String evidence) {
        return new Finding(check.id(), Status.PASS, check.id(), check.title(), null, evidence, null, null, Set.of());
    }

    public static Finding skipped(Check check, String reason) {
        return new Finding(check.id(), Status.SKIPPED, check.id(), check.title(), null, reason, null, null, Set.of());
    }

    /** This finding, making {@code premises} false as well (or only them, with {@code replace}). */
    public Finding falsifying(boolean replace, Premise... premises) {
        Set<Premise> set = premises.length == 0 ? EnumSet.noneOf(Premise.class) : EnumSet.of(premises[0], premises);
        if (!replace) {
            set.addAll(falsifies);
        }
        return new Finding(id, status, check, title, cause, evidence, fix, kind, set);
    }

    public boolean isProblem() {
        return status == Status.WARN || status == Status.FAIL;
    }
}
