/**
 * Port of node-glob 13.0.6 (npm 12.2.2's, and npm 11.19.1's), the part npm-packlist 11 uses: {@code globSync} of a
 * {@code files} entry with {@code dot: true} on Linux, matching through {@code npm.minimatch}. Checked against
 * node-glob itself by {@code NodeGlobParityTest}.
 */
package io.github.npmreg.npm.glob;
