package io.github.npmreg.reactor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The table printed at the end of a build that published packages: one row per package in build order, with
 * result, package, version, dist-tag and registry, then the reason of any skip or failure; above it, the counts.
 *
 * <pre>
 * npm packages: 2 published, 1 skipped, 1 failed
 *   result     package     version  tag     registry
 *   published  @acme/core  1.2.0    latest  https://gitlab.example.com/api/v4/projects/42/packages/npm/
 *   failed     @acme/ui    1.2.0    latest  https://gitlab.example.com/api/v4/projects/42/packages/npm/  -- 403 ...
 * </pre>
 */
public final class PublishSummary {
    private static final String UNKNOWN = "-";

    private PublishSummary() {}

    /** How many packages had each outcome, in the enum's order, zero counts included. */
    public static Map<Outcome, Integer> counts(List<PackageResult> results) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    /** The heading: {@code npm packages: 2 published, 1 failed} (outcomes that did not occur are left out). */
    public static String heading(List<PackageResult> results) {
        StringJoiner parts = new StringJoiner(", ");
        counts(results).forEach((outcome, n) -> {
            if (n > 0) {
                parts.add(n + " " + outcome.label());
            }
        });
        return "npm packages: " + (results.isEmpty() ? "none" : parts.toString());
    }

    /** The heading, then the header row and one row per result, columns aligned; nothing for no results. */
    public static List<String> lines(List<PackageResult> results) {
        List<String> out = new ArrayList<>();
        if (results.isEmpty()) {
            return out;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"result", "package", "version", "tag", "registry"});
        for (PackageResult r : results) {
            rows.add(new String[] {r.outcome().label(), r.name(), orUnknown(r.version()), orUnknown(r.tag()),
                    orUnknown(r.registry())});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.add(heading(results));
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            String detail = i == 0 ? null : results.get(i - 1).detail();
            if (detail != null && !detail.isEmpty()) {
                line.append(" ".repeat(widths[4] - row[4].length())).append("  -- ").append(detail);
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** Whether any package failed. */
    public static boolean anyFailed(List<PackageResult> results) {
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED);
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
