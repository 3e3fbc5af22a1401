package io.github.npmreg.npm;

import java.util.ArrayList;
import java.util.List;

/**
 * Node's {@code path.posix} as npm uses it, the one copy for pack, manifest and publish: {@code extname},
 * {@code basename} and {@code dirname} transcribed from Node's {@code lib/path.js} (npm's entry order and node-tar's
 * prefix split depend on their corner cases: {@code ".eslintrc"} has no extension, {@code "..."} has {@code "."}),
 * plus {@code normalize}, {@code join} and @npmcli/package-json's {@code secureAndUnixifyPath}.
 */
public final class NodePath {
    private NodePath() {}

    /** Node's {@code path.posix.extname(path)}. */
    public static String extname(String path) {
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
    public static String basename(String path) {
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
    public static String dirname(String path) {
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

    /** {@code path.basename(p, ext)}: the basename without {@code ext}, unless that is all of it. */
    public static String basename(String p, String ext) {
        String base = basename(p);
        if (!ext.isEmpty() && base.endsWith(ext) && !base.equals(ext)) {
            return base.substring(0, base.length() - ext.length());
        }
        return base;
    }

    /** {@code path.normalize}: collapses slashes and {@code .}/{@code ..}, keeps a trailing slash, {@code .} if empty. */
    public static String normalize(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean absolute = p.startsWith("/");
        boolean trailing = p.endsWith("/");
        List<String> out = new ArrayList<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!absolute) {
                    out.add("..");
                }
            } else {
                out.add(seg);
            }
        }
        String joined = String.join("/", out);
        if (joined.isEmpty() && !absolute) {
            joined = ".";
        }
        if (trailing && !joined.isEmpty() && !joined.endsWith("/")) {
            joined += "/";
        }
        return absolute ? "/" + joined : joined;
    }

    /** {@code path.join(a, b)}. */
    public static String join(String a, String b) {
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
        return normalize(joined);
    }

    /** The secureAndUnixifyPath of {@code @npmcli/package-json}: relative, no {@code ..} escape, {@code /} separators. */
    public static String secureAndUnixify(String ref) {
        String unix = ref.replaceAll("[\\\\:]", "/");
        String secured = join(".", join("/", unix)).replaceAll("[\\\\:]", "/");
        return secured.startsWith("./") || secured.equals(".") ? "" : secured;
    }
}
