package io.github.npmreg.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.npm.packlist.PacklistRules;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm-12 fixtures of {@link PackFixtures} really tell the two rule sets apart (so their parity runs prove
 * npm 12's rules, not rules both npms share), and npm 12's warnings and refusals come out of the pack pipeline.
 */
class Npm12RulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fixtures written for npm 12's rules whose tarball differs between npm 11 and npm 12. */
    static final Set<String> DIFFERING = Set.of("files-slashless-negation-root-only",
            "files-exact-path-vs-nested-npmignore", "files-listing-default-ignored", "root-shrinkwrap-and-bun-lock",
            "npm-extension-files", "patched-dependencies-excluded", "patched-dependencies-listed-in-files",
            "patched-dependencies-tabs-crlf-numbers", "patched-dependencies-compact-json",
            "files-slashes-and-dir-star", "files-case-sensitive-glob",
            "bundled-dep-with-shrinkwrap-and-patches",
            "workspace-files-globs");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> npm12FixturesPackDifferentlyUnderNpm11Rules() {
        return PackFixtures.all().stream().filter(f -> DIFFERING.contains(f.name()))
                .map(fixture -> DynamicTest.dynamicTest(fixture.name(), () -> {
                    Path dir = fixture.build(Files.createDirectories(temp.resolve(fixture.name())));
                    ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("package.json").toFile());
                    assertNotEquals(tar(dir, manifest, PacklistRules.NPM_11), tar(dir, manifest, PacklistRules.NPM_12),
                            fixture.name() + " packs the same under both rule sets");
                }));
    }

    @Test
    void everyDifferingFixtureExists() {
        Set<String> names = PackFixtures.all().stream().map(PackFixtures.Fixture::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(DIFFERING), "missing: " + DIFFERING.stream().filter(n -> !names.contains(n)).toList());
    }

    @Test
    void patchWarningOnlyWhenFilesTookThePatch() throws Exception {
        Path dir = PackFixtures.patchedDependenciesListedInFiles(Files.createDirectories(temp.resolve("w")));
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("package.json").toFile());
        PackList.Result r = PackList.collect(dir, manifest, PacklistRules.NPM_12);
        assertEquals(List.of("excluding \"patches/a.patch\" from the package tarball: patch files in "
                + "patchedDependencies must not be published", "excluding \"fix.patch\" from the package tarball: "
                + "patch files in patchedDependencies must not be published"), r.warnings());
        assertEquals(List.of("index.js", "package.json", "patches/keep.txt"), r.files().stream().sorted().toList());
        assertEquals(List.of(), PackList.collect(dir, manifest, PacklistRules.NPM_11).warnings());
    }

    @Test
    void overridesOfABundledPackageAreRefusedAsNpm12RefusesThem() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("bundle-override"));
        PackFixtures.pkg(dir, "{\"name\":\"bo\",\"version\":\"1.0.0\",\"dependencies\":{\"dep\":\"^1.0.0\"},"
                + "\"bundleDependencies\":[\"dep\"],\"overrides\":{\"sub\":\"1.0.0\"}}");
        PackFixtures.write(dir, "node_modules/dep/package.json", "{\"name\":\"dep\",\"version\":\"1.0.0\","
                + "\"dependencies\":{\"sub\":\"^1.0.0\"}}\n");
        PackFixtures.write(dir, "node_modules/dep/index.js", "x\n");
        PackFixtures.write(dir, "node_modules/sub/package.json", "{\"name\":\"sub\",\"version\":\"1.0.0\"}\n");
        PackFixtures.write(dir, "node_modules/sub/index.js", "y\n");
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("package.json").toFile());
        io.github.npmreg.testing.NpmCli.Result npm = io.github.npmreg.testing.NpmCli.run12(dir, "pack", "--dry-run",
                "--ignore-scripts");
        String reason = "Cannot pack or publish: \"overrides\" affects a bundled package (sub). Consumers do not "
                + "apply your package's overrides, so the published bundle will produce invalid dependency edges.";
        assertTrue(npm.exitCode() != 0 && npm.stderr().contains("EBUNDLEOVERRIDE") && npm.stderr().contains(reason),
                "npm 12: " + npm.stderr());
        io.github.npmreg.NpmregException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.npmreg.NpmregException.class, () -> PackList.collect(dir, manifest, PacklistRules.NPM_12));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(PackList.collect(dir, manifest, PacklistRules.NPM_11).bundled().contains("sub"), "npm 11 packs it");
    }

    private static String tar(Path dir, ObjectNode manifest, PacklistRules rules) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Packer.writeTar(dir, dir.resolve("package.json"), manifest, rules, out);
        return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
