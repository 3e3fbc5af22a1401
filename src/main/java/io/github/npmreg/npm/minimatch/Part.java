package io.github.npmreg.npm.minimatch;

import java.util.function.Predicate;

/** One path-part matcher of a compiled pattern; {@link #GLOBSTAR} stands for {@code **}. */
interface Part extends Predicate<Segment> {
    /** {@code **}: handled by {@link Expansion}'s globstar algorithm, never tested as a part. */
    Part GLOBSTAR = s -> {
        throw new IllegalStateException("globstar is never tested directly");
    };
}
