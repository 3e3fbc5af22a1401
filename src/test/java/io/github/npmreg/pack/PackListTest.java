package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PacklistRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per file-selection rule, each asserting the exact list. The expectations are what npm 11.19.1 packs for
 * the same trees ({@link PackListParityTest} checks that against the real npm).
 */
class PackListTest {
    @TempDir
    Path dir;

    private static List<String> files(Path packageDir) throws IOException {
        return List.copyOf(new TreeSet<>(result(packageDir).files()));
    }

    private static PackList.Result result(Path packageDir) throws IOException {
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(packageDir.resolve("package.json").toFile());
        return PackList.collect(packageDir, manifest, PacklistRules.NPM_11);
    }

    @Test
    void defaultsAndStrictRulesExcludeVcsJunkLockFilesNpmrcAndRootNodeModulesOnly() throws IOException {
        assertEquals(List.of(".editorconfig", ".gitignore-not.js", "CHANGELOG.md", "LICENSE", "NOTICE", "README.md",
                "build/other.gypi", "index.js", "lib/a.js", "lib/node_modules/kept.js", "lib/package-lock.json",
                "lib/sub/b.js", "npm-shrinkwrap.json", "package.json"),
                files(PackFixtures.defaultsAndStrictExcludes(dir)));
    }

    @Test
    void npmignoreLinesAreTrimmedCommentsSkippedAndNegationsReinclude() throws IOException {
        // "coverage" names the directory only, so "!coverage/summary.txt" brings the whole directory back
        assertEquals(List.of("coverage/lcov.info", "coverage/summary.txt", "index.js", "keep.log", "lib/docs/y.md",
                "lib/keep.log", "package.json"), files(PackFixtures.npmignoreRules(dir)));
    }

    @Test
    void gitignoreIsTheFallback() throws IOException {
        assertEquals(List.of("index.js", "lib/local.js", "package.json"), files(PackFixtures.gitignoreFallback(dir)));
    }

    @Test
    void npmignoreBeatsGitignorePerDirectoryAndParentRulesStillApply() throws IOException {
        assertEquals(List.of("index.js", "lib/kept.js", "other/a.txt", "other/c.js", "other/root.secret",
                "package.json", "third/y.secret", "third/z.js"), files(PackFixtures.nestedNpmignoreVsGitignore(dir)));
    }

    @Test
    void filesArrayTakesDirectoriesFilesAndRootOnlyGlobsAndNestedNpmignoreStillApplies() throws IOException {
        assertEquals(List.of("LICENSE", "README.md", "bin/cli.js", "index.d.ts", "lib/deep/x.js", "lib/index.js",
                "lib/node_modules/x.js", "package.json"), files(PackFixtures.filesArray(dir)));
    }

    @Test
    void filesGlobsStarBecomesGlobstarAndBangEntriesExclude() throws IOException {
        assertEquals(List.of("anchored.js", "dist/a.js", "dist/sub/b.js", "dist/sub/b.js.map", "docs/a.md",
                "package.json", "src/deep/y.js", "src/x.js", "types/index.d.ts", "types/sub/more.d.ts"),
                files(PackFixtures.filesGlobsAndNegations(dir)));
    }

    @Test
    void filesDirectoryDetectionIsCaseSensitiveButMatchingIsNot() throws IOException {
        assertEquals(List.of("Licence.txt", "ReadMe.markdown", "Types/sub/u.d.ts", "Types/t.d.ts", "docs/guide.md",
                "package.json"), files(PackFixtures.filesCaseAndDirectories(dir)));
    }

    @Test
    void emptyFilesArrayKeepsOnlyAlwaysIncludedFiles() throws IOException {
        assertEquals(List.of("LICENSE.md", "README", "package.json"), files(PackFixtures.filesEmptyArray(dir)));
    }

    @Test
    void readmeCopyingLicenceVariantsAreForcedAtTheRootButNotBackups() throws IOException {
        assertEquals(List.of("COPYING", "README.md", "Readme", "lib/LICENSE", "lib/a.js", "licence.md",
                "package.json", "readme.txt"), files(PackFixtures.readmeVariants(dir)));
    }

    @Test
    void mainBrowserAndBinAreForcedIn() throws IOException {
        assertEquals(List.of("bin/x.js", "bin/y.js", "browser.js", "dist/main.js", "lib/a.js", "package.json"),
                files(PackFixtures.mainBrowserBinForced(dir)));
    }

    @Test
    void directoriesBinTargetsAreForcedButAMainWrittenWithDotSlashIsNot() throws IOException {
        // "!/./lib/main.js" never matches: minimatch keeps "." path parts, so npm drops the main file here
        assertEquals(List.of("index.js", "lib/browser.js", "package.json", "scripts/a.js", "scripts/sub/b.sh"),
                files(PackFixtures.directoriesBinAndDotSlashMain(dir)));
    }

    @Test
    void filesEntriesWithSlashesPrefixesAndRecursiveGlobs() throws IOException {
        assertEquals(List.of("README", "config/deep/y.json", "config/x.json", "index.js", "lib/a.js", "lib/sub/b.js",
                "package.json", "src/a.js"), files(PackFixtures.filesEntryShapes(dir)));
    }

    @Test
    void mainInsideADirectoryExcludedByABarePatternReincludesTheDirectory() throws IOException {
        assertEquals(List.of("hidden/deep/more.js", "hidden/index.js", "hidden/other.js", "index.js",
                "package.json"), files(PackFixtures.mainDirectoryQuirk(dir)));
    }

    @Test
    void negationInsideAnExcludedDirectoryDependsOnWhatTheExclusionNames() throws IOException {
        // "docs" and "vendor/" name the directory: a negation inside brings all of it back; "assets/**" names files
        assertEquals(List.of("assets/icons/i.svg", "assets/icons/sub/j.svg", "docs/drop.md", "docs/keep.md",
                "index.js", "package.json", "vendor/drop.js", "vendor/keep.js"),
                files(PackFixtures.excludedDirWithNegation(dir)));
    }

    @Test
    void symlinksAreDroppedEvenWhenFilesNamesThem() throws IOException {
        assertEquals(List.of("lib/a.js", "package.json"), files(PackFixtures.symlinksDropped(dir)));
    }

    @Test
    void namesWithAStarAndEmptyDirectoriesAreNeverListed() throws IOException {
        List<String> files = files(PackFixtures.defaultsAndStrictExcludes(dir));
        assertTrue(files.stream().noneMatch(f -> f.contains("*") || f.startsWith("empty")), files.toString());
    }

    @Test
    void bundledDependenciesNestedHoistedAndScoped() throws IOException {
        PackList.Result r = result(PackFixtures.bundledNestedAndHoisted(dir));
        assertEquals(List.of("index.js", "node_modules/@s/g/g.js", "node_modules/@s/g/package.json",
                "node_modules/a/.DS_Store", "node_modules/a/.gitignore", "node_modules/a/.npmignore",
                "node_modules/a/index.js", "node_modules/a/lib/a.js", "node_modules/a/node_modules/b/README.md",
                "node_modules/a/node_modules/b/dist/b.js", "node_modules/a/node_modules/b/package.json",
                "node_modules/a/notes.md", "node_modules/a/package.json", "node_modules/c/c.js",
                "node_modules/c/package.json", "package.json"), List.copyOf(new TreeSet<>(r.files())));
        assertEquals(List.of("a", "c", "@s/g"), r.bundled());
    }

    @Test
    void symlinkedBundledDependencyObeysItsNpmignoreAndTheDefaults() throws IOException {
        PackList.Result r = result(PackFixtures.bundledSymlink(dir));
        assertEquals(List.of("index.js", "node_modules/linked/index.js", "node_modules/linked/package.json",
                "package.json"), List.copyOf(new TreeSet<>(r.files())));
        assertEquals(List.of("linked"), r.bundled());
    }

    @Test
    void bundledDependenciesTrueBundlesDependenciesButNotOptionalOnes() throws IOException {
        assertEquals(List.of("x", "y"), result(PackFixtures.bundledTrueAndTypo(dir)).bundled());
    }

    @Test
    void workspacesRootPacksWorkspaceFoldersAndTheirPackageJsonCancelsTheirIgnoreFiles() throws IOException {
        assertEquals(List.of("index.js", "package.json", "packages/a/index.js", "packages/a/lib/x.js",
                "packages/a/node_modules/m/index.js", "packages/a/package.json", "tools/run.js"),
                files(PackFixtures.workspacesRoot(dir)));
    }

    @Test
    void workspaceFolderReadsIgnoreFilesOfTheRootAndFoldersInBetween() throws IOException {
        assertEquals(List.of("index.js", "notes.txt", "package.json"), files(PackFixtures.workspaceFolder(dir)));
    }

    @Test
    void filesEntryLeavingThePackageTakesNothingAsInNpm() throws IOException {
        // npm 11 packs nothing for "../shared" and says nothing (NpmWarnings warns).
        Path pkg = dir.resolve("pkg");
        PackFixtures.pkg(pkg, "{\"name\":\"x\",\"version\":\"1.0.0\",\"files\":[\"lib\",\"../shared\"]}");
        PackFixtures.write(pkg, "lib/a.js", "a");
        PackFixtures.write(dir, "shared/s.js", "s");
        assertEquals(List.of("lib/a.js", "package.json"), files(pkg));
    }

    @Test
    void leadingSlashInFilesAnchorsAtThePackageRoot() throws IOException {
        PackFixtures.pkg(dir, "{\"name\":\"x\",\"version\":\"1.0.0\",\"files\":[\"/lib\"]}");
        PackFixtures.write(dir, "lib/a.js", "a");
        PackFixtures.write(dir, "src/lib/b.js", "b");
        assertEquals(List.of("lib/a.js", "package.json"), files(dir));
    }

    @Test
    void filesAsAStringIsReadCharacterByCharacterAsNpmDoes() throws IOException {
        // npm-packlist's for...of over "lib" takes the entries "l", "i", "b" (npm 11 packs only package.json here).
        PackFixtures.pkg(dir, "{\"name\":\"x\",\"version\":\"1.0.0\",\"files\":\"lib\"}");
        PackFixtures.write(dir, "lib/a.js", "a");
        assertEquals(List.of("package.json"), files(dir));
    }

    @Test
    void anIgnoreFileThatCannotBeReadIsAnError() throws IOException {
        PackFixtures.pkg(dir, "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        Files.createDirectories(dir.resolve("lib/.npmignore"));
        NpmregException e = assertThrows(NpmregException.class, () -> files(dir));
        assertTrue(e.problem().contains(dir.resolve("lib/.npmignore").toString()), e.getMessage());
    }

    @Test
    void anUnreadableDirectoryIsAnErrorNamingIt() throws Exception {
        PackFixtures.pkg(dir, "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        PackFixtures.write(dir, "locked/a.js", "a");
        Path locked = dir.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            String problemAndFix;
            if ("root".equals(System.getProperty("user.name"))) {
                // Root reads any directory (CI runs as root): the walk runs in a child process whose capability
                // bounding set lacks CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, held to the permission bits as a user.
                ProcessResult child = withoutPermissionOverride(dir);
                assertEquals(3, child.exit(), child.output());
                problemAndFix = child.output();
            } else {
                NpmregException e = assertThrows(NpmregException.class, () -> files(dir));
                problemAndFix = e.problem() + "\n" + e.fix();
            }
            assertTrue(problemAndFix.contains("Cannot list the directory " + locked), problemAndFix);
            assertTrue(problemAndFix.contains("chmod u+rx '" + locked + "'"), problemAndFix);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private record ProcessResult(int exit, String output) {
    }

    /** {@link PackListProbe} on the directory, in a JVM that may not override file permissions. */
    private static ProcessResult withoutPermissionOverride(Path packageDir) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                PackListProbe.class.getName(), packageDir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish in 60 s: " + output);
        }
        return new ProcessResult(p.exitValue(), output);
    }
}
