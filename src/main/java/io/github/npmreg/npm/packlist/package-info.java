/**
 * Port of npm-packlist and ignore-walk: npm-packlist 10.0.4 over ignore-walk 8.0.0 (npm 11.19.1) and npm-packlist
 * 11.3.0 over ignore-walk 9.0.0 (npm 12.2.2), with the slice of Arborist's tree they read (package nodes, bundled
 * dependency resolution, workspaces). One walker ({@link io.github.npmreg.npm.packlist.PackWalker}); what differs
 * between the two npms is the named rules object {@link io.github.npmreg.npm.packlist.PacklistRules}. The file
 * lists are checked against the real {@code npm pack} of both npms by {@code pack.PackListParityTest}, which runs
 * every fixture through the plugin's pack pipeline.
 */
package io.github.npmreg.npm.packlist;
