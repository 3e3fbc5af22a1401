package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.npmreg.NpmregException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * libnpmpack 10's refusal (npm 12, {@code EBUNDLEOVERRIDE}): a package whose {@code overrides} change a package it
 * bundles cannot be packed or published, because consumers never apply the publisher's overrides.
 *
 * <p>npm asks Arborist which bundled nodes are {@code overridden}; here a bundled package (any
 * {@code node_modules/<name>} below the root's bundle) is an offender when an override rule, at any nesting level,
 * names it. That is the same verdict whenever the override actually applies, which is what an override is written
 * for; an override whose version selector matches no installed copy is counted here and not by npm.
 */
final class BundleOverrides {
    private BundleOverrides() {}

    static void refuseOverriddenBundles(JsonNode pkg, Collection<String> files, Path dir) {
        JsonNode bundle = pkg.get("bundleDependencies");
        JsonNode overrides = pkg.get("overrides");
        if (bundle == null || !bundle.isArray() || bundle.isEmpty() || overrides == null || !overrides.isObject()
                || overrides.isEmpty()) {
            return;
        }
        Set<String> overridden = new TreeSet<>();
        collectNames(overrides, overridden);
        Set<String> offenders = new TreeSet<>();
        for (String file : files) {
            String[] parts = file.split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (!parts[i].equals("node_modules")) {
                    continue;
                }
                String name = parts[i + 1].startsWith("@") && i + 2 < parts.length
                        ? parts[i + 1] + "/" + parts[i + 2] : parts[i + 1];
                if (overridden.contains(name)) {
                    offenders.add(name);
                }
            }
        }
        if (offenders.isEmpty()) {
            return;
        }
        boolean one = offenders.size() == 1;
        String list = String.join(", ", offenders);
        throw new NpmregException("Cannot pack or publish: \"overrides\" " + (one ? "affects a bundled package"
                : "affect bundled packages") + " (" + list + "). Consumers do not apply your package's overrides, so "
                + "the published bundle will produce invalid dependency edges. (npm 12, EBUNDLEOVERRIDE, in "
                + dir.resolve("package.json") + ")", "Remove " + (one ? "this package" : "these packages")
                + " from \"bundledDependencies\"/\"bundleDependencies\" or from \"overrides\" before publishing.");
    }

    // Override keys are "name", "name@range" or "@scope/name@range"; a nested object scopes rules below a package.
    private static void collectNames(JsonNode overrides, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            // a string overrides the package; an object only does through its "." rule, else it just scopes
            boolean applies = e.getValue().isTextual() || e.getValue().has(".");
            if (!key.equals(".") && applies) {
                int at = key.indexOf('@', 1);
                out.add(at < 0 ? key : key.substring(0, at));
            }
            if (e.getValue().isObject()) {
                collectNames(e.getValue(), out);
            }
        }
    }
}
