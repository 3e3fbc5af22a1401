package io.github.npmreg.registry;

import java.time.Duration;

/** Waits between retries and polls; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
}
