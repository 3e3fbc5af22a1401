package io.github.npmreg.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.registry.PublishOutcome;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishSummaryTest {
    private static final String REG = "http://127.0.0.1:4873/";

    @Test
    void aTableWithAlignedColumnsAndTheReasonAfterTheRegistry() {
        List<PackageResult> results = List.of(
                new PackageResult("@acme/core", "1.2.0", "latest", REG, Outcome.PUBLISHED, null),
                new PackageResult("@acme/ui-components", "1.2.0-rc.1", "next", REG, Outcome.DRY_RUN, null),
                new PackageResult("legacy", null, null, null, Outcome.FAILED,
                        "npmreg:pack: Invalid JSON in /x/package.json at line 1\n  Fix: remove the trailing comma"));
        assertEquals(List.of(
                "npm packages: 1 published, 1 failed, 1 dry run",
                "  result     package              version     tag     registry",
                "  published  @acme/core           1.2.0       latest  http://127.0.0.1:4873/",
                "  dry run    @acme/ui-components  1.2.0-rc.1  next    http://127.0.0.1:4873/",
                "  failed     legacy               -           -       -                       -- npmreg:pack: Invalid"
                        + " JSON in /x/package.json at line 1"),
                PublishSummary.lines(results));
    }

    @Test
    void noResultsNoLines() {
        assertEquals(List.of(), PublishSummary.lines(List.of()));
        assertEquals("npm packages: none", PublishSummary.heading(List.of()));
    }

    @Test
    void countsEveryOutcomeIncludingZeros() {
        List<PackageResult> results = List.of(
                new PackageResult("a", "1.0.0", "latest", REG, Outcome.SKIPPED, "npmreg.skip"),
                new PackageResult("b", "1.0.0", "latest", REG, Outcome.SKIPPED, "npmreg.publish.skip"),
                new PackageResult("c", "1.0.0", "latest", REG, Outcome.FAILED, "boom"));
        var counts = PublishSummary.counts(results);
        assertEquals(0, counts.get(Outcome.PUBLISHED));
        assertEquals(2, counts.get(Outcome.SKIPPED));
        assertEquals(1, counts.get(Outcome.FAILED));
        assertEquals(0, counts.get(Outcome.DRY_RUN));
        assertEquals("npm packages: 2 skipped, 1 failed", PublishSummary.heading(results));
        assertTrue(PublishSummary.anyFailed(results));
        assertFalse(PublishSummary.anyFailed(results.subList(0, 2)));
    }

    @Test
    void registryOutcomesMapToTheFourResults() {
        URI tarball = URI.create(REG + "a/-/a-1.0.0.tgz");
        assertEquals(Outcome.PUBLISHED, of(new PublishOutcome(PublishOutcome.Result.PUBLISHED, tarball, 1, true)).outcome());
        PackageResult stored = of(new PublishOutcome(PublishOutcome.Result.ALREADY_PUBLISHED_BY_US, tarball, 2, true));
        assertEquals(Outcome.PUBLISHED, stored.outcome());
        assertTrue(stored.detail().contains("earlier attempt"), stored.detail());
        PackageResult existing = of(new PublishOutcome(PublishOutcome.Result.SKIPPED_EXISTING, tarball, 0, true));
        assertEquals(Outcome.SKIPPED, existing.outcome());
        assertTrue(existing.detail().contains("already in the registry"), existing.detail());
        assertEquals(Outcome.DRY_RUN, of(new PublishOutcome(PublishOutcome.Result.DRY_RUN, tarball, 0, false)).outcome());
    }

    @Test
    void theReasonIsKeptToItsFirstLine() {
        PackageResult r = new PackageResult("a", "1.0.0", null, null, Outcome.FAILED, "  cause here  \r\n  Fix: do x\n");
        assertEquals("cause here", r.detail());
        assertEquals("a@1.0.0", r.id());
        assertEquals("a", new PackageResult("a", null, null, null, Outcome.FAILED, null).id());
    }

    @Test
    void aNameAndAnOutcomeAreRequired() {
        assertThrows(NullPointerException.class, () -> new PackageResult(null, "1.0.0", null, null, Outcome.FAILED, null));
        assertThrows(NullPointerException.class, () -> new PackageResult("a", "1.0.0", null, null, null, null));
    }

    private static PackageResult of(PublishOutcome outcome) {
        return PackageResult.of("a", "1.0.0", "latest", REG, outcome);
    }
}
