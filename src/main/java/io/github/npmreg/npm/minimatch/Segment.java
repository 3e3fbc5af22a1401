package io.github.npmreg.npm.minimatch;

import java.util.Locale;

/** One part of a tested path, with the forms the part matchers need computed once. */
final class Segment {
    final String raw;
    private String lower;
    private String unitsNocase;
    private String unitsExact;

    Segment(String raw) {
        this.raw = raw;
    }

    String lower() {
        if (lower == null) {
            lower = raw.toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    String units(boolean nocase) {
        if (nocase) {
            if (unitsNocase == null) {
                unitsNocase = JsUnits.toUnits(raw, true);
            }
            return unitsNocase;
        }
        if (unitsExact == null) {
            unitsExact = JsUnits.toUnits(raw, false);
        }
        return unitsExact;
    }
}
