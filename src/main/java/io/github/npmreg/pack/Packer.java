package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PacklistRules;
import io.github.npmreg.npm.tar.EntryMode;
import io.github.npmreg.npm.tar.TarWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code npm pack} for a package directory: the file list (npm-packlist's rules), npm's entry order, modes and
 * tar headers, level-9 gzip on all cores, integrity computed while writing, the tarball written atomically,
 * and the pack report with the keys of {@code npm pack --json}.
 */
public final class Packer {
    /** The package's files (package-relative, {@code /}-separated, in any order) under one npm's rules. */
    @FunctionalInterface
    public interface FileLister {
        PackList.Result list(Path packageDirectory, ObjectNode manifest, PacklistRules rules) throws IOException;
    }

    private static final boolean UNIX_ATTRIBUTES = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final Pattern BUNDLED = Pattern.compile("^node_modules/((?:@[^/]+/)?[^/]+)");

    private final FileLister lister;
    /** True when the lister already returns npm's tar order ({@link PackList} does), so it is not sorted twice. */
    private final boolean listerSorts;
    private final int threads;

    /** Packs the files npm-packlist's rules select ({@link PackList}), compressing on every available core. */
    public Packer() {
        this(PackList::collect, true,
                Runtime.getRuntime().availableProcessors());
    }

    /** Packs the files {@code lister} selects, compressing on {@code threads} threads. */
    public Packer(FileLister lister, int threads) {
        this(lister, false, threads);
    }

    private Packer(FileLister lister, boolean listerSorts, int threads) {
        this.lister = lister;
        this.listerSorts = listerSorts;
        this.threads = threads;
    }

    /**
     * Writes {@code <outputDirectory>/<name>-<version>.tgz} and the report file, each through a temporary file in
     * the same directory and an atomic move, so a failure leaves neither behind.
     */
    public PackResult pack(PackRequest request) {
        ObjectNode manifest = request.manifest();
        String name = requiredText(manifest, "name", request.manifestFile());
        String version = requiredText(manifest, "version", request.manifestFile());
        String filename = TarballName.of(name, version);
        PacklistRules rules = request.npm().rules();
        PackList.Result listed;
        try {
            listed = lister.list(request.packageDirectory(), manifest, rules);
        } catch (IOException e) {
            throw new NpmregException("Cannot list the files of the package in " + request.packageDirectory() + ": " + e,
                    "Make the package directory and its files readable.", e);
        }
        List<String> files = listed.files();
        Path tarball = request.outputDirectory().resolve(filename);
        Path temp = null;
        try {
            Files.createDirectories(request.outputDirectory());
            temp = io.github.npmreg.TempFiles.create(request.outputDirectory(), "." + filename, ".tmp");
            List<PackedFile> entries;
            IntegrityOutputStream counted;
            try (OutputStream file = Files.newOutputStream(temp);
                    IntegrityOutputStream integrity = new IntegrityOutputStream(new BufferedOutputStream(file, 1 << 16));
                    ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(integrity, threads)) {
                entries = writeTarInOrder(request.packageDirectory(), request.manifestFile(), manifest, rules,
                        listerSorts ? files : EntryOrder.sort(files), gzip);
                counted = integrity;
            }
            PackResult result = result(tarball, name, version, filename, entries, counted, request.npm(),
                    listed.warnings());
            moveAtomically(temp, tarball);
            temp = tarball;
            PackReport.write(result, request.reportFile());
            // Both written: nothing to clean up.
            temp = null;
            return result;
        } catch (IOException | UncheckedIOException e) {
            throw new NpmregException("Cannot write the tarball " + tarball + ": " + e.getMessage(),
                    "Check that " + request.outputDirectory() + " is writable and the package files are readable.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original failure is the one to report. Without a report the tarball is removed too.
                }
            }
        }
    }

    /**
     * Writes the uncompressed tar {@code npm pack} would write for the package directory, with the files
     * {@link PackList} selects. Returns the entries in tar order.
     */
    public static List<PackedFile> writeTar(Path packageDirectory, Path manifestFile, ObjectNode manifest,
            PacklistRules rules, OutputStream out) throws IOException {
        return writeTar(packageDirectory, manifestFile, manifest, rules,
                PackList.collect(packageDirectory, manifest, rules).files(), out);
    }

    /**
     * Writes the uncompressed tar npm would write for these files: sorted into npm's order, each with npm's mode,
     * {@code package.json} taken from {@code manifestFile} (as {@code rules} pack it). Returns the entries in tar
     * order.
     *
     * @param files package-relative, {@code /}-separated paths of regular files, in any order
     */
    public static List<PackedFile> writeTar(Path packageDirectory, Path manifestFile, ObjectNode manifest,
            PacklistRules rules, List<String> files, OutputStream out) throws IOException {
        return writeTarInOrder(packageDirectory, manifestFile, manifest, rules, EntryOrder.sort(files), out);
    }

    /** {@link #writeTar(Path, Path, ObjectNode, List, OutputStream)} for files already in npm's tar order. */
    private static List<PackedFile> writeTarInOrder(Path packageDirectory, Path manifestFile, ObjectNode manifest,
            PacklistRules rules, List<String> sortedFiles, OutputStream out) throws IOException {
        PackageBins bins = PackageBins.of(manifest, packageDirectory, rules.major());
        TarWriter tar = new TarWriter(out);
        List<PackedFile> entries = new ArrayList<>(sortedFiles.size());
        // node-tar (write-entry.js) packs a file whose inode it has already packed as a hard link to the first.
        Map<Object, String> firstPathOfInode = new HashMap<>();
        for (String relative : sortedFiles) {
            boolean isManifest = relative.equals("package.json");
            Path source = isManifest ? manifestFile : packageDirectory.resolve(relative);
            FileStat stat = stat(source, relative);
            if (isManifest && !source.equals(packageDirectory.resolve(relative))) {
                // A staged copy: npm would see the source file's permissions.
                Path original = packageDirectory.resolve(relative);
                if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                    stat = new FileStat(stat(original, relative).mode, stat.size, null);
                }
            }
            int mode = EntryMode.of(stat.mode, bins.isPackageBin(relative));
            byte[] stripped = isManifest && rules.stripsPatchedDependencies()
                    ? PackedManifest.withoutPatchedDependencies(source) : null;
            if (stripped != null) {
                // pacote 22 packs a stripped copy: its own size, and nlink 1 so it is never a hard link
                tar.addFile(relative, mode, stripped.length, new java.io.ByteArrayInputStream(stripped));
                entries.add(new PackedFile(relative, stripped.length, mode));
                continue;
            }
            if (stat.inode != null) {
                String target = firstPathOfInode.putIfAbsent(stat.inode, relative);
                if (target != null) {
                    tar.addHardLink(relative, mode, target);
                    entries.add(new PackedFile(relative, 0, mode));
                    continue;
                }
            }
            try (InputStream in = Files.newInputStream(source)) {
                tar.addFile(relative, mode, stat.size, in);
            }
            entries.add(new PackedFile(relative, stat.size, mode));
        }
        tar.finish();
        return entries;
    }

    /** {@code inode} is the file's (dev, ino) when it has other hard links, else null. */
    private record FileStat(int mode, long size, Object inode) {}

    private static FileStat stat(Path file, String relative) throws IOException {
        try {
            if (UNIX_ATTRIBUTES) {
                Map<String, Object> attributes = Files.readAttributes(file, "unix:mode,size,nlink,dev,ino",
                        LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) attributes.get("mode");
                if ((mode & S_IFMT) != S_IFREG) {
                    throw notRegular(file, relative);
                }
                Object inode = (Integer) attributes.get("nlink") > 1
                        ? List.of(attributes.get("dev"), attributes.get("ino")) : null;
                return new FileStat(mode, (Long) attributes.get("size"), inode);
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw notRegular(file, relative);
            }
            // Node reports 0o666 for a writable file on Windows, which npm's rule turns into 0644.
            return new FileStat(0666, attributes.size(), null);
        } catch (NoSuchFileException e) {
            throw new NpmregException("The package file " + file + " disappeared while packing.",
                    "Run the pack again once nothing else is writing to the package directory.", e);
        }
    }

    private static NpmregException notRegular(Path file, String relative) {
        return new NpmregException("The package file " + relative + " (" + file + ") is not a regular file.",
                "Remove " + relative + " from the package's \"files\" or add it to .npmignore.");
    }

    private static PackResult result(Path tarball, String name, String version, String filename,
            List<PackedFile> entries, IntegrityOutputStream counted, NpmSelection npm, List<String> warnings) {
        long unpacked = 0;
        Set<String> bundled = new LinkedHashSet<>();
        for (PackedFile entry : entries) {
            unpacked += entry.size();
            Matcher m = BUNDLED.matcher(entry.path());
            if (m.find()) {
                bundled.add(m.group(1));
            }
        }
        // npm reports manifest._id, which package.json normalization always sets to name@version.
        return new PackResult(tarball, name + "@" + version, name, version, counted.count(), unpacked, counted.shasum(),
                counted.integrity(), filename, ReportOrder.sort(entries), entries.size(), new ArrayList<>(bundled),
                npm.rules().major(), npm.describe(), warnings);
    }

    private static String requiredText(ObjectNode manifest, String field, Path manifestFile) {
        JsonNode node = manifest.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new NpmregException(manifestFile + " has no \"" + field + "\", which npm needs to name the tarball.",
                    "Add \"" + field + "\": \"…\" to " + manifestFile + ".");
        }
        return node.asText();
    }

    /** Replaces {@code target} in one step, so readers see the old file or the new one, never half of one. */
    static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
