package io.github.npmreg.npm.packagejson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.testing.NpmCli;
import io.github.npmreg.testing.NpmModules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our port against npm's bundled hosted-git-info on the inputs package.json files contain. */
class HostedGitTest {
    private static final List<String> INPUTS = List.of("npm/cli", "npm/cli#v1.2.3", "github:npm/cli", "gitlab:group/sub/proj",
            "bitbucket:team/repo", "gist:11081aaa281", "gist:user/11081aaa281", "sourcehut:~sir/hare",
            "https://github.com/npm/cli", "https://github.com/npm/cli.git", "git+https://github.com/npm/cli.git#main",
            "git://github.com/npm/cli.git", "git+ssh://git@github.com/npm/cli.git", "git@github.com:npm/cli.git",
            "ssh://git@github.com/npm/cli.git", "http://github.com/npm/cli", "https://www.github.com/npm/cli",
            "https://github.com/npm/cli/tree/feature/x", "https://github.com/npm/cli/blob/main/x.js",
            "https://user:tok@github.com/npm/cli.git", "https://gitlab.com/group/sub/project.git",
            "https://gitlab.com/group/project/-/tree/main", "git+ssh://git@gitlab.com:group/project.git",
            "https://bitbucket.org/team/repo", "https://gist.github.com/11081aaa281", "https://gist.github.com/user/11081aaa281",
            "https://gitlab.example.com/group/project.git", "https://example.com/x.git", "^1.2.3", "1.x", "latest",
            "npm:other@^1", "file:../local", "workspace:*", "", "user/repo/extra", "./local/dir", "@scope/pkg",
            "github:npm/cli#semver:^5.0", "npm/cli#with space", "git+https://github.com/npm/c%20li.git",
            "github:npm/%E0%A4%A", "https://github.com:npm/cli.git", "GitHub:npm/cli", "git+http://github.com/npm/cli");

    @Test
    void matchesNpmsHostedGitInfo() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String script = "const h=require(" + NpmModules.js(NpmModules.path("hosted-git-info")) + ");"
                + "console.log(JSON.stringify(" + json.writeValueAsString(INPUTS) + ".map(u=>{const g=h.fromUrl(u);"
                + "return g?{rep:g.getDefaultRepresentation(),https:g.https(),str:g.toString(),docs:g.docs(),bugs:g.bugs()}:null})))";
        JsonNode expected = json.readTree(NpmCli.node(Path.of("."), script).orFail("hosted-git-info").stdout());
        ArrayNode ours = JsonNodeFactory.instance.arrayNode();
        for (String input : INPUTS) {
            HostedGit g = HostedGit.fromUrl(input);
            if (g == null) {
                ours.addNull();
            } else {
                ObjectNode o = ours.addObject();
                o.put("rep", g.defaultRepresentation());
                o.put("https", g.https());
                o.put("str", g.toString());
                o.put("docs", g.docs());
                o.put("bugs", g.bugs());
            }
        }
        for (int i = 0; i < INPUTS.size(); i++) {
            assertEquals(expected.get(i), ours.get(i), INPUTS.get(i));
        }
    }
}
