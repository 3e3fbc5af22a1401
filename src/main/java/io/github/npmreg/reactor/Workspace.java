package io.github.npmreg.reactor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One package of an npm workspaces root, or the root itself ({@code includeWorkspaceRoot}).
 *
 * @param name         its package name, or (as npm's map-workspaces does) its folder's name when it has none
 * @param directory    its folder, absolute
 * @param relativePath its folder relative to the workspaces root, {@code /}-separated ({@code ""} for the root)
 * @param manifest     its package.json
 */
public record Workspace(String name, Path directory, String relativePath, ObjectNode manifest) {
    public Workspace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** {@code "private": true}: npm never publishes it (with --workspaces it skips it with a warning). */
    public boolean isPrivate() {
        return manifest.path("private").asBoolean(false);
    }

    /** Whether this is the workspaces root itself. */
    public boolean isRoot() {
        return relativePath.isEmpty();
    }
}
