package io.github.npmreg.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import io.github.npmreg.npm.packlist.PacklistRules;
import java.nio.file.Path;

/**
 * {@link PackList#collect} in a process of its own, for a check that needs other privileges than the test's: it
 * prints the files, or the problem and the fix of the refusal on two lines and exits with 3.
 */
public final class PackListProbe {
    private PackListProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(dir.resolve("package.json").toFile());
        try {
            PackList.collect(dir, manifest, PacklistRules.NPM_11).files().forEach(System.out::println);
        } catch (NpmregException e) {
            System.out.println(e.problem());
            System.out.println(e.fix());
            System.exit(3);
        }
    }
}
