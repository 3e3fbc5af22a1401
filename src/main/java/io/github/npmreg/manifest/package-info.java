/**
 * package.json: read with exact error positions, validate (npm's name and semver rules), rewrite keeping the format.
 * Normalizing it as npm does is the {@code npm.packagejson} port.
 */
package io.github.npmreg.manifest;
