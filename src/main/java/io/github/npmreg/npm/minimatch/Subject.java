package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path prepared for matching against many patterns: split on slashes once (as minimatch's
 * {@code split(/\/+/)}), with its basename for {@code matchBase}.
 */
public final class Subject {
    final String path;
    final Segment[] parts;
    final Segment[] basename;

    public Subject(String path) {
        this(path, segments(slashSplit(path)));
    }

    private Subject(String path, Segment[] parts) {
        this.path = path;
        this.parts = parts;
        Segment filename = parts[parts.length - 1];
        for (int i = parts.length - 2; filename.raw.isEmpty() && i >= 0; i--) {
            filename = parts[i];
        }
        this.basename = new Segment[] {filename};
    }

    private static Segment[] segments(String[] split) {
        Segment[] parts = new Segment[split.length];
        for (int i = 0; i < split.length; i++) {
            parts[i] = new Segment(split[i]);
        }
        return parts;
    }

    /** {@code "/" + path}, sharing this subject's parts: its split is an empty part, then this split. */
    public Subject rooted() {
        if (path.startsWith("/")) {
            return new Subject("/" + path, parts); // a run of slashes splits like one
        }
        Segment[] out = new Segment[parts.length + 1];
        out[0] = new Segment("");
        System.arraycopy(parts, 0, out, 1, parts.length);
        return new Subject("/" + path, out);
    }

    /** {@code path + "/"}, sharing this subject's parts: its split is this split, then an empty part. */
    public Subject withTrailingSlash() {
        if (path.endsWith("/")) {
            return new Subject(path + "/", parts);
        }
        Segment[] out = Arrays.copyOf(parts, parts.length + 1);
        out[parts.length] = new Segment("");
        return new Subject(path + "/", out);
    }

// String.split(/\/+/) as JavaScript does it: runs of slashes separate, leading and trailing empties kept.
    private static String[] slashSplit(String f) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < f.length()) {
            if (f.charAt(i) == '/') {
                parts.add(f.substring(start, i));
                while (i < f.length() && f.charAt(i) == '/') {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        parts.add(f.substring(start));
        return parts.toArray(new String[0]);
    }
}
