/** package.json: read with exact error positions, validate (npm's name and semver rules), normalize for publishing, rewrite keeping the format. */
package io.github.npmreg.manifest;
