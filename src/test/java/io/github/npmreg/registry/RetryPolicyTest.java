package io.github.npmreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30),
            Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(2), policy.delay(1, null));
        assertEquals(Duration.ofSeconds(4), policy.delay(2, null));
        assertEquals(Duration.ofSeconds(16), policy.delay(4, ""));
        assertEquals(Duration.ofSeconds(30), policy.delay(5, null));
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        assertEquals(Duration.ofSeconds(7), policy.delay(1, "7"));
        assertEquals(Duration.ofSeconds(12), policy.delay(1, "Sun, 22 Nov 2026 03:00:12 GMT"));
        assertEquals(Duration.ZERO, policy.delay(1, "Sun, 22 Nov 2026 02:00:00 GMT"), "a past date means now");
        assertEquals(Duration.ofSeconds(30), policy.delay(1, "3600"), "capped");
        assertEquals(Duration.ofSeconds(2), policy.delay(1, "soon"), "unparseable: plain backoff");
    }

    @Test
    void whatIsRetried() {
        for (int s : new int[] {408, 420, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.retryable(s), "" + s);
        }
        for (int s : new int[] {400, 401, 402, 403, 404, 409, 413}) {
            assertFalse(RetryPolicy.retryable(s), "" + s);
        }
        assertTrue(RetryPolicy.retryable(new SocketException("Connection reset")));
        assertTrue(RetryPolicy.retryable(new IOException("timeout")));
        assertFalse(RetryPolicy.retryable(new UnknownHostException("nope.invalid")));
        assertTrue(policy.mayRetryAfter(3));
        assertFalse(policy.mayRetryAfter(4));
    }
}
