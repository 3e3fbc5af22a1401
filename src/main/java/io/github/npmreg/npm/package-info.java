/**
 * The npm layer: ports of what npm does, shared by pack, publish and the doctor. So far {@link
 * io.github.npmreg.npm.NodePath}, Node's {@code path.posix} (Node 20.20.2 and 24.22.3 agree on it), checked against
 * Node's own by {@code NodePathTest}. The packlist port (npm-packlist 10.0.4 and 11.3.0 over ignore-walk 8/9 and
 * minimatch 10.2.5, {@code pack.PacklistRules}), node-glob 13.0.6 ({@code pack.NodeGlob}) and the manifest
 * normalizers still live in {@code pack} and {@code manifest}; see the lead's notes for the planned split.
 */
package io.github.npmreg.npm;
