package io.github.npmreg.gitlab;

import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The git facts requireTag needs, read with JGit: what HEAD is and which tags point at a commit (annotated tags
 * peeled). JGit reads loose and packed refs, reftable repositories, linked worktrees and submodules (a {@code .git}
 * file), alternates and partial clones.
 *
 * <p>JGit 7 does not know SHA-256 object names: it opens such a repository and silently cuts every id to 40 hex
 * digits. A repository whose {@code extensions.objectFormat} is {@code sha256} is therefore read with the git CLI
 * ({@code git rev-parse}, {@code git for-each-ref --points-at}) when git is installed, and otherwise refused with a
 * message that says so.
 */
public final class GitCheckout {
    private final Path workTree;
    private final Path gitDir;
    private final String head;
    private final String headRef;
    private final List<String> tagsAtHead;

    private GitCheckout(Path workTree, Path gitDir, String head, String headRef, List<String> tagsAtHead) {
        this.workTree = workTree;
        this.gitDir = gitDir;
        this.head = head;
        this.headRef = headRef;
        this.tagsAtHead = List.copyOf(tagsAtHead);
    }

    /** The checkout containing {@code dir} (searching upwards for {@code .git}), or empty when there is none. */
    public static Optional<GitCheckout> find(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        Path gitDir = builder.getGitDir().toPath();
        try (Repository repo = builder.setMustExist(true).build()) {
            Path workTree = repo.isBare() ? gitDir : repo.getWorkTree().toPath();
            String format = repo.getConfig().getString("extensions", null, "objectformat");
            if (format != null && !format.equalsIgnoreCase("sha1")) {
                return Optional.of(withGitCli(workTree, gitDir, format));
            }
            ObjectId headId = repo.resolve(Constants.HEAD);
            Ref headRef = repo.exactRef(Constants.HEAD);
            String branch = headRef != null && headRef.isSymbolic() ? headRef.getTarget().getName() : null;
            List<String> tags = new ArrayList<>();
            if (headId != null) {
                for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                    Ref peeled = repo.getRefDatabase().peel(tag);
                    ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
                            : peeled.getObjectId();
                    if (headId.equals(target)) {
                        tags.add(tag.getName().substring(Constants.R_TAGS.length()));
                    }
                }
            }
            tags.sort(null);
            return Optional.of(new GitCheckout(workTree, gitDir, headId == null ? null : headId.name(), branch, tags));
        } catch (IOException | RuntimeException e) {
            throw new NpmregException("Cannot read the git repository at " + gitDir + ": " + e.getMessage() + ".",
                    "Check the checkout's file permissions, or run 'git fsck' on it.", e);
        }
    }

    /** SHA-256 repositories, which JGit cannot read: the git CLI answers, or a clear refusal. */
    private static GitCheckout withGitCli(Path workTree, Path gitDir, String format) {
        String why = "the git repository at " + gitDir + " uses " + format.toLowerCase(Locale.ROOT)
                + " object names, which JGit (the library the plugin reads git with) cannot read";
        Optional<String> head = git(workTree, why, "rev-parse", "--verify", "-q", "HEAD");
        String branch = git(workTree, why, "symbolic-ref", "-q", "HEAD").orElse(null);
        List<String> tags = new ArrayList<>();
        if (head.isPresent()) {
            git(workTree, why, "for-each-ref", "--points-at", head.get(), "--format=%(refname:strip=2)",
                    "refs/tags/").ifPresent(out -> out.lines().filter(l -> !l.isBlank()).forEach(tags::add));
        }
        tags.sort(null);
        return new GitCheckout(workTree, gitDir, head.orElse(null), branch, tags);
    }

    /** {@code git <args>} in {@code dir}: its trimmed output, empty when it exits non-zero (e.g. no HEAD yet). */
    private static Optional<String> git(Path dir, String why, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new NpmregException(capitalize(why) + ", and the git CLI is not installed to read it instead ("
                    + e.getMessage() + ").", "Install git on the build machine, or release from a tag pipeline"
                    + " (CI_COMMIT_TAG set), or turn requireTag off.", e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NpmregException(capitalize(why) + ", and 'git " + String.join(" ", args)
                        + "' did not finish within 60 s.", "Check the repository with git fsck.");
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            throw new NpmregException(capitalize(why) + ", and reading git's answer failed: " + e.getMessage(),
                    "Check the repository with git fsck.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NpmregException("Interrupted while reading the git repository at " + dir, null, e);
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The directory holding {@code .git}. */
    public Path workTree() {
        return workTree;
    }

    /** The git directory ({@code .git}, or {@code .git/worktrees/<name>} for a linked worktree). */
    public Path gitDir() {
        return gitDir;
    }

    /** {@code refs/heads/main} when HEAD is on a branch; empty when detached. */
    public Optional<String> headRef() {
        return Optional.ofNullable(headRef);
    }

    /** The commit HEAD points at; empty on an unborn branch (a repository without commits). */
    public Optional<String> head() {
        return Optional.ofNullable(head);
    }

    /** Names of the tags ({@code v1.2.3}, not {@code refs/tags/v1.2.3}) whose commit is HEAD's, sorted. */
    public List<String> tagsAtHead() {
        return tagsAtHead;
    }

    @Override
    public String toString() {
        return "git checkout " + workTree;
    }
}
