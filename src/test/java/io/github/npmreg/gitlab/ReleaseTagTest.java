package io.github.npmreg.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real repositories built with the git CLI; {@link GitCheckout} must read them as git does. */
class ReleaseTagTest {
    @TempDir
    Path tmp;

    private final ReleaseTag rule = ReleaseTag.defaults();

    @Test
    void defaultPatternAcceptsVPrefixAndBareVersion() {
        assertTrue(rule.matches("v1.2.3", "1.2.3"));
        assertTrue(rule.matches("1.2.3", "1.2.3"));
        assertFalse(rule.matches("v1.2.34", "1.2.3"));
        assertFalse(rule.matches("v1x2x3", "1.2.3"), "dots in the version are literal");
        assertFalse(rule.matches("release-1.2.3", "1.2.3"));
        ReleaseTag monorepo = new ReleaseTag("my-pkg@{version}");
        assertTrue(monorepo.matches("my-pkg@1.0.0-rc.1", "1.0.0-rc.1"));
        assertFalse(monorepo.matches("v1.0.0-rc.1", "1.0.0-rc.1"));
    }

    @Test
    void aPatternWithoutThePlaceholderOrInvalidIsRefused() {
        assertThrows(NpmregException.class, () -> new ReleaseTag("v.*"));
        assertThrows(NpmregException.class, () -> new ReleaseTag("v({version}"));
    }

    @Test
    void ciCommitTagWinsOverGit() {
        assertEquals("v1.2.3", rule.require("1.2.3", tmp, Map.of("CI_COMMIT_TAG", "v1.2.3")));
        NpmregException e = assertThrows(NpmregException.class,
                () -> rule.require("1.2.3", tmp, Map.of("CI_COMMIT_TAG", "v1.2.4")));
        assertTrue(e.problem().contains("tag 'v1.2.4' (CI_COMMIT_TAG)"), e.problem());
        assertTrue(e.problem().contains("the version to publish is 1.2.3"), e.problem());
        assertTrue(e.fix().contains("v1.2.3"), e.fix());
    }

    @Test
    void noCheckoutAndNoCiTagIsRefused() {
        NpmregException e = assertThrows(NpmregException.class, () -> rule.require("1.2.3", tmp, Map.of()));
        assertTrue(e.problem().contains("not inside a git checkout"), e.problem());
    }

    @Test
    void lightweightTagAtHead() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v1.2.3");
        Path pkg = Files.createDirectories(repo.resolve("packages/app"));
        assertEquals("v1.2.3", rule.require("1.2.3", pkg, Map.of()));
    }

    @Test
    void annotatedTagAtHeadIsPeeled() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "-a", "1.2.3", "-m", "release 1.2.3");
        assertEquals("1.2.3", rule.require("1.2.3", repo, Map.of()));
        assertEquals(List.of("1.2.3"), tagsAtHeadByGit(repo));
    }

    @Test
    void packedRefsWithPeeledLines() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "-a", "v2.0.0", "-m", "annotated");
        git(repo, "tag", "light");
        git(repo, "pack-refs", "--all");
        assertFalse(Files.exists(repo.resolve(".git/refs/tags/v2.0.0")), "the tag must now live in packed-refs");
        assertTrue(Files.readString(repo.resolve(".git/packed-refs")).contains("\n^"), "peeled line expected");
        GitCheckout git = GitCheckout.find(repo).orElseThrow();
        assertEquals(tagsAtHeadByGit(repo), git.tagsAtHead());
        assertEquals("v2.0.0", rule.require("2.0.0", repo, Map.of()));
    }

    @Test
    void looseRefToAnAnnotatedTagObjectInAPack() throws Exception {
        Path repo = repoWithCommit();
        // Two similar tag messages, so pack-objects may store one tag object as a delta of the other.
        git(repo, "tag", "-a", "v3.0.0", "-m", "Release 3.0.0 with a long enough message to be worth a delta");
        git(repo, "tag", "-a", "v3.0.0-alt", "-m", "Release 3.0.0 with a long enough message to be worth a delta!");
        git(repo, "repack", "-a", "-d", "-f", "--window=10");
        git(repo, "prune-packed");
        try (var objects = Files.walk(repo.resolve(".git/objects"))) {
            assertFalse(objects.anyMatch(p -> p.getFileName().toString().length() == 38), "objects must be packed");
        }
        assertTrue(Files.exists(repo.resolve(".git/refs/tags/v3.0.0")), "ref stays loose");
        GitCheckout git = GitCheckout.find(repo).orElseThrow();
        assertEquals(tagsAtHeadByGit(repo), git.tagsAtHead());
        assertEquals("v3.0.0", rule.require("3.0.0", repo, Map.of()));
    }

    @Test
    void detachedHead() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v1.0.0");
        commit(repo, "second");
        git(repo, "checkout", "--detach", "v1.0.0");
        GitCheckout git = GitCheckout.find(repo).orElseThrow();
        assertTrue(git.headRef().isEmpty());
        assertEquals("v1.0.0", rule.require("1.0.0", repo, Map.of()));
    }

    @Test
    void untaggedHeadIsRefusedWithTheVersionAndTheFix() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v1.0.0");
        commit(repo, "after the tag");
        NpmregException e = assertThrows(NpmregException.class, () -> rule.require("1.0.0", repo, Map.of()));
        assertTrue(e.problem().contains("has no tag"), e.problem());
        assertTrue(e.problem().contains("version 1.0.0"), e.problem());
        assertTrue(e.problem().contains("refs/heads/main at "), e.problem());
        assertTrue(e.fix().contains("git tag v1.0.0 "), e.fix());
    }

    @Test
    void tagsThatNameAnotherVersionAreListed() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v1.0.1");
        git(repo, "tag", "-a", "nightly", "-m", "n");
        NpmregException e = assertThrows(NpmregException.class, () -> rule.require("1.0.0", repo, Map.of()));
        assertTrue(e.problem().contains("is tagged 'nightly', 'v1.0.1'"), e.problem());
        assertTrue(e.problem().contains("version 1.0.0"), e.problem());
    }

    @Test
    void unbornHead() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("empty"));
        git(repo, "init", "-q", "-b", "main");
        NpmregException e = assertThrows(NpmregException.class, () -> rule.require("1.0.0", repo, Map.of()));
        assertTrue(e.problem().contains("has no commit yet"), e.problem());
    }

    @Test
    void linkedWorktreeReadsItsOwnHeadAndTheSharedTags() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v1.0.0");
        commit(repo, "second");
        git(repo, "tag", "-a", "v2.0.0", "-m", "two");
        Path wt = tmp.resolve("wt");
        git(repo, "worktree", "add", "-q", "--detach", wt.toString(), "v1.0.0");
        assertTrue(Files.isRegularFile(wt.resolve(".git")), "a linked worktree has a .git file");
        assertEquals("v1.0.0", rule.require("1.0.0", wt, Map.of()));
        assertEquals("v2.0.0", rule.require("2.0.0", repo, Map.of()));
        NpmregException e = assertThrows(NpmregException.class, () -> rule.require("2.0.0", wt, Map.of()));
        assertTrue(e.problem().contains("'v1.0.0'"), e.problem());
    }

    @Test
    void submoduleStyleGitFile() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v4.0.0");
        Path moved = tmp.resolve("modules/app");
        Files.createDirectories(moved.getParent());
        Files.move(repo.resolve(".git"), moved);
        Files.writeString(repo.resolve(".git"), "gitdir: ../modules/app\n");
        assertEquals("v4.0.0", rule.require("4.0.0", repo, Map.of()));
    }

    @Test
    void reftableRepositoryWithLightweightAndAnnotatedTagsMadeByJGit() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("reftable"));
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile())
                .setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("file.txt"), "one");
            git.add().addFilepattern("file.txt").call();
            org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Test", "t@example.com");
            git.commit().setMessage("first").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v5.0.0").setAnnotated(false).call();
            git.tag().setName("v5.0.1").setMessage("release 5.0.1").setTagger(who).setAnnotated(true).setSigned(false)
                    .call();
            ((org.eclipse.jgit.internal.storage.file.FileRepository) git.getRepository())
                    .convertRefStorage("reftable", false, false);
        }
        assertTrue(Files.isDirectory(repo.resolve(".git/reftable")), "refs must now live in a reftable");
        assertFalse(Files.exists(repo.resolve(".git/refs/tags/v5.0.0")), "no loose tag ref left");
        GitCheckout checkout = GitCheckout.find(repo).orElseThrow();
        assertEquals(List.of("v5.0.0", "v5.0.1"), checkout.tagsAtHead());
        assertEquals("v5.0.0", rule.require("5.0.0", repo, Map.of()));
        assertEquals("v5.0.1", rule.require("5.0.1", repo, Map.of()), "the annotated tag is peeled to HEAD");
    }

    @Test
    void sha256RepositoryWithLightweightAndAnnotatedTags() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("sha256"));
        git(repo, "init", "-q", "--object-format=sha256", "-b", "main");
        commit(repo, "first");
        git(repo, "tag", "v6.0.0");
        git(repo, "tag", "-a", "v6.0.1", "-m", "annotated");
        GitCheckout checkout = GitCheckout.find(repo).orElseThrow();
        assertEquals(git(repo, "rev-parse", "HEAD").strip(), checkout.head().orElseThrow(),
                "the full 64-digit id, not JGit's cut 40 digits");
        assertEquals(tagsAtHeadByGit(repo), checkout.tagsAtHead());
        assertEquals("v6.0.1", rule.require("6.0.1", repo, Map.of()));
        commit(repo, "after the tags");
        NpmregException e = assertThrows(NpmregException.class, () -> rule.require("6.0.0", repo, Map.of()));
        assertTrue(e.problem().contains("has no tag"), e.problem());
    }

    @Test
    void aVerdictNamesWhereTheVersionLives() throws Exception {
        Path repo = repoWithCommit();
        git(repo, "tag", "v2.0.0");
        ReleaseTag.Verdict verdict = rule.judge("2.0.1", "the POM's <version>",
                v -> "bump the project <version> in pom.xml to " + v, repo, Map.of());
        ReleaseTag.Verdict.Refused refused = (ReleaseTag.Verdict.Refused) verdict;
        assertEquals(ReleaseTag.Refusal.HEAD_TAGS_NAME_OTHER_VERSION, refused.refusal());
        assertTrue(refused.fix().contains("bump the project <version> in pom.xml to 2.0.0"), refused.fix());
        assertEquals(new ReleaseTag.Verdict.Matched("v2.0.0", ReleaseTag.Source.GIT_HEAD),
                rule.judge("2.0.0", "x", v -> v, repo, Map.of()));
    }

    private Path repoWithCommit() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        commit(repo, "first");
        return repo;
    }

    private static void commit(Path repo, String message) throws Exception {
        Files.writeString(repo.resolve("file.txt"), message);
        git(repo, "add", "file.txt");
        git(repo, "commit", "-q", "-m", message);
    }

    private static List<String> tagsAtHeadByGit(Path repo) throws Exception {
        String out = git(repo, "tag", "--points-at", "HEAD").strip();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
