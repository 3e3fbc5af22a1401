package io.github.npmreg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * npm's own config loader ({@code @npmcli/config}, bundled with npm): loads the given user config the way the CLI
 * does, validates it (bare credentials give {@code ERR_INVALID_AUTH}) and answers {@code getCredentialsByURI}.
 */
public final class NpmConfigOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpmConfigOracle() {}

    /**
     * {@code {"creds": getCredentialsByURI(url), "values": {key: config.get(key)}}} or {@code {"error": code}}.
     */
    public static JsonNode load(Path cwd, Path userconfig, String url, String... keys) {
        try {
            String root = NpmModules.js(NpmModules.path("."));
            String script = "const root=" + root + ";"
                    + "const Config=require(root+'/@npmcli/config');"
                    + "const {definitions,flatten,shorthands}=require(root+'/@npmcli/config/lib/definitions');"
                    + "(async()=>{const c=new Config({npmPath:root+'/..',definitions,flatten,shorthands,"
                    + "argv:['node','npm','--userconfig'," + NpmModules.js(userconfig) + "],env:process.env,"
                    + "cwd:process.cwd(),execPath:process.execPath,platform:process.platform});"
                    + "await c.load();c.validate();const values={};"
                    + "for(const k of " + JSON.writeValueAsString(keys) + ")values[k]=c.get(k);"
                    + "console.log(JSON.stringify({creds:c.getCredentialsByURI(" + JSON.writeValueAsString(url) + "),values}))"
                    + "})().catch(e=>console.log(JSON.stringify({error:e.code||e.message})))";
            return JSON.readTree(NpmCli.node(cwd, script).orFail("@npmcli/config").stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
