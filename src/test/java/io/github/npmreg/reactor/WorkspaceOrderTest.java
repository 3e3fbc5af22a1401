package io.github.npmreg.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dependenciesOfEveryKindComeFirstAndTheGivenOrderBreaksTies() throws Exception {
        List<Workspace> given = List.of(
                ws("app", "{\"dependencies\":{\"ui\":\"workspace:*\",\"left-pad\":\"^1.0.0\"}}"),
                ws("ui", "{\"peerDependencies\":{\"core\":\"^1.0.0\"}}"),
                ws("docs", "{\"devDependencies\":{\"app\":\"file:../app\"}}"),
                ws("core", "{}"),
                ws("extra", "{\"optionalDependencies\":{\"core\":\"*\"}}"));
        assertEquals(List.of("core", "ui", "app", "docs", "extra"), names(WorkspaceOrder.dependenciesFirst(given)));
    }

    @Test
    void independentWorkspacesKeepNpmsOrder() throws Exception {
        List<Workspace> given = List.of(ws("b", "{}"), ws("a", "{}"), ws("c", "{}"));
        assertEquals(List.of("b", "a", "c"), names(WorkspaceOrder.dependenciesFirst(given)));
    }

    @Test
    void aCycleStartsWithTheEarliestWorkspaceAndEveryWorkspaceComesOnce() throws Exception {
        List<Workspace> given = List.of(
                ws("x", "{\"dependencies\":{\"y\":\"*\"}}"),
                ws("y", "{\"dependencies\":{\"x\":\"*\"}}"),
                ws("z", "{\"dependencies\":{\"y\":\"*\",\"z\":\"*\"}}"));
        assertEquals(List.of("x", "y", "z"), names(WorkspaceOrder.dependenciesFirst(given)));
    }

    @Test
    void aDependencyOnAWorkspaceThatIsNotSelectedIsNoEdge() throws Exception {
        List<Workspace> given = List.of(ws("ui", "{\"dependencies\":{\"core\":\"*\"}}"), ws("app", "{}"));
        assertEquals(List.of("ui", "app"), names(WorkspaceOrder.dependenciesFirst(given)));
    }

    private static Workspace ws(String name, String json) throws Exception {
        return new Workspace(name, Path.of("/r/packages", name), "packages/" + name, (ObjectNode) JSON.readTree(json));
    }

    private static List<String> names(List<Workspace> list) {
        return list.stream().map(Workspace::name).toList();
    }
}
