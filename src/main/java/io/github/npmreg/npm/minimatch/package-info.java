/**
 * Port of minimatch 10.2.5 (the same version in npm 11.19.1 and npm 12.2.2), as ignore-walk, npm-packlist,
 * map-workspaces and node-glob call it, with its brace expansion: brace-expansion 5.0.9 and balanced-match 4.0.4
 * (npm 11.19.1; npm 12.2.2 bundles brace-expansion 5.0.12, which only adds limits on nesting depth and rewrites far
 * beyond any real pattern). {@link io.github.npmreg.npm.minimatch.IgnorePattern} is the public pattern; the other
 * classes are its parts. Checked against minimatch itself by {@code IgnorePatternTest}.
 */
package io.github.npmreg.npm.minimatch;
