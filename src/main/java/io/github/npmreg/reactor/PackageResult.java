package io.github.npmreg.reactor;

import io.github.npmreg.registry.PublishOutcome;
import java.util.Objects;

/**
 * What happened to one package: its name and version as published (or as far as they are known when it failed
 * early), the dist-tag, the registry, the outcome and, for anything but a plain publish, why.
 *
 * @param name     the package name, e.g. {@code @acme/ui}; never null
 * @param version  the version, or null when unknown (a package.json that could not be read)
 * @param tag      the dist-tag, or null when the build stopped before it was decided
 * @param registry the registry URL, or null when the build stopped before it was decided
 * @param outcome  what happened
 * @param detail   the reason for a skip or a failure (one line, no secrets), or null
 */
public record PackageResult(String name, String version, String tag, String registry, Outcome outcome, String detail) {
    public PackageResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? null : firstLine(detail);
    }

    /** The result of a publish that went through (published, skipped as existing, or a dry run). */
    public static PackageResult of(String name, String version, String tag, String registry, PublishOutcome outcome) {
        return switch (outcome.result()) {
            case PUBLISHED -> new PackageResult(name, version, tag, registry, Outcome.PUBLISHED, null);
            case ALREADY_PUBLISHED_BY_US -> new PackageResult(name, version, tag, registry, Outcome.PUBLISHED,
                    "stored by an earlier attempt whose answer was lost");
            case SKIPPED_EXISTING -> new PackageResult(name, version, tag, registry, Outcome.SKIPPED,
                    "already in the registry (skipExisting)");
            case DRY_RUN -> new PackageResult(name, version, tag, registry, Outcome.DRY_RUN, null);
        };
    }

    /** {@code name@version}, or the name alone when the version is unknown. */
    public String id() {
        return version == null ? name : name + "@" + version;
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int end = line.indexOf('\n');
        return (end < 0 ? line : line.substring(0, end)).strip();
    }
}
