package io.github.npmreg.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gitHead} npm puts into a published manifest (@npmcli/package-json normalize.js, step {@code gitHead}),
 * with npm's exact reach: the nearest folder upwards that has a {@code .git} entry; then {@code .git/HEAD} read as a
 * plain file, so a worktree or submodule (where {@code .git} is a file) gets no gitHead; a symbolic ref is resolved
 * from its loose ref file, else from {@code packed-refs}; a detached HEAD is used as it is.
 */
public final class GitHead {
    private static final Pattern PACKED = Pattern.compile("^([0-9a-f]{40}) (.+)$");

    private GitHead() {}

    public static Optional<String> of(Path packageDir) {
        Path root = packageDir.toAbsolutePath().normalize();
        while (root != null && !Files.exists(root.resolve(".git"))) {
            root = root.getParent();
        }
        if (root == null) {
            return Optional.empty();
        }
        Path git = root.resolve(".git");
        String head = read(git.resolve("HEAD"));
        if (head == null || head.isEmpty()) {
            return Optional.empty();
        }
        if (!head.startsWith("ref: ")) {
            return Optional.of(head.strip());
        }
        String ref = head.substring("ref: ".length()).strip();
        String loose = read(git.resolve(ref));
        if (loose != null && !loose.isBlank()) {
            return Optional.of(loose.replaceFirst("^ref: ", "").strip());
        }
        String packed = read(git.resolve("packed-refs"));
        if (packed != null) {
            for (String line : packed.split("\n", -1)) {
                Matcher m = PACKED.matcher(line);
                if (m.matches() && m.group(2).strip().equals(ref)) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
