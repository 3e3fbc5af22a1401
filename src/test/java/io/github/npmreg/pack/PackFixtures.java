package io.github.npmreg.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;

/**
 * Package trees built by code, one static method per tree, each exercising npm's file-selection rules. Every
 * builder takes an empty directory and returns the directory to pack (a workspace fixture returns the workspace
 * folder, not the root). Shared by the file-list and the tar-bytes parity tests.
 */
public final class PackFixtures {
    /** A named tree. */
    public record Fixture(String name, Builder builder) {
        public Path build(Path emptyDir) {
            try {
                return builder.build(emptyDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    public interface Builder {
        Path build(Path dir) throws IOException;
    }

    private PackFixtures() {}

    public static List<Fixture> all() {
        return List.of(
                new Fixture("defaults-and-strict-excludes", PackFixtures::defaultsAndStrictExcludes),
                new Fixture("npmignore-rules", PackFixtures::npmignoreRules),
                new Fixture("gitignore-fallback", PackFixtures::gitignoreFallback),
                new Fixture("nested-npmignore-vs-gitignore", PackFixtures::nestedNpmignoreVsGitignore),
                new Fixture("files-array", PackFixtures::filesArray),
                new Fixture("files-globs-and-negations", PackFixtures::filesGlobsAndNegations),
                new Fixture("files-case-and-directories", PackFixtures::filesCaseAndDirectories),
                new Fixture("files-empty-array", PackFixtures::filesEmptyArray),
                new Fixture("files-required-file-passes-down", PackFixtures::filesRequiredFilePassesDown),
                new Fixture("readme-variants", PackFixtures::readmeVariants),
                new Fixture("main-browser-bin-forced", PackFixtures::mainBrowserBinForced),
                new Fixture("main-directory-quirk", PackFixtures::mainDirectoryQuirk),
                new Fixture("excluded-dir-with-negation", PackFixtures::excludedDirWithNegation),
                new Fixture("braces-classes-escapes", PackFixtures::bracesClassesEscapes),
                new Fixture("anchors-globstars-dir-only", PackFixtures::anchorsGlobstarsDirOnly),
                new Fixture("case-insensitive-ignore", PackFixtures::caseInsensitiveIgnore),
                new Fixture("long-paths", PackFixtures::longPaths),
                new Fixture("non-ascii-names", PackFixtures::nonAsciiNames),
                new Fixture("special-leading-characters", PackFixtures::specialLeadingCharacters),
                new Fixture("file-modes", PackFixtures::fileModes),
                new Fixture("symlinks-dropped", PackFixtures::symlinksDropped),
                new Fixture("binary-2mb", PackFixtures::binary2mb),
                new Fixture("bundled-nested-and-hoisted", PackFixtures::bundledNestedAndHoisted),
                new Fixture("bundled-symlink", PackFixtures::bundledSymlink),
                new Fixture("bundled-true-and-typo", PackFixtures::bundledTrueAndTypo),
                new Fixture("workspaces-root", PackFixtures::workspacesRoot),
                new Fixture("workspace-folder", PackFixtures::workspaceFolder),
                new Fixture("strict-rules-beat-npmignore", PackFixtures::strictRulesBeatNpmignore),
                new Fixture("workspaces-root-other-package-json", PackFixtures::workspacesRootOtherPackageJson),
                new Fixture("bundled-dev-and-prod", PackFixtures::bundledDevAndProd),
                new Fixture("directories-bin-and-dot-slash-main", PackFixtures::directoriesBinAndDotSlashMain),
                new Fixture("files-entry-shapes", PackFixtures::filesEntryShapes),
                new Fixture("odd-file-names", PackFixtures::oddFileNames),
                new Fixture("ignore-all-but", PackFixtures::ignoreAllBut),
                new Fixture("files-naming-node-modules", PackFixtures::filesNamingNodeModules),
                new Fixture("files-slashless-negation-root-only", PackFixtures::filesSlashlessNegationRootOnly),
                new Fixture("files-exact-path-vs-nested-npmignore", PackFixtures::filesExactPathVsNestedNpmignore),
                new Fixture("files-listing-default-ignored", PackFixtures::filesListingDefaultIgnored),
                new Fixture("root-shrinkwrap-and-bun-lock", PackFixtures::rootShrinkwrapAndBunLock),
                new Fixture("npm-extension-files", PackFixtures::npmExtensionFiles),
                new Fixture("patched-dependencies-excluded", PackFixtures::patchedDependenciesExcluded),
                new Fixture("patched-dependencies-listed-in-files", PackFixtures::patchedDependenciesListedInFiles),
                new Fixture("patched-dependencies-tabs-crlf-numbers", PackFixtures::patchedDependenciesTabsCrlfNumbers),
                new Fixture("patched-dependencies-compact-json", PackFixtures::patchedDependenciesCompactJson),
                new Fixture("files-globstar-extglob-negations", PackFixtures::filesGlobstarExtglobNegations),
                new Fixture("files-braces-and-classes", PackFixtures::filesBracesAndClasses),
                new Fixture("files-star-takes-dot-entries", PackFixtures::filesStarTakesDotEntries),
                new Fixture("files-hash-and-bang-literals", PackFixtures::filesHashAndBangLiterals),
                new Fixture("files-slashes-and-dir-star", PackFixtures::filesSlashesAndDirStar),
                new Fixture("files-case-sensitive-glob", PackFixtures::filesCaseSensitiveGlob),
                new Fixture("files-negated-directory", PackFixtures::filesNegatedDirectory),
                new Fixture("files-symlink-entries", PackFixtures::filesSymlinkEntries),
                new Fixture("files-matches-with-glob-characters", PackFixtures::filesMatchesWithGlobCharacters),
                new Fixture("bundled-dep-with-shrinkwrap-and-patches", PackFixtures::bundledDepWithShrinkwrapAndPatches),
                new Fixture("workspace-files-globs", PackFixtures::workspaceFilesGlobs),
                new Fixture("bin-key-renamed-onto-later-key", PackFixtures::binKeyRenamedOntoLaterKey),
                new Fixture("bin-array-same-basename", PackFixtures::binArraySameBasename),
                new Fixture("bin-from-directories-bin-nested", PackFixtures::binFromDirectoriesBinNested));
    }

    // ---- trees ----

    /** No ignore file: npm-packlist's defaults and strict excludes alone. */
    public static Path defaultsAndStrictExcludes(Path d) throws IOException {
        pkg(d, "{\"name\":\"defaults\",\"version\":\"1.0.0\"}");
        for (String f : List.of("index.js", "lib/a.js", "lib/sub/b.js", "README.md", "LICENSE", ".DS_Store",
                "lib/.DS_Store", "npm-debug.log", "lib/npm-debug.log", "x.orig", "lib/y.orig", ".foo.swp",
                "lib/.bar.swp", "._resource", "lib/._other", ".git/config", "lib/.git", "CVS/Entries",
                ".svn/entries", ".hg/store", ".npmrc", "lib/.npmrc", "package-lock.json", "lib/package-lock.json",
                "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "build/config.gypi", "build/other.gypi",
                "archived-packages/old.tgz", ".lock-wscript", ".wafpickle-7", "lib/.wafpickle-7",
                "node_modules/dep/index.js", "lib/node_modules/kept.js", "star*name.js", ".gitignore-not.js",
                "CHANGELOG.md", "NOTICE", "npm-shrinkwrap.json", ".editorconfig")) {
            write(d, f, "// " + f + "\n");
        }
        Files.createDirectories(d.resolve("empty/deeper"));
        return d;
    }

    /** A root .npmignore with comments, blank lines, CRLF, negations and surrounding spaces. */
    public static Path npmignoreRules(Path d) throws IOException {
        pkg(d, "{\"name\":\"npmignore-rules\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "# comment\r\ntest/\r\n\r\n*.log\r\n  /docs  \r\n!keep.log\r\n"
                + "coverage\n!coverage/summary.txt\n");
        for (String f : List.of("index.js", "test/a.js", "lib/test/b.js", "a.log", "keep.log", "lib/keep.log",
                "docs/x.md", "lib/docs/y.md", "coverage/lcov.info", "coverage/summary.txt", ".gitignore")) {
            write(d, f, f);
        }
        return d;
    }

    /** Only a .gitignore: npm falls back to it (and warns). */
    public static Path gitignoreFallback(Path d) throws IOException {
        pkg(d, "{\"name\":\"gitignore-fallback\",\"version\":\"1.0.0\"}");
        write(d, ".gitignore", "dist\n*.tmp\n/local.js\n");
        for (String f : List.of("index.js", "dist/out.js", "a.tmp", "lib/b.tmp", "local.js", "lib/local.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** .npmignore beats .gitignore per directory; nested ignore files add to the parent's rules. */
    public static Path nestedNpmignoreVsGitignore(Path d) throws IOException {
        pkg(d, "{\"name\":\"nested\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "*.secret\n");
        write(d, ".gitignore", "*.js\n");
        write(d, "lib/.gitignore", "generated.js\n");
        write(d, "other/.gitignore", "*.txt\n");
        write(d, "other/.npmignore", "*.md\n!root.secret\n");
        write(d, "third/.npmignore", "!*.secret\n");
        for (String f : List.of("index.js", "a.secret", "lib/generated.js", "lib/kept.js", "lib/x.secret",
                "other/a.txt", "other/b.md", "other/root.secret", "other/c.js", "third/y.secret", "third/z.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** files with a directory, a file, a root-only *.d.ts glob, plus a nested .npmignore still honoured. */
    public static Path filesArray(Path d) throws IOException {
        pkg(d, "{\"name\":\"files-array\",\"version\":\"1.0.0\",\"files\":[\"lib\",\"bin/cli.js\",\"*.d.ts\"]}");
        write(d, "lib/.npmignore", "*.test.js\n");
        for (String f : List.of("lib/index.js", "lib/index.test.js", "lib/deep/x.js", "bin/cli.js", "bin/other.js",
                "index.d.ts", "types/sub.d.ts", "CHANGELOG.md", "README.md", "LICENSE", "src/index.ts",
                "lib/.npmrc", "lib/.DS_Store", "lib/node_modules/x.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** dist/* becoming dist/**, recursive globs, ! entries acting as excludes, ./ prefixes, trailing slashes. */
    public static Path filesGlobsAndNegations(Path d) throws IOException {
        pkg(d, """
                {"name":"files-globs","version":"1.0.0",
                 "files":["dist/*","src/**/*.js","!src/secret.js","./types/","/anchored.js","!dist/*.map",
                          "missing-dir","docs/*.md"]}""");
        for (String f : List.of("dist/a.js", "dist/a.js.map", "dist/sub/b.js", "dist/sub/b.js.map", "src/x.js",
                "src/secret.js", "src/deep/y.js", "src/deep/y.ts", "types/index.d.ts", "types/sub/more.d.ts",
                "anchored.js", "lib/anchored.js", "docs/a.md", "docs/sub/b.md", "other.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** Case: matching is case-insensitive, but a files entry is a directory only if lstat finds that exact name. */
    public static Path filesCaseAndDirectories(Path d) throws IOException {
        pkg(d, "{\"name\":\"files-case\",\"version\":\"1.0.0\",\"files\":[\"LIB\",\"Docs/*.MD\",\"Types\"]}");
        for (String f : List.of("lib/a.js", "lib/sub/b.js", "docs/guide.md", "docs/other.txt", "Types/t.d.ts",
                "Types/sub/u.d.ts", "ReadMe.markdown", "Licence.txt")) {
            write(d, f, f);
        }
        return d;
    }

    /** files: [] packs only what is always included. */
    public static Path filesEmptyArray(Path d) throws IOException {
        pkg(d, "{\"name\":\"files-empty\",\"version\":\"1.0.0\",\"files\":[]}");
        for (String f : List.of("index.js", "README", "LICENSE.md", "lib/a.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** A file entry in files becomes a required file handed to the subdirectory walker as a basename rule. */
    public static Path filesRequiredFilePassesDown(Path d) throws IOException {
        pkg(d, "{\"name\":\"files-required\",\"version\":\"1.0.0\",\"files\":[\"lib/a.js\",\"x/y/z.js\"]}");
        for (String f : List.of("lib/a.js", "lib/b.js", "lib/sub/a.js", "lib/sub/c.js", "x/y/z.js", "x/y/w.js",
                "x/z.js", "a.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** readme/copying/license/licence in any case at the root are forced in; backup files and nested ones not. */
    public static Path readmeVariants(Path d) throws IOException {
        pkg(d, "{\"name\":\"readmes\",\"version\":\"1.0.0\",\"files\":[\"lib\"]}");
        for (String f : List.of("lib/a.js", "README.md", "README.md~", "readme.txt", "Readme", "COPYING",
                "licence.md", "LICENSE-MIT", "license~", "License.txt$", "docs/README.md", "lib/LICENSE",
                "CHANGELOG.md", "HISTORY.md", "NOTICE", "AUTHORS", "readmeish.txt")) {
            write(d, f, f);
        }
        return d;
    }

    /** main, browser and every bin target are included even when files or .npmignore leave them out. */
    public static Path mainBrowserBinForced(Path d) throws IOException {
        pkg(d, """
                {"name":"forced","version":"1.0.0","files":["lib"],"main":"dist/main.js","browser":"browser.js",
                 "bin":{"x":"./bin/x.js","y":"tools/../bin/y.js"}}""");
        write(d, ".npmignore", "bin\n");
        for (String f : List.of("lib/a.js", "dist/main.js", "dist/other.js", "browser.js", "bin/x.js", "bin/y.js",
                "bin/z.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** main inside a directory excluded by a bare pattern re-includes that whole directory. */
    public static Path mainDirectoryQuirk(Path d) throws IOException {
        pkg(d, "{\"name\":\"main-quirk\",\"version\":\"1.0.0\",\"main\":\"hidden/index.js\"}");
        write(d, ".npmignore", "hidden\nsecret/\n");
        for (String f : List.of("index.js", "hidden/index.js", "hidden/other.js", "hidden/deep/more.js",
                "secret/a.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** An excluded directory with a negation inside: ignore-walk still descends when a negation could match. */
    public static Path excludedDirWithNegation(Path d) throws IOException {
        pkg(d, "{\"name\":\"negation\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "docs\n!docs/keep.md\nassets/**\n!assets/icons/**\nvendor/\n!vendor/keep.js\n");
        for (String f : List.of("docs/keep.md", "docs/drop.md", "assets/a.png", "assets/icons/i.svg",
                "assets/icons/sub/j.svg", "vendor/keep.js", "vendor/drop.js", "index.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** Brace sets, character classes, ?, escapes and a {,.*[^~$]}-style group. */
    public static Path bracesClassesEscapes(Path d) throws IOException {
        pkg(d, "{\"name\":\"braces\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "*.{md,txt}\n!keep.{md,txt}\n[abc].js\nfile?.js\n\\#hash.js\nnotes{,.*[^~$]}\n"
                + "[!x]y.cfg\n{1..3}.dat\n@(ext|other).cfg\n!(*.js|*.cfg|*.dat|*.md|*.txt|notes*|#*)\n");
        for (String f : List.of("a.md", "b.txt", "keep.md", "keep.txt", "a.js", "d.js", "file1.js", "file12.js",
                "#hash.js", "notes", "notes.old", "notes.bak~", "ay.cfg", "xy.cfg", "2.dat", "4.dat", "index.js", "ext.cfg", "other.cfg", "third.cfg", "plain.bin")) {
            write(d, f, f);
        }
        return d;
    }

    /** Leading / anchors, ** anywhere, trailing / for directories only. */
    public static Path anchorsGlobstarsDirOnly(Path d) throws IOException {
        pkg(d, "{\"name\":\"anchors\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "/x.js\n**/fixtures/**\na/**/b.js\nbuild/\nlib/*.tmp\n");
        for (String f : List.of("x.js", "sub/x.js", "test/fixtures/f.json", "fixtures/g.json", "a/b.js",
                "a/m/n/b.js", "c/a/b.js", "build/out.js", "other/build", "lib/t.tmp", "lib/sub/t.tmp",
                "index.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** Ignore rules match regardless of case. */
    public static Path caseInsensitiveIgnore(Path d) throws IOException {
        pkg(d, "{\"name\":\"nocase\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "*.MD\nTEST\n/Docs/\n");
        for (String f : List.of("a.md", "B.Md", "test/x.js", "lib/Test/y.js", "docs/z.txt", "index.js",
                "README.md")) {
            write(d, f, f);
        }
        return d;
    }

    /** Paths over 100 and over 256 bytes, and a basename over 100 bytes. */
    public static Path longPaths(Path d) throws IOException {
        pkg(d, "{\"name\":\"long-paths\",\"version\":\"1.0.0\"}");
        String seg = "abcdefghij".repeat(5);
        write(d, seg + "/" + seg + "/file.js", "x");
        write(d, seg + "/" + seg + "/" + seg + "/" + seg + "/" + seg + "/deep-file-name.js", "y");
        write(d, "short/" + "n".repeat(120) + ".js", "z");
        write(d, "p".repeat(91) + ".js", "exactly 100 with package/");
        return d;
    }

    /** Non-ASCII names: accents, CJK, emoji. */
    public static Path nonAsciiNames(Path d) throws IOException {
        pkg(d, "{\"name\":\"non-ascii\",\"version\":\"1.0.0\"}");
        // "?" is one UTF-16 unit in npm's matcher, so it cannot match an emoji; "ſ" does not fold to "s"
        write(d, ".npmignore", "*.tmp\nÉTÉ.txt\nemoji-?.md\nſ*\n");
        for (String f : List.of("café.js", "日本/語.txt", "emoji-😀.md", "naïve/résumé.txt", "x.tmp", "été.txt",
                "données/ÉTÉ.txt", "shadow.txt")) {
            write(d, f, f);
        }
        return d;
    }

    /** Names starting with @, _ and . at the root and below. */
    public static Path specialLeadingCharacters(Path d) throws IOException {
        pkg(d, "{\"name\":\"@scope/special\",\"version\":\"1.0.0\"}");
        for (String f : List.of("@types/index.d.ts", "@foo.js", "_private.js", "_dir/x.js", ".hidden",
                ".eslintrc.json", ".config/settings.json", "lib/@inner.js", "lib/.dot.js", "index.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** File modes 0600, 0664, 0755, 0775 (and a bin). */
    public static Path fileModes(Path d) throws IOException {
        pkg(d, "{\"name\":\"modes\",\"version\":\"1.0.0\",\"bin\":\"bin/run.js\"}");
        write(d, "private.js", "a", "rw-------");
        write(d, "group.js", "b", "rw-rw-r--");
        write(d, "exec.sh", "c", "rwxr-xr-x");
        write(d, "groupexec.sh", "d", "rwxrwxr-x");
        write(d, "bin/run.js", "#!/usr/bin/env node\n", "rw-r--r--");
        return d;
    }

    /** Symbolic links to a file and to a directory are dropped, also when files names them. */
    public static Path symlinksDropped(Path d) throws IOException {
        pkg(d, "{\"name\":\"symlinks\",\"version\":\"1.0.0\",\"files\":[\"lib\",\"link-file.js\",\"linked-dir\"]}");
        write(d, "lib/a.js", "a");
        write(d, "target.js", "t");
        write(d, "target-dir/b.js", "b");
        Files.createSymbolicLink(d.resolve("link-file.js"), Path.of("target.js"));
        Files.createSymbolicLink(d.resolve("linked-dir"), Path.of("target-dir"));
        Files.createSymbolicLink(d.resolve("lib/inner-link.js"), Path.of("a.js"));
        Files.createSymbolicLink(d.resolve("lib/dangling.js"), Path.of("nowhere.js"));
        return d;
    }

    /** A 2 MB binary file. */
    public static Path binary2mb(Path d) throws IOException {
        pkg(d, "{\"name\":\"binary\",\"version\":\"1.0.0\"}");
        byte[] bytes = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        Files.createDirectories(d.resolve("assets"));
        Files.write(d.resolve("assets/blob.bin"), bytes);
        write(d, "index.js", "module.exports = 1\n");
        return d;
    }

    /**
     * bundleDependencies: a nested dependency, a hoisted one, a scoped one, a dev and a peer dependency (skipped),
     * a missing one; the bundled package's .npmignore is packed, not applied, but its files field is.
     */
    public static Path bundledNestedAndHoisted(Path d) throws IOException {
        pkg(d, """
                {"name":"bundler","version":"1.0.0",
                 "dependencies":{"a":"1.0.0","@s/g":"1.0.0","missing":"1.0.0"},
                 "devDependencies":{"dev":"1.0.0"},"peerDependencies":{"peer":"1.0.0"},
                 "bundleDependencies":["a","@s/g","dev","peer","missing","undeclared"]}""");
        write(d, "index.js", "x");
        write(d, "node_modules/a/package.json", """
                {"name":"a","version":"1.0.0","dependencies":{"b":"1"},"optionalDependencies":{"c":"1"},
                 "devDependencies":{"devonly":"1"}}""");
        write(d, "node_modules/a/index.js", "a");
        write(d, "node_modules/a/.npmignore", "*.md\n");
        write(d, "node_modules/a/notes.md", "kept: .npmignore not applied at the top of a bundled dep");
        write(d, "node_modules/a/.gitignore", "x\n");
        write(d, "node_modules/a/lib/.npmignore", "*.txt\n");
        write(d, "node_modules/a/lib/a.txt", "dropped: subfolders apply ignore files");
        write(d, "node_modules/a/lib/a.js", "a");
        write(d, "node_modules/a/.DS_Store", "top of bundled dep: defaults not applied");
        write(d, "node_modules/a/lib/.DS_Store", "subfolder: defaults applied");
        write(d, "node_modules/a/package-lock.json", "{}");
        write(d, "node_modules/a/node_modules/b/package.json", "{\"name\":\"b\",\"version\":\"1.0.0\",\"files\":[\"dist\"]}");
        write(d, "node_modules/a/node_modules/b/dist/b.js", "b");
        write(d, "node_modules/a/node_modules/b/src/b.ts", "b");
        write(d, "node_modules/a/node_modules/b/README.md", "b");
        write(d, "node_modules/c/package.json", "{\"name\":\"c\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/c/c.js", "c");
        write(d, "node_modules/devonly/package.json", "{\"name\":\"devonly\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/@s/g/package.json", "{\"name\":\"@s/g\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/@s/g/g.js", "g");
        write(d, "node_modules/dev/package.json", "{\"name\":\"dev\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/dev/dev.js", "dev");
        write(d, "node_modules/peer/package.json", "{\"name\":\"peer\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/peer/peer.js", "peer");
        write(d, "node_modules/undeclared/package.json", "{\"name\":\"undeclared\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/not-bundled/package.json", "{\"name\":\"not-bundled\",\"version\":\"1.0.0\"}");
        return d;
    }

    /** A bundled dependency that is a symlink: its .npmignore and the defaults apply. */
    public static Path bundledSymlink(Path d) throws IOException {
        Path pkgDir = d.resolve("app");
        pkg(pkgDir, """
                {"name":"app","version":"1.0.0","dependencies":{"linked":"file:../linked-src"},
                 "bundleDependencies":["linked"]}""");
        write(pkgDir, "index.js", "x");
        Path src = d.resolve("linked-src");
        write(src, "package.json", "{\"name\":\"linked\",\"version\":\"1.0.0\"}");
        write(src, ".npmignore", "*.md\n");
        write(src, "notes.md", "dropped");
        write(src, "index.js", "linked");
        write(src, ".DS_Store", "dropped");
        Files.createDirectories(pkgDir.resolve("node_modules"));
        Files.createSymbolicLink(pkgDir.resolve("node_modules/linked"), Path.of("../../linked-src"));
        return pkgDir;
    }

    /** bundledDependencies (the old spelling) set to true bundles every dependency. */
    public static Path bundledTrueAndTypo(Path d) throws IOException {
        pkg(d, """
                {"name":"bundle-all","version":"1.0.0","dependencies":{"x":"1","y":"1"},
                 "optionalDependencies":{"z":"1"},"bundledDependencies":true}""");
        write(d, "index.js", "x");
        for (String dep : List.of("x", "y", "z")) {
            write(d, "node_modules/" + dep + "/package.json", "{\"name\":\"" + dep + "\",\"version\":\"1.0.0\"}");
            write(d, "node_modules/" + dep + "/" + dep + ".js", dep);
        }
        return d;
    }

    /** A workspaces root packed plainly: workspace folders are packed; their package.json replaces their ignores. */
    public static Path workspacesRoot(Path d) throws IOException {
        pkg(d, "{\"name\":\"ws-root\",\"version\":\"1.0.0\",\"workspaces\":[\"packages/*\"]}");
        write(d, ".npmignore", "*.log\n");
        write(d, "index.js", "root");
        write(d, "packages/a/package.json", "{\"name\":\"a\",\"version\":\"1.0.0\",\"files\":[\"lib\"]}");
        write(d, "packages/a/.npmignore", "*.js\n");
        write(d, "packages/a/index.js", "a");
        write(d, "packages/a/lib/x.js", "x");
        write(d, "packages/a/debug.log", "log");
        write(d, "packages/a/node_modules/m/index.js", "m");
        write(d, "tools/.npmignore", "*.sh\n");
        write(d, "tools/run.sh", "sh");
        write(d, "tools/run.js", "js");
        return d;
    }

    /** Packing a workspace folder reads the ignore files of the root and of the folders in between. */
    public static Path workspaceFolder(Path d) throws IOException {
        pkg(d, "{\"name\":\"ws-root\",\"version\":\"1.0.0\",\"workspaces\":[\"packages/*\"]}");
        write(d, ".npmignore", "*.log\n");
        write(d, ".gitignore", "*.js\n");
        write(d, "packages/.gitignore", "secret.txt\n");
        Path ws = d.resolve("packages/a");
        pkg(ws, "{\"name\":\"a\",\"version\":\"1.0.0\"}");
        write(ws, ".npmignore", "*.tmp\n");
        for (String f : List.of("index.js", "debug.log", "secret.txt", "x.tmp", "lib/y.log", "notes.txt")) {
            write(ws, f, f);
        }
        return ws;
    }

    /** .npmignore excluding everything cannot drop package.json, readme, license, main or bin. */
    public static Path strictRulesBeatNpmignore(Path d) throws IOException {
        pkg(d, "{\"name\":\"strict\",\"version\":\"1.0.0\",\"main\":\"./lib/main.js\",\"bin\":\"cli.js\"}");
        write(d, ".npmignore", "*\n!lib/\n!lib/keep/**\n");
        for (String f : List.of("README.md", "LICENSE", "cli.js", "lib/main.js", "lib/other.js", "lib/keep/k.js",
                "index.js", ".npmrc", "lib/.npmrc")) {
            write(d, f, f);
        }
        return d;
    }

    /** In a workspaces root every subfolder with a package.json has it read as an ignore file, workspace or not. */
    public static Path workspacesRootOtherPackageJson(Path d) throws IOException {
        pkg(d, "{\"name\":\"ws-root2\",\"version\":\"1.0.0\",\"workspaces\":[\"packages/a\"]}");
        pkg(d.resolve("packages/a"), "{\"name\":\"a\",\"version\":\"1.0.0\"}");
        write(d, "packages/a/a.js", "a");
        pkg(d.resolve("examples/demo"), "{\"name\":\"demo\",\"version\":\"1.0.0\",\"files\":[\"x\"]}");
        write(d, "examples/demo/.npmignore", "*.js\n");
        write(d, "examples/demo/demo.js", "demo");
        write(d, "examples/.npmignore", "*.txt\n");
        write(d, "examples/readme.txt", "dropped: no package.json in examples/");
        return d;
    }

    /** A bundled name listed in both dependencies and devDependencies: the dev edge, loaded last, wins. */
    public static Path bundledDevAndProd(Path d) throws IOException {
        pkg(d, """
                {"name":"dev-and-prod","version":"1.0.0","dependencies":{"both":"1","opt":"1"},
                 "devDependencies":{"both":"1"},"optionalDependencies":{"opt":"1"},"bundleDependencies":["both","opt"]}""");
        write(d, "index.js", "x");
        for (String dep : List.of("both", "opt")) {
            write(d, "node_modules/" + dep + "/package.json", "{\"name\":\"" + dep + "\",\"version\":\"1.0.0\"}");
            write(d, "node_modules/" + dep + "/" + dep + ".js", dep);
            write(d, "node_modules/" + dep + "/.npmrc", "dropped: strict rule");
        }
        return d;
    }

    /** directories.bin makes every file below it a forced bin; a main written "./x" is not forced. */
    public static Path directoriesBinAndDotSlashMain(Path d) throws IOException {
        pkg(d, """
                {"name":"bindir","version":"1.0.0","main":"./lib/main.js","browser":"lib/browser.js",
                 "directories":{"bin":"./scripts"}}""");
        write(d, ".npmignore", "scripts/**\nlib/**\n");
        for (String f : List.of("scripts/a.js", "scripts/sub/b.sh", "scripts/.hidden.js", "lib/main.js",
                "lib/browser.js", "lib/other.js", "index.js")) {
            write(d, f, f);
        }
        return d;
    }

    /**
     * {@code bin: {"a/x": "p.js", "x": "q.js"}}: normalization renames {@code a/x} to {@code x}, overwriting the later
     * key, so the only bin is {@code p.js}: it is forced in past .npmignore and made executable (also as
     * {@code lib/p.js}, pacote's first-segment quirk); {@code q.js} is neither.
     */
    public static Path binKeyRenamedOntoLaterKey(Path d) throws IOException {
        pkg(d, "{\"name\":\"bin-renamed\",\"version\":\"1.0.0\",\"bin\":{\"a/x\":\"p.js\",\"x\":\"q.js\"}}");
        write(d, ".npmignore", "/p.js\n/q.js\n");
        for (String f : List.of("p.js", "q.js", "lib/p.js", "lib/q.js")) {
            write(d, f, "#!/usr/bin/env node\n", "rw-r--r--");
        }
        return d;
    }

    /**
     * {@code bin: ["x.js", "sub/x.js"]}: both are keyed {@code x.js}, the second wins, so the bin is
     * {@code sub/x.js}: tested as {@code x.js} neither the root {@code x.js} nor {@code sub/x.js} is executable,
     * {@code lib/sub/x.js} is.
     */
    public static Path binArraySameBasename(Path d) throws IOException {
        pkg(d, "{\"name\":\"bin-array\",\"version\":\"1.0.0\",\"bin\":[\"x.js\",\"sub/x.js\"]}");
        for (String f : List.of("x.js", "sub/x.js", "lib/sub/x.js", "lib/x.js")) {
            write(d, f, "#!/usr/bin/env node\n", "rw-r--r--");
        }
        return d;
    }

    /**
     * {@code directories.bin} without {@code bin}: the normalizer lists the directory, so {@code tools/run.js} and
     * {@code tools/sub/deep.js} are bins; pacote's quirk makes {@code x/tools/run.js} executable.
     */
    public static Path binFromDirectoriesBinNested(Path d) throws IOException {
        pkg(d, "{\"name\":\"bin-dir\",\"version\":\"1.0.0\",\"directories\":{\"bin\":\"./tools\"}}");
        for (String f : List.of("tools/run.js", "tools/sub/deep.js", "x/tools/run.js", "x/sub/deep.js",
                "y/tools/sub/deep.js")) {
            write(d, f, "#!/usr/bin/env node\n", "rw-r--r--");
        }
        return d;
    }

    /** files entries: trailing slash, ./ prefix on a file, a recursive glob, an explicit README, a ** dir glob. */
    public static Path filesEntryShapes(Path d) throws IOException {
        pkg(d, """
                {"name":"shapes","version":"1.0.0",
                 "files":["lib/","./index.js","**/*.json","README","src/**","!src/**/*.test.js","index.js/"]}""");
        for (String f : List.of("lib/a.js", "lib/sub/b.js", "index.js", "sub/index.js", "config/x.json",
                "config/deep/y.json", "README", "src/a.js", "src/a.test.js", "src/deep/b.test.js", "other.txt")) {
            write(d, f, f);
        }
        return d;
    }

    /**
     * Characters that are legal on Linux but odd elsewhere, spaces, backslashes, a mis-cased ignore file (not read).
     * The colon name sits in a subfolder: at the root npm-packlist lists "a:b.js" but node-tar strips "a:" as a
     * Windows drive root and writes the entry as "b.js".
     */
    public static Path oddFileNames(Path d) throws IOException {
        pkg(d, "{\"name\":\"odd\",\"version\":\"1.0.0\"}");
        write(d, ".NPMIGNORE", "*.js\n");
        for (String f : List.of("dir/a:b.js", "q?.js", "p|x.js", "lt<gt>.js", "back\\slash.js", "sp ace.js", " lead.txt",
                "trail .txt", "tab\tname.txt", "new%20line.txt", "#comment.txt", "!bang.txt", "[brackets].txt",
                "{braces}.txt", "semi;colon.txt")) {
            write(d, f, f);
        }
        return d;
    }

    /** The "exclude everything, re-include directories and some files" idiom. */
    public static Path ignoreAllBut(Path d) throws IOException {
        pkg(d, "{\"name\":\"all-but\",\"version\":\"1.0.0\"}");
        write(d, ".npmignore", "*\n!*/\n!**/*.js\n!/bin/**\n**/*.spec.js\n");
        for (String f : List.of("index.js", "a.txt", "lib/x.js", "lib/x.spec.js", "lib/y.json", "bin/run",
                "bin/sub/tool", "deep/er/z.js", "deep/er/z.md")) {
            write(d, f, f);
        }
        return d;
    }

    /** files cannot pull in node_modules content: the strict /node_modules rule wins. */
    public static Path filesNamingNodeModules(Path d) throws IOException {
        pkg(d, "{\"name\":\"files-nm\",\"version\":\"1.0.0\",\"files\":[\"node_modules/x\",\"lib\"]}");
        write(d, "node_modules/x/package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        write(d, "node_modules/x/x.js", "x");
        write(d, "lib/node_modules/y/y.js", "nested node_modules are ordinary folders");
        write(d, "lib/a.js", "a");
        return d;
    }

    // ---- helpers ----

    // ---- trees for npm 12's rules (npm-packlist 11); npm 11 packs them too, by its own rules ----

    /** A slashless negation in files only matches at the root under npm 12; npm 11 matched it at any depth. */
    public static Path filesSlashlessNegationRootOnly(Path d) throws IOException {
        pkg(d, "{\"name\":\"slashless\",\"version\":\"1.0.0\",\"files\":[\"lib\",\"notes.md\",\"!notes.md\",\"!*.map\"]}");
        for (String f : List.of("notes.md", "lib/notes.md", "lib/a.js", "lib/a.js.map", "x.map", "lib/deep/notes.md")) {
            write(d, f, f);
        }
        return d;
    }

    /** A file listed by its exact path and ignored by a nested .npmignore: npm 11 packs it, npm 12 does not. */
    public static Path filesExactPathVsNestedNpmignore(Path d) throws IOException {
        pkg(d, "{\"name\":\"exact-vs-nested\",\"version\":\"1.0.0\",\"files\":[\"lib/keep.js\",\"lib/sub/deep.js\",\"other\"]}");
        write(d, "lib/.npmignore", "keep.js\nsub\n");
        write(d, "other/.npmignore", "*.txt\n");
        for (String f : List.of("lib/keep.js", "lib/other.js", "lib/sub/deep.js", "other/a.txt", "other/b.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** files naming default-ignored files: npm 11's required files forced some in, npm 12 leaves the defaults. */
    public static Path filesListingDefaultIgnored(Path d) throws IOException {
        pkg(d, "{\"name\":\"default-ignored\",\"version\":\"1.0.0\",\"files\":[\"sub/.DS_Store\",\"npm-debug.log\","
                + "\"sub/x.orig\",\".npmrc\",\"sub/.npmignore\",\"sub/a.js\",\".gitignore\",\"sub/._meta\"]}");
        for (String f : List.of("sub/.DS_Store", "npm-debug.log", "sub/x.orig", ".npmrc", "sub/.npmignore", "sub/a.js",
                ".gitignore", "sub/._meta", "sub/b.js")) {
            write(d, f, f.endsWith(".npmignore") ? "b.js\n" : f);
        }
        return d;
    }

    /** Root npm-shrinkwrap.json and bun.lock are always excluded by npm 12; nested ones are kept. */
    public static Path rootShrinkwrapAndBunLock(Path d) throws IOException {
        pkg(d, "{\"name\":\"locks\",\"version\":\"1.0.0\"}");
        for (String f : List.of("npm-shrinkwrap.json", "bun.lock", "bun.lockb", "lib/npm-shrinkwrap.json",
                "lib/bun.lock", "index.js", "yarn.lock", "lib/yarn.lock")) {
            write(d, f, "{}\n");
        }
        return d;
    }

    /** .npm-extension.cjs/.mjs at the root are left out by npm 12 (and must export transformManifest). */
    public static Path npmExtensionFiles(Path d) throws IOException {
        pkg(d, "{\"name\":\"npm-extension\",\"version\":\"1.0.0\",\"files\":[\"*\",\"lib\"]}");
        write(d, ".npm-extension.cjs", "module.exports = { transformManifest: (manifest) => manifest }\n");
        write(d, "lib/.npm-extension.mjs", "export const x = 1\n");
        write(d, "lib/.npm-extension.cjs", "module.exports = {}\n");
        write(d, "index.js", "x\n");
        return d;
    }

    /** patchedDependencies: the patch files are excluded and the field leaves the packed package.json (npm 12). */
    public static Path patchedDependenciesExcluded(Path d) throws IOException {
        pkg(d, "{\n  \"name\": \"patched\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"left-pad\": \"1.3.0\"\n"
                + "  },\n  \"patchedDependencies\": {\n    \"left-pad@1.3.0\": \"patches/left-pad@1.3.0.patch\",\n"
                + "    \"other\": \"./patches/other.patch\",\n    \"bad\": 7,\n    \"outside\": \"../up.patch\"\n  },\n"
                + "  \"scripts\": {\n    \"test\": \"node test.js\"\n  }\n}");
        for (String f : List.of("patches/left-pad@1.3.0.patch", "patches/other.patch", "patches/README.md",
                "index.js", "lib/patches/other.patch")) {
            write(d, f, f);
        }
        return d;
    }

    /** files takes the patches directory and a patch file: npm 12 warns patched-dependencies and leaves them out. */
    public static Path patchedDependenciesListedInFiles(Path d) throws IOException {
        pkg(d, "{\"name\":\"patched-files\",\"version\":\"1.0.0\",\"files\":[\"patches\",\"fix.patch\",\"index.js\"],"
                + "\"patchedDependencies\":{\"a@1.0.0\":\"patches/a.patch\",\"b\":\"fix.patch\"}}");
        for (String f : List.of("patches/a.patch", "patches/keep.txt", "fix.patch", "index.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** The stripped package.json keeps tab indent and CRLF; numbers, escapes and integer-like keys as JS writes them. */
    public static Path patchedDependenciesTabsCrlfNumbers(Path d) throws IOException {
        write(d, "package.json", "{\r\n\t\"name\": \"patched-format\",\r\n\t\"version\": \"1.0.0\",\r\n"
                + "\t\"patchedDependencies\": {\"x\": \"p/x.patch\"},\r\n\t\"n\": [1.50, 1e3, -0.0, 12345678901234567890,"
                + " 1E-7, 2.5e+25],\r\n\t\"s\": \"tab\\tquote\\\" \\u00e9 \\u2028 \\/ \\u0001 \ud83d\ude00\",\r\n"
                + "\t\"o\": {\"b\": 1, \"10\": 2, \"2\": 3, \"01\": 4, \"a\": {}},\r\n\t\"e\": [],\r\n\t\"t\": true,\r\n"
                + "\t\"z\": null\r\n}\r\n");
        write(d, "p/x.patch", "patch\n");
        write(d, "index.js", "x\n");
        return d;
    }

    /** A one-line package.json with patchedDependencies: JSON.stringify without indent or final newline. */
    public static Path patchedDependenciesCompactJson(Path d) throws IOException {
        write(d, "package.json", "{\"name\":\"patched-compact\",\"version\":\"1.0.0\",\"patchedDependencies\":{},"
                + "\"main\":\"index.js\"}");
        write(d, "index.js", "x\n");
        return d;
    }

    /** Globstars with extglob negations in files select different files under node-glob than under ignore-walk. */
    public static Path filesGlobstarExtglobNegations(Path d) throws IOException {
        pkg(d, "{\"name\":\"globstar-extglob\",\"version\":\"1.0.0\",\"files\":[\"**/*.js\",\"!**/*.test.js\","
                + "\"src/**/!(*.spec).ts\",\"!src/internal/**\",\"@(docs|guides)/*.md\"]}");
        for (String f : List.of("index.js", "index.test.js", "lib/a.js", "lib/a.test.js", "lib/deep/b.js",
                "src/a.ts", "src/a.spec.ts", "src/x/b.ts", "src/x/b.spec.ts", "src/internal/c.ts", "docs/a.md",
                "guides/b.md", "other/c.md", ".hidden/d.js", "node_modules/dep/e.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** Braces and character classes in files. */
    public static Path filesBracesAndClasses(Path d) throws IOException {
        pkg(d, "{\"name\":\"braces-classes\",\"version\":\"1.0.0\",\"files\":[\"{lib,src}/*.{js,mjs}\",\"[ab].txt\","
                + "\"v[0-9]/**\",\"file{1..3}.md\",\"[[:upper:]]*.cfg\"]}");
        for (String f : List.of("lib/a.js", "lib/b.mjs", "lib/c.cjs", "src/d.js", "other/e.js", "a.txt", "b.txt",
                "c.txt", "v1/x.js", "v1/deep/y.js", "vx/z.js", "file1.md", "file2.md", "file4.md", "Main.cfg",
                "minor.cfg")) {
            write(d, f, f);
        }
        return d;
    }

    /** files: ["*"] with dot entries: glob's dot:true takes them; the defaults still drop .npmignore and co. */
    public static Path filesStarTakesDotEntries(Path d) throws IOException {
        pkg(d, "{\"name\":\"star-dots\",\"version\":\"1.0.0\",\"files\":[\"*\",\".config/**\"]}");
        for (String f : List.of(".eslintrc", ".config/tool.json", ".config/deep/x.json", ".github/workflow.yml",
                "index.js", "lib/a.js", ".npmignore", ".gitignore", ".DS_Store")) {
            write(d, f, f.equals(".npmignore") ? "lib\n" : f);
        }
        return d;
    }

    /** A leading # is a literal name for glob (nocomment), and !! strips to a positive entry. */
    public static Path filesHashAndBangLiterals(Path d) throws IOException {
        pkg(d, "{\"name\":\"hash-bang\",\"version\":\"1.0.0\",\"files\":[\"#notes.md\",\"lib\",\"!!lib/x.js\","
                + "\"!lib/y.js\",\"\",\"!\",\"/\",\"./\"]}");
        for (String f : List.of("#notes.md", "lib/x.js", "lib/y.js", "lib/z.js", "other.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** Leading ./ and /, trailing slashes, and dir/* (npm 11 made it dir/**; glob matches the children). */
    public static Path filesSlashesAndDirStar(Path d) throws IOException {
        pkg(d, "{\"name\":\"slashes\",\"version\":\"1.0.0\",\"files\":[\"./lib/\",\"/bin//\",\"dist/*\",\"types/*/\","
                + "\"././/conf/./a.json\"]}");
        for (String f : List.of("lib/a.js", "bin/cli.js", "dist/a.js", "dist/sub/b.js", "types/x/index.d.ts",
                "types/y.d.ts", "conf/a.json", "conf/b.json")) {
            write(d, f, f);
        }
        return d;
    }

    /** node-glob is case-sensitive on Linux; ignore-walk rules are not. */
    public static Path filesCaseSensitiveGlob(Path d) throws IOException {
        pkg(d, "{\"name\":\"case-glob\",\"version\":\"1.0.0\",\"files\":[\"LIB/*.JS\",\"Docs\",\"readme.TXT\"]}");
        for (String f : List.of("lib/a.js", "LIB/b.JS", "docs/x.md", "readme.txt")) {
            write(d, f, f);
        }
        return d;
    }

    /** A negated directory inside a listed directory, and a negated glob. */
    public static Path filesNegatedDirectory(Path d) throws IOException {
        pkg(d, "{\"name\":\"negated-dir\",\"version\":\"1.0.0\",\"files\":[\"lib\",\"!lib/internal\",\"!lib/**/*.map\","
                + "\"lib/internal/public.js\"]}");
        for (String f : List.of("lib/a.js", "lib/a.js.map", "lib/internal/b.js", "lib/internal/public.js",
                "lib/deep/c.js.map", "lib/deep/c.js")) {
            write(d, f, f);
        }
        return d;
    }

    /** Symlinks named by files: glob reports them as neither file nor directory, so they add no rules. */
    public static Path filesSymlinkEntries(Path d) throws IOException {
        pkg(d, "{\"name\":\"files-links\",\"version\":\"1.0.0\",\"files\":[\"link.js\",\"linkdir\",\"linkdir/a.js\","
                + "\"real\",\"*.js\"]}");
        write(d, "real/a.js", "a\n");
        write(d, "target.js", "t\n");
        Files.createSymbolicLink(d.resolve("link.js"), Path.of("target.js"));
        Files.createSymbolicLink(d.resolve("linkdir"), Path.of("real"));
        return d;
    }

    /** Matched names holding glob characters become ignore rules that no longer match themselves. */
    public static Path filesMatchesWithGlobCharacters(Path d) throws IOException {
        pkg(d, "{\"name\":\"glob-chars\",\"version\":\"1.0.0\",\"files\":[\"weird\"]}");
        for (String f : List.of("weird/a[1].js", "weird/b{c,d}.js", "weird/!bang.js", "weird/#hash.js",
                "weird/q?.js", "weird/plain.js", "weird/sp ace.js", "weird/ trailing.js ")) {
            write(d, f, f);
        }
        return d;
    }

    /** A bundled dependency's own npm-shrinkwrap.json and patchedDependencies: only the root's patches count. */
    public static Path bundledDepWithShrinkwrapAndPatches(Path d) throws IOException {
        pkg(d, "{\"name\":\"bundler12\",\"version\":\"1.0.0\",\"dependencies\":{\"dep\":\"1.0.0\"},"
                + "\"bundleDependencies\":[\"dep\"]}");
        write(d, "index.js", "x\n");
        write(d, "node_modules/dep/package.json", "{\"name\":\"dep\",\"version\":\"1.0.0\","
                + "\"patchedDependencies\":{\"y\":\"p.patch\"},\"files\":[\"*.js\",\"p.patch\",\"npm-shrinkwrap.json\"]}\n");
        for (String f : List.of("node_modules/dep/index.js", "node_modules/dep/p.patch",
                "node_modules/dep/npm-shrinkwrap.json", "node_modules/dep/bun.lock")) {
            write(d, f, "{}\n");
        }
        return d;
    }

    /** Packing a workspace whose files are globs, below a root with ignore files. */
    public static Path workspaceFilesGlobs(Path d) throws IOException {
        pkg(d, "{\"name\":\"ws12-root\",\"version\":\"1.0.0\",\"workspaces\":[\"packages/*\"]}");
        write(d, ".npmignore", "*.log\n");
        Path ws = d.resolve("packages/a");
        pkg(ws, "{\"name\":\"ws12-a\",\"version\":\"1.0.0\",\"files\":[\"dist/**/*.js\",\"!dist/**/*.test.js\","
                + "\"*.log\"],\"patchedDependencies\":{\"z\":\"dist/z.patch\"}}");
        for (String f : List.of("dist/a.js", "dist/a.test.js", "dist/sub/b.js", "dist/z.patch", "x.log",
                "npm-shrinkwrap.json", "src/c.js")) {
            write(ws, f, f);
        }
        return ws;
    }

    static void pkg(Path dir, String json) throws IOException {
        write(dir, "package.json", json + "\n");
    }

    static void write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    static void write(Path dir, String relative, String content, String permissions) throws IOException {
        write(dir, relative, content);
        Files.setPosixFilePermissions(dir.resolve(relative), PosixFilePermissions.fromString(permissions));
    }
}
