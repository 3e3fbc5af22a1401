package io.github.npmreg.npm.minimatch;

import java.util.ArrayList;
import java.util.List;

/**
 * One brace expansion, compiled, with the split around {@code **} that minimatch's {@code #matchGlobstar}
 * recomputes on every call done once here (it depends only on the pattern and on {@code partial}).
 */
final class Expansion {
    final Part[] parts;
    final boolean globstar;
    final GlobstarLayout whole;
    final GlobstarLayout partial;

    Expansion(Part[] parts) {
        this.parts = parts;
        List<Part> list = List.of(parts);
        int firstgs = list.indexOf(Part.GLOBSTAR);
        this.globstar = firstgs >= 0;
        if (!globstar) {
            this.whole = null;
            this.partial = null;
            return;
        }
        int lastgs = list.lastIndexOf(Part.GLOBSTAR);
        Part[] head = list.subList(0, firstgs).toArray(new Part[0]);
        this.whole = new GlobstarLayout(head,
                list.subList(firstgs + 1, Math.max(firstgs + 1, lastgs)),
                list.subList(lastgs + 1, parts.length).toArray(new Part[0]));
        this.partial = new GlobstarLayout(head, list.subList(firstgs + 1, parts.length), new Part[0]);
    }

    /** minimatch {@code #matchOne(file, pattern, partial)} for this expansion. */
    boolean matches(Segment[] file, boolean partial) {
        if (globstar) {
            return matchGlobstar(file, partial ? this.partial : whole, partial);
        }
        return matchParts(file, file.length, parts, partial, 0);
    }

    // minimatch #matchGlobstar: head must match at the start, tail at the end, body sections in order between.
    private static boolean matchGlobstar(Segment[] file, GlobstarLayout layout, boolean partial) {
        Part[] head = layout.head;
        Part[] tail = layout.tail;
        int fileIndex = 0;
        if (head.length > 0) {
            if (!matchParts(file, Math.min(head.length, file.length), head, partial, 0)) {
                return false;
            }
            fileIndex += head.length;
        }
        int fileTailMatch = 0;
        if (tail.length > 0) {
            if (tail.length + fileIndex > file.length) {
                return false;
            }
            int tailStart = file.length - tail.length;
            if (matchParts(file, file.length, tail, partial, tailStart)) {
                fileTailMatch = tail.length;
            } else {
                if (!file[file.length - 1].raw.isEmpty() || fileIndex + tail.length == file.length) {
                    return false;
                }
                tailStart--;
                if (!matchParts(file, file.length, tail, partial, tailStart)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        if (layout.bodyEmpty) {
            boolean sawSome = fileTailMatch != 0;
            for (int i = fileIndex; i < file.length - fileTailMatch; i++) {
                sawSome = true;
                if (file[i].raw.equals(".") || file[i].raw.equals("..")) {
                    return false;
                }
            }
            return partial || sawSome;
        }
        Part[][] sections = layout.sections;
        int[] after = new int[sections.length];
        int fileLength = file.length - fileTailMatch;
        int i = sections.length - 1;
        for (int s = 0; s < sections.length; s++) {
            after[s] = fileLength - (layout.nonGsPartsSums[i--] + sections[s].length);
        }
        Boolean r = matchBodySections(file, sections, after, fileIndex, 0, partial, 0, fileTailMatch != 0);
        return r != null && r;
    }

    // minimatch #matchGlobStarBodySections; null means "cannot match, stop trying".
    private static Boolean matchBodySections(Segment[] file, Part[][] sections, int[] after, int fileIndex,
            int bodyIndex, boolean partial, int depth, boolean sawTail) {
        if (bodyIndex >= sections.length) {
            for (int i = fileIndex; i < file.length; i++) {
                sawTail = true;
                if (file[i].raw.equals(".") || file[i].raw.equals("..")) {
                    return false;
                }
            }
            return sawTail;
        }
        Part[] body = sections[bodyIndex];
        while (fileIndex <= after[bodyIndex]) {
            boolean m = matchParts(file, Math.min(fileIndex + body.length, file.length), body, partial, fileIndex);
            if (m && depth < 200) {
                Boolean sub = matchBodySections(file, sections, after, fileIndex + body.length, bodyIndex + 1,
                        partial, depth + 1, sawTail);
                if (sub == null || sub) {
                    return sub;
                }
            }
            if (fileIndex >= file.length) {
                return partial ? Boolean.TRUE : null;
            }
            String f = file[fileIndex].raw;
            if (f.equals(".") || f.equals("..")) {
                return false;
            }
            fileIndex++;
        }
        return partial ? Boolean.TRUE : null;
    }

    /**
     * minimatch #matchOne for patterns without **, on {@code file[fileIndex..fileEnd)} (minimatch passes a sliced
     * array; the bound replaces the copy).
     */
    private static boolean matchParts(Segment[] file, int fileEnd, Part[] pattern, boolean partial, int fileIndex) {
        int fi = fileIndex;
        int pi = 0;
        int fl = fileEnd;
        int pl = pattern.length;
        for (; fi < fl && pi < pl; fi++, pi++) {
            Part p = pattern[pi];
            if (p == Part.GLOBSTAR || !p.test(file[fi])) {
                return false;
            }
        }
        if (fi == fl && pi == pl) {
            return true;
        } else if (fi == fl) {
            return partial;
        } else {
            // Ran out of pattern: only a trailing slash of the file may remain ("a/*" matches "a/b/").
            return fi == fl - 1 && file[fi].raw.isEmpty();
        }
    }

    /** The head, tail and the body sections between globstars, with minimatch's running part counts. */
    private static final class GlobstarLayout {
        final Part[] head;
        final Part[] tail;
        final boolean bodyEmpty;
        final Part[][] sections;
        final int[] nonGsPartsSums;

        GlobstarLayout(Part[] head, List<Part> body, Part[] tail) {
            this.head = head;
            this.tail = tail;
            this.bodyEmpty = body.isEmpty();
            List<List<Part>> secs = new ArrayList<>();
            List<Integer> sums = new ArrayList<>();
            secs.add(new ArrayList<>());
            sums.add(0);
            int nonGsParts = 0;
            for (Part b : body) {
                if (b == Part.GLOBSTAR) {
                    sums.add(nonGsParts);
                    secs.add(new ArrayList<>());
                } else {
                    secs.get(secs.size() - 1).add(b);
                    nonGsParts++;
                }
            }
            this.sections = new Part[secs.size()][];
            this.nonGsPartsSums = new int[sums.size()];
            for (int i = 0; i < sections.length; i++) {
                sections[i] = secs.get(i).toArray(new Part[0]);
                nonGsPartsSums[i] = sums.get(i);
            }
        }
    }
}
