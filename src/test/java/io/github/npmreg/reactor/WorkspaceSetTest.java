package io.github.npmreg.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void npmsOrderIsByPatternThenEnglishCollationAndNamesComeFromPackageJsonOrTheFolder() throws IOException {
        ObjectNode rootManifest = write("", "{\"name\":\"root\",\"private\":true,"
                + "\"workspaces\":[\"tools/*\",\"packages/*\",\"!packages/skip\"]}");
        write("packages/b", "{\"name\":\"@acme/b\",\"version\":\"1.0.0\"}");
        write("packages/A", "{\"name\":\"@acme/a\",\"version\":\"1.0.0\"}");
        write("packages/skip", "{\"name\":\"@acme/skip\",\"version\":\"1.0.0\"}");
        write("packages/no-name", "{\"version\":\"1.0.0\"}");
        write("tools/zed", "{\"name\":\"zed\",\"version\":\"1.0.0\"}");
        Files.createDirectories(root.resolve("packages/empty"));
        List<Workspace> all = WorkspaceSet.list(root, rootManifest);
        // localeCompare('en'): "A" sorts with "a", before "b"; the negated folder is left out.
        assertEquals(List.of("zed", "@acme/a", "@acme/b", "no-name"), all.stream().map(Workspace::name).toList());
        assertEquals(List.of("tools/zed", "packages/A", "packages/b", "packages/no-name"),
                all.stream().map(Workspace::relativePath).toList());
        assertFalse(all.get(0).isRoot());
    }

    @Test
    void selectionByNameFolderOrParentFolderInFilterOrderWithTheRootFirst() throws IOException {
        ObjectNode rootManifest = write("", "{\"name\":\"root\",\"version\":\"1.0.0\",\"workspaces\":[\"packages/*\",\"apps/*\"]}");
        write("packages/core", "{\"name\":\"@acme/core\",\"version\":\"1.0.0\"}");
        write("packages/ui", "{\"name\":\"@acme/ui\",\"version\":\"1.0.0\"}");
        write("apps/web", "{\"name\":\"web\",\"version\":\"1.0.0\"}");
        assertEquals(List.of("web", "@acme/core"), names(List.of("apps/web", "@acme/core"), false));
        assertEquals(List.of("@acme/core", "@acme/ui"), names(List.of("packages"), false));
        assertEquals(List.of("@acme/ui"), names(List.of("./packages/ui/"), false));
        assertEquals(List.of("root", "@acme/core", "@acme/ui", "web"), names(List.of("all"), true));
        assertEquals(List.of("root"), names(List.of(), true));
        Workspace rootEntry = WorkspaceSet.select(root, rootManifest, List.of(), true).get(0);
        assertTrue(rootEntry.isRoot());
        assertFalse(rootEntry.isPrivate());
    }

    @Test
    void aFilterThatSelectsNothingIsNamed() throws IOException {
        ObjectNode rootManifest = write("", "{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}");
        write("packages/core", "{\"name\":\"@acme/core\",\"version\":\"1.0.0\"}");
        NpmregException e = assertThrows(NpmregException.class,
                () -> WorkspaceSet.select(root, rootManifest, List.of("@acme/core", "@acme/cor"), false));
        assertTrue(e.problem().contains("[@acme/cor]") && e.problem().contains("@acme/core (packages/core)"),
                e.problem());
    }

    @Test
    void aRootWithoutWorkspacesCannotSelectAny() throws IOException {
        ObjectNode rootManifest = write("", "{\"name\":\"root\",\"version\":\"1.0.0\"}");
        NpmregException e = assertThrows(NpmregException.class,
                () -> WorkspaceSet.select(root, rootManifest, List.of("all"), false));
        assertTrue(e.problem().contains("declares no workspaces"), e.problem());
    }

    @Test
    void twoWorkspacesWithOneNameAreRefusedAsNpmDoes() throws IOException {
        ObjectNode rootManifest = write("", "{\"name\":\"root\",\"workspaces\":[\"a/*\",\"b/*\"]}");
        write("a/x", "{\"name\":\"same\",\"version\":\"1.0.0\"}");
        write("b/y", "{\"name\":\"same\",\"version\":\"1.0.0\"}");
        NpmregException e = assertThrows(NpmregException.class, () -> WorkspaceSet.list(root, rootManifest));
        assertTrue(e.problem().contains("EDUPLICATEWORKSPACE") && e.problem().contains("a/x, b/y"), e.problem());
    }

    @Test
    void privateIsReadFromTheManifest() throws IOException {
        ObjectNode rootManifest = write("", "{\"name\":\"root\",\"workspaces\":[\"p/*\"]}");
        write("p/secret", "{\"name\":\"secret\",\"version\":\"1.0.0\",\"private\":true}");
        write("p/open", "{\"name\":\"open\",\"version\":\"1.0.0\",\"private\":false}");
        List<Workspace> all = WorkspaceSet.list(root, rootManifest);
        assertEquals(List.of(false, true), all.stream().map(Workspace::isPrivate).toList());
    }

    private List<String> names(List<String> filters, boolean includeRoot) throws IOException {
        ObjectNode rootManifest = (ObjectNode) JSON.readTree(root.resolve("package.json").toFile());
        return WorkspaceSet.select(root, rootManifest, filters, includeRoot).stream().map(Workspace::name).toList();
    }

    private ObjectNode write(String dir, String json) throws IOException {
        Path folder = Files.createDirectories(root.resolve(dir));
        Files.writeString(folder.resolve("package.json"), json);
        return (ObjectNode) JSON.readTree(json);
    }
}
