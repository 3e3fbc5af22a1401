package io.github.npmreg.publish;

import java.util.Objects;

/** The dist-tag a release moves, and where it came from. */
public record DistTag(String name, Origin origin) {
    public enum Origin {
        /** The plugin's {@code tag} parameter. */
        TAG_PARAMETER,
        /** {@code publishConfig.tag} in package.json. */
        PUBLISH_CONFIG,
        /** A Maven SNAPSHOT without a configured tag: {@code snapshot}, like Maven's snapshot repositories. */
        SNAPSHOT_DEFAULT,
        /** Nothing configured: npm's {@code latest}. */
        DEFAULT_LATEST
    }

    public static final String SNAPSHOT = "snapshot";
    public static final String LATEST = "latest";

    public DistTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether someone chose this tag (it is then written into the staged publishConfig). */
    public boolean chosen() {
        return origin != Origin.DEFAULT_LATEST;
    }
}
