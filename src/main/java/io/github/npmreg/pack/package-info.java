/** The tarball: npm-packlist's file selection, npm's tar headers and entry order, level-9 gzip, integrity and the pack report. */
package io.github.npmreg.pack;
