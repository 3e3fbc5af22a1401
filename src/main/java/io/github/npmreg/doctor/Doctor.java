package io.github.npmreg.doctor;

import io.github.npmreg.auth.Redaction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the checks and collects their findings into a {@link Report}. Checks run in order and findings are ranked
 * by cause: a finding that makes a {@link Premise} false (the registry, the credentials, the network, the
 * authentication) is reported, and the later checks that need that premise are skipped, so each broken setup shows
 * its one root cause. {@code verify} and {@code publish}'s preflight run the same catalog on the same context, so a
 * finding has the same status in both.
 */
public final class Doctor {
    private final List<Check> checks;

    public Doctor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Every check, in the order the report lists them (a check's premises come from the ones before it). */
    public static Doctor standard() {
        return new Doctor(List.of(
                new PackageCheck(),
                new RegistryChoiceCheck(),
                new CiCheck(),
                new CredentialsCheck(),
                new ProvenanceReadinessCheck(),
                new NetworkCheck(),
                new AuthenticationCheck(),
                new GitLabProjectCheck(),
                new PublishingStateCheck()));
    }

    /** The categories {@code verify} runs: only {@link Category#LOCAL} when offline, else all. */
    public static Set<Category> categoriesFor(boolean offline) {
        return offline ? EnumSet.of(Category.LOCAL) : EnumSet.allOf(Category.class);
    }

    /**
     * Runs each check whose category is in {@code categories}; the others appear as skipped, so the report says
     * what was not looked at. A check whose premise an earlier finding made false is skipped, naming that finding.
     * A check that throws is reported as failed, never lost.
     */
    public Report run(DoctorContext context, Set<Category> categories) {
        List<Finding> findings = new ArrayList<>();
        Set<Premise> falsified = EnumSet.noneOf(Premise.class);
        PrefetchedNetwork prefetched = context.network() == null ? null : new PrefetchedNetwork(context.network());
        if (prefetched != null) {
            context = context.withNetwork(prefetched);
        }
        boolean sentAhead = false;
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (!categories.contains(check.category())) {
                findings.add(Finding.skipped(check, "not run: " + (check.category() == Category.LOCAL
                        ? "local checks not selected" : "offline (npmreg.offline or mvn -o)")));
                continue;
            }
            if (check.category() != Category.LOCAL && context.network() == null) {
                findings.add(Finding.skipped(check, "not run: no network access configured"));
                continue;
            }
            List<Premise> missing = check.needs().stream().filter(falsified::contains).toList();
            if (!missing.isEmpty()) {
                findings.add(Finding.skipped(check, "not run: needs " + missing.stream().map(Premise::description)
                        .collect(Collectors.joining(" and ")) + " (see " + causes(findings, missing) + ")"));
                continue;
            }
            if (prefetched != null && !sentAhead && !check.reads(context).isEmpty()) {
                // The first check that reads the registry runs once its premises hold (registry, credentials,
                // reachable host): then its GETs and those of the later checks are sent together.
                sentAhead = true;
                prefetched.sendAhead(readsFrom(i, context, categories, falsified),
                        context.credentials().authorizationHeader());
            }
            List<Finding> found;
            try {
                found = check.run(context, EnumSet.copyOf(falsifiedOrEmpty(falsified)));
            } catch (RuntimeException e) {
                found = List.of(Finding.of(FindingKind.CHECK_CRASHED, check.id(),
                        check.title() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        FindingKind.CHECK_CRASHED.fix()));
            }
            for (Finding f : found) {
                if (f.isProblem()) {
                    falsified.addAll(f.falsifies());
                }
            }
            findings.addAll(found);
        }
        List<String> secrets = secrets(context);
        return new Report(findings.stream().map(f -> redact(f, secrets)).toList());
    }

    /**
     * What {@code publish} runs before it uploads: the same catalog as {@code verify}, the network checks only when
     * there is a network. None of the checks writes, so a broken setup fails in seconds with the finding
     * {@code verify} shows, with the same status.
     */
    public Report preflight(DoctorContext context) {
        return run(context, categoriesFor(context.network() == null));
    }

    /** The known GETs of the checks from {@code first} on that will run unless a later finding stops them. */
    private List<java.net.URI> readsFrom(int first, DoctorContext context, Set<Category> categories,
            Set<Premise> falsified) {
        List<java.net.URI> reads = new ArrayList<>();
        for (Check later : checks.subList(first, checks.size())) {
            if (categories.contains(later.category()) && later.needs().stream().noneMatch(falsified::contains)) {
                try {
                    reads.addAll(later.reads(context));
                } catch (RuntimeException e) {
                    // its run reports the problem; nothing is sent ahead for it
                }
            }
        }
        return reads;
    }

    private static Set<Premise> falsifiedOrEmpty(Set<Premise> falsified) {
        return falsified.isEmpty() ? EnumSet.noneOf(Premise.class) : falsified;
    }

    private static String causes(List<Finding> findings, List<Premise> premises) {
        return findings.stream().filter(f -> f.isProblem() && f.falsifies().stream().anyMatch(premises::contains))
                .map(Finding::id).distinct().collect(Collectors.joining(", "));
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
                Redaction.redact(f.fix(), secrets), f.kind(), f.falsifies());
    }
}
