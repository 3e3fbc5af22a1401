package io.github.npmreg.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHeadTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void aLooseRefAPackedRefAndADetachedHead() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("sub/pkg"));
        Files.createDirectories(dir.resolve(".git/refs/heads"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(dir.resolve(".git/refs/heads/main"), SHA + "\n");
        assertEquals(Optional.of(SHA), GitHead.of(pkg));

        Files.delete(dir.resolve(".git/refs/heads/main"));
        Files.writeString(dir.resolve(".git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                + SHA + " refs/heads/main\n");
        assertEquals(Optional.of(SHA), GitHead.of(pkg));

        Files.writeString(dir.resolve(".git/HEAD"), SHA + "\n");
        assertEquals(Optional.of(SHA), GitHead.of(pkg));
    }

    @Test
    void aWorktreeGitFileGivesNoGitHeadAsInNpm() throws Exception {
        Files.writeString(dir.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
        assertEquals(Optional.empty(), GitHead.of(dir));
    }

    @Test
    void outsideAnyCheckoutThereIsNone() {
        assertEquals(Optional.empty(), GitHead.of(Path.of("/")));
    }
}
