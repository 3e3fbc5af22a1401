/**
 * The npm layer: Java ports of the npm packages whose behaviour decides the tarball and the published manifest,
 * shared by pack, publish and the doctor. Each port lives in a package named after what it ports, states the
 * upstream package and the versions pinned (those inside npm 11.19.1 and npm 12.2.2) in its package-info, and owns
 * its parity test against that package itself:
 * <ul>
 *   <li>{@link io.github.npmreg.npm.NodePath}: Node's {@code path.posix} (Node 20.20.2 and 24.22.3 agree on it);</li>
 *   <li>{@code npm.minimatch}: minimatch 10.2.5 with brace-expansion;</li>
 *   <li>{@code npm.glob}: node-glob 13.0.6;</li>
 *   <li>{@code npm.packlist}: npm-packlist over ignore-walk, npm 11's and npm 12's rules as one
 *       {@code PacklistRules} object beside one walker;</li>
 *   <li>{@code npm.tar}: node-tar 7.5.22's portable headers and modes;</li>
 *   <li>{@code npm.packagejson}: @npmcli/package-json's normalization (the one normalizer of {@code bin},
 *       {@code bundleDependencies} and the rest) with hosted-git-info and libnpmpublish's manifest steps.</li>
 * </ul>
 * The plugin's own pipeline (what to pack, npm's entry order, gzip, the report) stays in {@code pack}.
 */
package io.github.npmreg.npm;
