package io.github.npmreg.registry;

import java.net.URI;

/**
 * What {@link RegistryClient#publish} did.
 *
 * @param tarballUrl the {@code dist.tarball} we sent (the registry may serve the file elsewhere)
 * @param attempts how many PUTs were sent (0 for a dry run or a skipped version)
 * @param visible whether the version was seen in the packument afterwards ({@code false} when the poll timed out
 *     or was off; the publish still counts as done)
 */
public record PublishOutcome(Result result, URI tarballUrl, int attempts, boolean visible) {
    public enum Result {
        /** The registry accepted our PUT. */
        PUBLISHED,
        /** A PUT failed or got no answer, but the registry holds the version with our integrity: it got stored. */
        ALREADY_PUBLISHED_BY_US,
        /** The version existed before we started and {@code skipExisting} is on: nothing sent. */
        SKIPPED_EXISTING,
        /** Dry run: everything except the PUT. */
        DRY_RUN
    }
}
