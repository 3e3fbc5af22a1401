package io.github.npmreg.npm.packlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules object holds what it says; {@code pack.Npm12RulesTest} checks that the two rule sets pack differently. */
class PacklistRulesTest {
    @Test
    void npm12StrictRulesAddShrinkwrapBunLockAndNpmExtensions() {
        List<String> extra = PacklistRules.NPM_12.packageStrictRules().stream()
                .filter(r -> !PacklistRules.NPM_11.packageStrictRules().contains(r)).toList();
        assertEquals(List.of("/npm-shrinkwrap.json", "/bun.lock", "/.npm-extension.mjs", "/.npm-extension.cjs"), extra);
        assertEquals(PacklistRules.NPM_12, PacklistRules.newest());
        assertEquals(PacklistRules.NPM_11, PacklistRules.forMajor(10));
        assertEquals(PacklistRules.NPM_12, PacklistRules.forMajor(13));
    }
}
