package io.github.npmreg.doctor;

import io.github.npmreg.auth.Redaction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs the checks and collects their findings into a {@link Report}. */
public final class Doctor {
    private final List<Check> checks;

    public Doctor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Every check, in the order the report lists them. */
    public static Doctor standard() {
        return new Doctor(List.of(
                new PackageCheck(),
                new RegistryChoiceCheck(),
                new CredentialsCheck(),
                new CiCheck(),
                new ProvenanceReadinessCheck(),
                new NetworkCheck(),
                new AuthenticationCheck(),
                new PublishingStateCheck()));
    }

    /** The categories {@code verify} runs: only {@link Category#LOCAL} when offline, else all. */
    public static Set<Category> categoriesFor(boolean offline) {
        return offline ? EnumSet.of(Category.LOCAL) : EnumSet.allOf(Category.class);
    }

    /**
     * Runs each check whose category is in {@code categories}; the others appear as skipped, so the report says
     * what was not looked at. A check that throws is reported as failed, never lost.
     */
    public Report run(DoctorContext context, Set<Category> categories) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            if (!categories.contains(check.category())) {
                findings.add(Finding.skipped(check, "not run: " + (check.category() == Category.LOCAL
                        ? "local checks not selected" : "offline (npmreg.offline or mvn -o)")));
                continue;
            }
            if (check.category() != Category.LOCAL && context.network() == null) {
                findings.add(Finding.skipped(check, "not run: no network access configured"));
                continue;
            }
            try {
                findings.addAll(check.run(context));
            } catch (RuntimeException e) {
                findings.add(Finding.of(FindingKind.CHECK_CRASHED, check.id(),
                        check.title() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        FindingKind.CHECK_CRASHED.fix()));
            }
        }
        List<String> secrets = secrets(context);
        return new Report(findings.stream().map(f -> redact(f, secrets)).toList());
    }

    /** Environment variables that hold secrets in the setups the doctor knows. */
    private static final List<String> SECRET_VARIABLES =
            List.of("NPM_TOKEN", "NODE_AUTH_TOKEN", "CI_JOB_TOKEN", "NPM_ID_TOKEN", "SIGSTORE_ID_TOKEN");

    private static List<String> secrets(DoctorContext context) {
        List<String> secrets = new ArrayList<>(context.credentials().secrets());
        for (String name : SECRET_VARIABLES) {
            String value = context.environment().get(name);
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    /**
     * Second line of defence: checks show tokens only as kind and last four characters, but an evidence text can
     * quote a registry answer or an .npmrc value; any secret in there is replaced by its hint.
     */
    private static Finding redact(Finding f, List<String> secrets) {
        return new Finding(f.id(), f.status(), f.check(), Redaction.redact(f.title(), secrets),
                Redaction.redact(f.cause(), secrets), Redaction.redact(f.evidence(), secrets),
                Redaction.redact(f.fix(), secrets));
    }

    /**
     * What {@code publish} runs before it uploads: the local checks, plus the network and read-only
     * authentication checks unless offline. None of them writes, so a broken setup fails in seconds with the same
     * finding {@code verify} shows.
     */
    /** The .npmrc findings that stop npm (ENEEDAUTH) but not this plugin when it has found credentials. */
    private static final java.util.Set<String> NPM_ONLY = java.util.Set.of(
            FindingKind.NPMRC_AUTH_REGISTRY_NO_TRAILING_SLASH.id(), FindingKind.NPMRC_AUTH_KEY_NO_TRAILING_SLASH.id(),
            FindingKind.NPMRC_AUTH_DEFAULT_PORT.id(), FindingKind.NPMRC_AUTH_HOST_ONLY.id(),
            FindingKind.NPMRC_AUTH_OTHER_PATH.id());

    public Report preflight(DoctorContext context) {
        Report all = run(context, categoriesFor(context.network() == null));
        boolean pluginHasCredentials = !(context.credentials() instanceof io.github.npmreg.auth.Credentials.None);
        // An existing version is publish's own call: it skips it with skipExisting, and tells a rerun of the same
        // tarball from a clash, which the packument alone cannot. An .npmrc that only npm cannot use (ENEEDAUTH rows)
        // does not stop this plugin, which has the credentials: it stays a warning.
        return new Report(all.findings().stream()
                .filter(f -> !f.id().equals(FindingKind.VERSION_EXISTS.id()))
                .map(f -> pluginHasCredentials && f.status() == Status.FAIL && NPM_ONLY.contains(f.id())
                        ? new Finding(f.id(), Status.WARN, f.check(), f.title(), f.cause(), f.evidence(), f.fix())
                        : f)
                .toList());
    }
}
