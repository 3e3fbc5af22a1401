package io.github.npmreg.gitlab;

import io.github.npmreg.NpmregException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Read-only view of the refs of a git checkout: what HEAD is and which tags point at a commit. It reads the
 * repository files directly (no git binary, no jgit): {@code HEAD}, loose refs, {@code packed-refs} with its peeled
 * {@code ^} lines, and, to peel an annotated tag whose ref is loose, the tag object itself, loose or in a pack.
 * A {@code .git} file (linked worktree, submodule) is followed, and a worktree's {@code commondir} is honoured, since
 * tags live in the main repository while HEAD is per worktree.
 */
public final class GitCheckout {
    private static final int OBJ_COMMIT = 1;
    private static final int OBJ_TAG = 4;
    private static final int OBJ_OFS_DELTA = 6;
    private static final int OBJ_REF_DELTA = 7;

    private final Path workTree;
    private final Path gitDir;
    private final Path commonDir;

    private GitCheckout(Path workTree, Path gitDir, Path commonDir) {
        this.workTree = workTree;
        this.gitDir = gitDir;
        this.commonDir = commonDir;
    }

    /** The checkout containing {@code dir} (searching upwards for {@code .git}), or empty when there is none. */
    public static Optional<GitCheckout> find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(open(d, dotGit));
            }
            if (Files.isRegularFile(dotGit)) {
                String content = read(dotGit).strip();
                if (!content.startsWith("gitdir:")) {
                    throw new NpmregException(dotGit + " is a file but does not start with 'gitdir:'.",
                            "Repair the checkout (git worktree repair, or git submodule update --init).");
                }
                Path target = d.resolve(content.substring("gitdir:".length()).strip()).normalize();
                if (!Files.isDirectory(target)) {
                    throw new NpmregException(dotGit + " points at " + target + ", which does not exist.",
                            "Repair the checkout (git worktree repair, or git submodule update --init).");
                }
                return Optional.of(open(d, target));
            }
        }
        return Optional.empty();
    }

    private static GitCheckout open(Path workTree, Path gitDir) {
        Path commonDir = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            commonDir = gitDir.resolve(read(commonFile).strip()).normalize();
        }
        return new GitCheckout(workTree, gitDir, commonDir);
    }

    /** The directory holding {@code .git}. */
    public Path workTree() {
        return workTree;
    }

    /** {@code refs/heads/main} when HEAD is on a branch; empty when detached. */
    public Optional<String> headRef() {
        String head = read(gitDir.resolve("HEAD")).strip();
        return head.startsWith("ref:") ? Optional.of(head.substring(4).strip()) : Optional.empty();
    }

    /** The commit HEAD points at; empty on an unborn branch (a repository without commits). */
    public Optional<String> head() {
        String head = read(gitDir.resolve("HEAD")).strip();
        for (int depth = 0; head.startsWith("ref:") && depth < 5; depth++) {
            String ref = head.substring(4).strip();
            Optional<String> target = resolveRef(ref);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            head = target.get();
        }
        return isObjectId(head) ? Optional.of(head) : Optional.empty();
    }

    /** Names of the tags ({@code v1.2.3}, not {@code refs/tags/v1.2.3}) whose commit is {@code commit}, sorted. */
    public List<String> tagsPointingAt(String commit) {
        List<String> names = new ArrayList<>();
        tags().forEach((name, peeled) -> {
            if (peeled.equalsIgnoreCase(commit)) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every tag with the id of what it finally points at (the commit, for annotated tags). */
    public Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>();
        Map<String, String[]> packed = packedRefs();
        packed.forEach((ref, ids) -> {
            if (ref.startsWith("refs/tags/")) {
                // A ^ line is the peeled id; "fully-peeled" packs omit it for lightweight tags, older ones may not
                // have it at all, so peel those by reading the object.
                tags.put(ref.substring("refs/tags/".length()), ids[1] != null ? ids[1] : peel(ids[0]));
            }
        });
        Path tagDir = commonDir.resolve("refs/tags");
        if (Files.isDirectory(tagDir)) {
            try (Stream<Path> files = Files.walk(tagDir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = tagDir.relativize(f).toString().replace('\\', '/');
                    resolveRef("refs/tags/" + name).ifPresent(id -> tags.put(name, peel(id)));
                }
            } catch (IOException e) {
                throw unreadable(tagDir, e);
            }
        }
        return tags;
    }

    private Optional<String> resolveRef(String ref) {
        for (int depth = 0; depth < 5; depth++) {
            // Per-worktree refs (HEAD and friends) sit in the git dir; shared refs in the common dir.
            Path loose = gitDir.resolve(ref);
            if (!Files.isRegularFile(loose)) {
                loose = commonDir.resolve(ref);
            }
            if (Files.isRegularFile(loose)) {
                String value = read(loose).strip();
                if (value.startsWith("ref:")) {
                    ref = value.substring(4).strip();
                    continue;
                }
                return isObjectId(value) ? Optional.of(value.toLowerCase()) : Optional.empty();
            }
            String[] packed = packedRefs().get(ref);
            return packed == null ? Optional.empty() : Optional.of(packed[0]);
        }
        return Optional.empty();
    }

    /** ref -> {id, peeled id or null}. */
    private Map<String, String[]> packedRefs() {
        Map<String, String[]> refs = new TreeMap<>();
        Path file = commonDir.resolve("packed-refs");
        if (!Files.isRegularFile(file)) {
            return refs;
        }
        String[] last = null;
        for (String line : read(file).split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("^")) {
                if (last != null) {
                    last[1] = line.substring(1).strip().toLowerCase();
                }
                continue;
            }
            int space = line.indexOf(' ');
            if (space > 0 && isObjectId(line.substring(0, space))) {
                last = new String[] {line.substring(0, space).toLowerCase(), null};
                refs.put(line.substring(space + 1).strip(), last);
            }
        }
        return refs;
    }

    /** Follows annotated tag objects down to what they tag; an id that is no tag object is returned as is. */
    private String peel(String id) {
        String current = id;
        for (int depth = 0; depth < 10; depth++) {
            RawObject object = readObject(current);
            if (object == null || object.type != OBJ_TAG) {
                return current;
            }
            // A tag object's text starts with "object <id>\ntype <type>\n".
            String text = new String(object.data, StandardCharsets.UTF_8);
            if (!text.startsWith("object ")) {
                return current;
            }
            current = text.substring("object ".length(), text.indexOf('\n')).strip();
        }
        return current;
    }

    private record RawObject(int type, byte[] data) {}

    private RawObject readObject(String id) {
        Path loose = commonDir.resolve("objects").resolve(id.substring(0, 2)).resolve(id.substring(2));
        if (Files.isRegularFile(loose)) {
            try {
                byte[] raw = inflate(Files.readAllBytes(loose));
                int nul = indexOf(raw, (byte) 0);
                String header = new String(raw, 0, nul, StandardCharsets.US_ASCII);
                int type = header.startsWith("tag ") ? OBJ_TAG : header.startsWith("commit ") ? OBJ_COMMIT : 0;
                byte[] data = new byte[raw.length - nul - 1];
                System.arraycopy(raw, nul + 1, data, 0, data.length);
                return new RawObject(type, data);
            } catch (IOException e) {
                throw unreadable(loose, e);
            }
        }
        Path packDir = commonDir.resolve("objects/pack");
        if (!Files.isDirectory(packDir)) {
            return null;
        }
        byte[] wanted = HexFormat.of().parseHex(id);
        try (DirectoryStream<Path> idxFiles = Files.newDirectoryStream(packDir, "*.idx")) {
            for (Path idx : idxFiles) {
                long offset = findInIndex(idx, wanted);
                if (offset >= 0) {
                    Path pack = idx.resolveSibling(idx.getFileName().toString().replaceFirst("\\.idx$", ".pack"));
                    try (RandomAccessFile in = new RandomAccessFile(pack.toFile(), "r")) {
                        return readPacked(in, offset, packDir);
                    }
                }
            }
        } catch (IOException e) {
            throw unreadable(packDir, e);
        }
        return null;
    }

    /** Offset of the object in the pack, from a version-2 pack index; -1 when absent (or an old v1 index). */
    private static long findInIndex(Path idx, byte[] id) throws IOException {
        try (FileChannel ch = FileChannel.open(idx)) {
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            if (buf.getInt(0) != 0xff744f63 || buf.getInt(4) != 2) {
                return -1;
            }
            int first = id[0] & 0xff;
            int lo = first == 0 ? 0 : buf.getInt(8 + 4 * (first - 1));
            int hi = buf.getInt(8 + 4 * first);
            int count = buf.getInt(8 + 4 * 255);
            int names = 8 + 1024;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int cmp = compare(buf, names + mid * id.length, id);
                if (cmp == 0) {
                    int offsets = names + count * id.length + count * 4;
                    long off = buf.getInt(offsets + mid * 4) & 0xffffffffL;
                    if ((off & 0x80000000L) != 0) {
                        int large = offsets + count * 4;
                        off = buf.getLong(large + (int) (off & 0x7fffffffL) * 8);
                    }
                    return off;
                }
                if (cmp < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return -1;
        }
    }

    private static int compare(ByteBuffer buf, int at, byte[] id) {
        for (int i = 0; i < id.length; i++) {
            int c = Integer.compare(buf.get(at + i) & 0xff, id[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** One pack entry, with deltas applied (tag objects can be stored as deltas of other tags). */
    private RawObject readPacked(RandomAccessFile in, long offset, Path packDir) throws IOException {
        in.seek(offset);
        int c = in.read();
        int type = (c >> 4) & 7;
        while ((c & 0x80) != 0) {
            c = in.read();
        }
        if (type == OBJ_OFS_DELTA || type == OBJ_REF_DELTA) {
            RawObject base;
            if (type == OBJ_OFS_DELTA) {
                c = in.read();
                long back = c & 0x7f;
                while ((c & 0x80) != 0) {
                    c = in.read();
                    back = ((back + 1) << 7) | (c & 0x7f);
                }
                long dataStart = in.getFilePointer();
                base = readPacked(in, offset - back, packDir);
                in.seek(dataStart);
            } else {
                byte[] baseId = new byte[20];
                in.readFully(baseId);
                long dataStart = in.getFilePointer();
                base = readObject(HexFormat.of().formatHex(baseId));
                in.seek(dataStart);
            }
            if (base == null) {
                return null;
            }
            return new RawObject(base.type, applyDelta(base.data, inflateFrom(in)));
        }
        return new RawObject(type, inflateFrom(in));
    }

    private static byte[] inflateFrom(RandomAccessFile in) throws IOException {
        // Pack entries carry no compressed length: feed the inflater until the zlib stream ends.
        Inflater inflater = new Inflater();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] input = new byte[8192];
            byte[] output = new byte[8192];
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = in.read(input);
                    if (n < 0) {
                        throw new IOException("truncated pack entry");
                    }
                    inflater.setInput(input, 0, n);
                }
                int n = inflater.inflate(output);
                out.write(output, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("corrupt pack entry: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] inflate(byte[] data) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && inflater.needsInput()) {
                    throw new IOException("truncated object");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("corrupt object: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** git's delta format: two varint sizes, then copy-from-base and insert instructions. */
    private static byte[] applyDelta(byte[] base, byte[] delta) {
        int[] pos = {0};
        readVarint(delta, pos);
        int resultSize = (int) readVarint(delta, pos);
        ByteArrayOutputStream out = new ByteArrayOutputStream(resultSize);
        int p = pos[0];
        while (p < delta.length) {
            int op = delta[p++] & 0xff;
            if ((op & 0x80) != 0) {
                int off = 0;
                int size = 0;
                for (int i = 0; i < 4; i++) {
                    if ((op & (1 << i)) != 0) {
                        off |= (delta[p++] & 0xff) << (8 * i);
                    }
                }
                for (int i = 0; i < 3; i++) {
                    if ((op & (0x10 << i)) != 0) {
                        size |= (delta[p++] & 0xff) << (8 * i);
                    }
                }
                if (size == 0) {
                    size = 0x10000;
                }
                out.write(base, off, size);
            } else if (op != 0) {
                out.write(delta, p, op);
                p += op;
            }
        }
        return out.toByteArray();
    }

    private static long readVarint(byte[] data, int[] pos) {
        long value = 0;
        int shift = 0;
        int c;
        do {
            c = data[pos[0]++] & 0xff;
            value |= (long) (c & 0x7f) << shift;
            shift += 7;
        } while ((c & 0x80) != 0);
        return value;
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return data.length;
    }

    private static boolean isObjectId(String s) {
        return (s.length() == 40 || s.length() == 64) && s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static NpmregException unreadable(Path path, IOException e) {
        return new NpmregException("Cannot read the git repository at " + path + ": " + e.getMessage() + ".",
                "Check the checkout's file permissions, or run 'git fsck' on it.", e);
    }

    @Override
    public String toString() {
        return "git checkout " + workTree;
    }
}
