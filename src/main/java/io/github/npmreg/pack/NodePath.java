package io.github.npmreg.pack;

/**
 * Ports of Node's {@code path.posix} {@code extname}, {@code basename} and {@code dirname}. npm's entry order and
 * node-tar's prefix split are defined in terms of these functions, whose corner cases ({@code ".eslintrc"} has no
 * extension, {@code "..."} has {@code "."}) differ from any Java library's; they are transcribed from Node's
 * {@code lib/path.js} so that the sort and the header bytes agree with npm.
 */
final class NodePath {
    private NodePath() {}

    /** Node's {@code path.posix.extname(path)}. */
    static String extname(String path) {
        int startDot = -1;
        int startPart = 0;
        int end = -1;
        boolean matchedSlash = true;
        // 0: no dot seen before the last one; 1: a dot or a name char was seen; -1: name chars seen.
        int preDotState = 0;
        for (int i = path.length() - 1; i >= 0; --i) {
            char c = path.charAt(i);
            if (c == '/') {
                if (!matchedSlash) {
                    startPart = i + 1;
                    break;
                }
                continue;
            }
            if (end == -1) {
                matchedSlash = false;
                end = i + 1;
            }
            if (c == '.') {
                if (startDot == -1) {
                    startDot = i;
                } else if (preDotState != 1) {
                    preDotState = 1;
                }
            } else if (startDot != -1) {
                preDotState = -1;
            }
        }
        if (startDot == -1 || end == -1 || preDotState == 0
                || (preDotState == 1 && startDot == end - 1 && startDot == startPart + 1)) {
            return "";
        }
        return path.substring(startDot, end);
    }

    /** Node's {@code path.posix.basename(path)} (without the suffix argument). */
    static String basename(String path) {
        int start = 0;
        int end = -1;
        boolean matchedSlash = true;
        for (int i = path.length() - 1; i >= 0; --i) {
            if (path.charAt(i) == '/') {
                if (!matchedSlash) {
                    start = i + 1;
                    break;
                }
            } else if (end == -1) {
                matchedSlash = false;
                end = i + 1;
            }
        }
        return end == -1 ? "" : path.substring(start, end);
    }

    /** Node's {@code path.posix.dirname(path)}. */
    static String dirname(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean hasRoot = path.charAt(0) == '/';
        int end = -1;
        boolean matchedSlash = true;
        for (int i = path.length() - 1; i >= 1; --i) {
            if (path.charAt(i) == '/') {
                if (!matchedSlash) {
                    end = i;
                    break;
                }
            } else {
                matchedSlash = false;
            }
        }
        if (end == -1) {
            return hasRoot ? "/" : ".";
        }
        if (hasRoot && end == 1) {
            return "//";
        }
        return path.substring(0, end);
    }
}
