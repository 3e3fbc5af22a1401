package io.github.npmreg.registry;

import io.github.npmreg.BuildLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the one {@link RegistryClient} of a build is configured with. Plain data: the Maven adapter fills it
 * from parameters and settings.xml; tests inject a clock and a sleeper.
 *
 * @param proxy {@code null} for a direct connection
 * @param extraCaPem a PEM file with extra CA certificates trusted in addition to the JVM's, or {@code null}
 * @param maxRetries how many times a failed request is sent again (0 = once in total)
 * @param backoffBase the wait before the first retry; it doubles for each further one
 * @param maxBackoff no wait (backoff or {@code Retry-After}) is longer than this
 * @param requestTimeout the total time one attempt may take once its request is sent (see
 *     {@link #withRequestTimeout(Duration)})
 * @param visibilityTimeout how long to poll the packument after a successful PUT until the version shows
 *     (GitLab 18.6+ processes uploads asynchronously); {@link Duration#ZERO} turns the poll off
 */
public record RegistryClientConfig(
        Duration connectTimeout,
        Duration responseTimeout,
        ProxyConfig proxy,
        Path extraCaPem,
        String userAgent,
        int maxRetries,
        Duration backoffBase,
        Duration maxBackoff,
        Duration visibilityTimeout,
        Duration visibilityPollInterval,
        Clock clock,
        Sleeper sleeper,
        BuildLog log,
        Duration requestTimeout) {

    public RegistryClientConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(visibilityPollInterval, "visibilityPollInterval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
    }

    /**
     * Defaults close to npm's behaviour but quicker to give up: 2 retries (npm's {@code fetch-retries}), backoff
     * 2 s then 4 s (npm waits 10 s to 60 s), at most 60 s per wait; 10 s visibility poll every 500 ms.
     */
    public static RegistryClientConfig defaults(String userAgent, BuildLog log) {
        return new RegistryClientConfig(Duration.ofSeconds(30), Duration.ofMinutes(5), null, null, userAgent, 2,
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(500),
                Clock.systemUTC(), Sleeper.SYSTEM, log, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * {@code npmreg-maven-plugin/<version> java/<java.version> <os> <arch>}, the counterpart of npm's
     * {@code npm/<v> node/<v> <platform> <arch>}. The caller passes the system properties.
     */
    public static String userAgent(String pluginVersion, String javaVersion, String osName, String osArch) {
        return "npmreg-maven-plugin/" + pluginVersion + " java/" + javaVersion + " "
                + osName.toLowerCase(java.util.Locale.ROOT).replace(' ', '_') + " " + osArch;
    }

    public RegistryClientConfig withRetries(int retries, Duration base, Duration max) {
        return new RegistryClientConfig(connectTimeout, responseTimeout, proxy, extraCaPem, userAgent, retries, base,
                max, visibilityTimeout, visibilityPollInterval, clock, sleeper, log, requestTimeout);
    }

    public RegistryClientConfig withVisibilityPoll(Duration timeout, Duration interval) {
        return new RegistryClientConfig(connectTimeout, responseTimeout, proxy, extraCaPem, userAgent, maxRetries,
                backoffBase, maxBackoff, timeout, interval, clock, sleeper, log, requestTimeout);
    }

    /** npm's {@code fetch-timeout} default: 5 minutes for a whole request, however the bytes trickle in. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /**
     * The total time one attempt of a request may take from sending its first byte to the last byte of the answer,
     * besides the per-read {@code responseTimeout}: a server that trickles bytes cannot hold the build longer.
     */
    public RegistryClientConfig withRequestTimeout(Duration total) {
        return new RegistryClientConfig(connectTimeout, responseTimeout, proxy, extraCaPem, userAgent, maxRetries,
                backoffBase, maxBackoff, visibilityTimeout, visibilityPollInterval, clock, sleeper, log, total);
    }

    public RegistryClientConfig withTimeouts(Duration connect, Duration response) {
        return new RegistryClientConfig(connect, response, proxy, extraCaPem, userAgent, maxRetries, backoffBase,
                maxBackoff, visibilityTimeout, visibilityPollInterval, clock, sleeper, log, requestTimeout);
    }

    public RegistryClientConfig withProxy(ProxyConfig newProxy) {
        return new RegistryClientConfig(connectTimeout, responseTimeout, newProxy, extraCaPem, userAgent, maxRetries,
                backoffBase, maxBackoff, visibilityTimeout, visibilityPollInterval, clock, sleeper, log, requestTimeout);
    }

    public RegistryClientConfig withExtraCaPem(Path pem) {
        return new RegistryClientConfig(connectTimeout, responseTimeout, proxy, pem, userAgent, maxRetries,
                backoffBase, maxBackoff, visibilityTimeout, visibilityPollInterval, clock, sleeper, log, requestTimeout);
    }

    public RegistryClientConfig withClockAndSleeper(Clock newClock, Sleeper newSleeper) {
        return new RegistryClientConfig(connectTimeout, responseTimeout, proxy, extraCaPem, userAgent, maxRetries,
                backoffBase, maxBackoff, visibilityTimeout, visibilityPollInterval, newClock, newSleeper, log, requestTimeout);
    }
}
