package io.github.npmreg.manifest;

import java.util.ArrayList;
import java.util.List;

/** Node's {@code path.posix} functions as npm's normalizer uses them, so paths come out exactly as npm writes them. */
final class NodePath {
    private NodePath() {}

    /** {@code path.normalize}: collapses slashes and {@code .}/{@code ..}, keeps a trailing slash, {@code .} if empty. */
    static String normalize(String p) {
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

    /** {@code path.join}. */
    static String join(String a, String b) {
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
        return normalize(joined);
    }

    /** {@code path.basename(p)}: the last segment, trailing slashes ignored. */
    static String basename(String p) {
        String s = stripTrailingSlashes(p);
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** {@code path.basename(p, ext)}. */
    static String basename(String p, String ext) {
        String base = basename(p);
        if (!ext.isEmpty() && base.endsWith(ext) && !base.equals(ext)) {
            return base.substring(0, base.length() - ext.length());
        }
        return base;
    }

    /** {@code path.extname}: from the last dot of the last segment, unless that dot starts the name. */
    static String extname(String p) {
        String base = basename(p);
        int dot = base.lastIndexOf('.');
        return dot <= 0 || base.equals("..") ? "" : base.substring(dot);
    }

    /** {@code path.dirname}. */
    static String dirname(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        String s = stripTrailingSlashes(p);
        if (s.isEmpty()) {
            return "/";
        }
        int slash = s.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : s.substring(0, slash);
    }

    /** @npmcli/package-json's {@code secureAndUnixifyPath}: relative, no {@code ..} escape, {@code /} separators. */
    static String secureAndUnixify(String ref) {
        String unix = ref.replaceAll("[\\\\:]", "/");
        String secured = join(".", join("/", unix)).replaceAll("[\\\\:]", "/");
        return secured.startsWith("./") || secured.equals(".") ? "" : secured;
    }

    private static String stripTrailingSlashes(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.equals("/") ? "" : p.substring(0, end);
    }
}
