/**
 * The plugin's pack pipeline: which npm's rules to use, the file list (through the {@code npm.packlist} port, minus
 * the plugin's own outputs), npm's entry order, the tar ({@code npm.tar}), level-9 gzip on all cores, integrity and
 * the pack report.
 */
package io.github.npmreg.pack;
