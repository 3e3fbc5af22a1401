/**
 * Port of node-tar 7.5.22 (the same version in npm 11.19.1 and npm 12.2.2) as pacote 21.5.1 / 22.0.1 drive it for
 * {@code npm pack}: portable ustar and PAX headers, Buffer's UTF-8, the entry mode rule. Unit tests here; the bytes
 * are checked against npm's own tarballs by {@code pack.NpmTarParityTest} and {@code pack.PackListParityTest}.
 */
package io.github.npmreg.npm.tar;
