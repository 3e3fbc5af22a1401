package io.github.npmreg.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.npmreg.testing.NpmCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our Node path functions against Node's own path.posix. */
class NodePathTest {
    private static final List<String> INPUTS = List.of("", ".", "./", "/", "a", "a/", "./bin/x.js", "bin\\b.js", "../../etc/x",
            "/abs/x", "a//b///c", "a/./b/../c", "x.min.js", ".bashrc", "a.", "lib/", "lib/index", "c:\\win\\x", "..",
            "a/b/../../..", "dir/.hidden.d.ts");

    @Test
    void matchesNodesPathModule() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String script = "const p=require('path').posix;"
                + "const u=r=>r.replace(/\\\\|:/g,'/');const sec=r=>{const s=u(p.join('.',p.join('/',u(r))));return s.startsWith('./')?'':s};"
                + "console.log(JSON.stringify(" + json.writeValueAsString(INPUTS) + ".map(x=>[p.normalize(x),p.basename(x),"
                + "p.extname(x),p.dirname(x),sec(x),p.join('.',x),p.basename(x,p.extname(x))])))";
        JsonNode expected = json.readTree(NpmCli.node(Path.of("."), script).orFail("node path").stdout());
        for (int i = 0; i < INPUTS.size(); i++) {
            String x = INPUTS.get(i);
            List<String> ours = List.of(NodePath.normalize(x), NodePath.basename(x), NodePath.extname(x), NodePath.dirname(x),
                    NodePath.secureAndUnixify(x), NodePath.join(".", x), NodePath.basename(x, NodePath.extname(x)));
            assertEquals(json.convertValue(expected.get(i), List.class), ours, "'" + x + "'");
        }
    }
}
