package io.github.npmreg.registry;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * When to send a request again and how long to wait first. Statuses as make-fetch-happen retries them (408, 420,
 * 429, 5xx) and connection failures; waits double from a base, honour {@code Retry-After} (seconds or an HTTP date)
 * and never exceed a maximum.
 */
final class RetryPolicy {
    private final int maxRetries;
    private final Duration base;
    private final Duration max;
    private final Clock clock;

    RetryPolicy(int maxRetries, Duration base, Duration max, Clock clock) {
        this.maxRetries = maxRetries;
        this.base = base;
        this.max = max;
        this.clock = clock;
    }

    /** The same waits with no retry: one attempt. */
    RetryPolicy none() {
        return new RetryPolicy(0, base, max, clock);
    }

    /** Whether attempt number {@code attempt} (1-based) may be followed by another. */
    boolean mayRetryAfter(int attempt) {
        return attempt <= maxRetries;
    }

    static boolean retryable(int status) {
        return status == 408 || status == 420 || status == 429 || status >= 500;
    }

    /** Network failures are worth another try; an unknown host or a TLS trust failure is not. */
    static boolean retryable(IOException e) {
        return !(e instanceof UnknownHostException || e instanceof SSLHandshakeException
                || e instanceof SSLPeerUnverifiedException);
    }

    /**
     * The wait before retry number {@code retry} (1-based): {@code Retry-After} when the registry sent a usable one,
     * else {@code base * 2^(retry-1)}; capped at the maximum either way.
     */
    Duration delay(int retry, String retryAfter) {
        Duration wait = fromRetryAfter(retryAfter);
        if (wait == null) {
            wait = base.multipliedBy(1L << Math.min(retry - 1, 20));
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private Duration fromRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return max;
            }
        }
        Instant at = DateUtils.parseStandardDate(v);
        if (at == null) {
            return null;
        }
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
