/**
 * Port of @npmcli/package-json's normalization, the one normalizer of package.json used by pack, publish and the
 * doctor: @npmcli/package-json 7.0.5 with hosted-git-info 9.0.3 and libnpmpublish 11.2.0 (npm 11.19.1), and
 * {@code @npmcli/package-json} 8.0.0 with hosted-git-info 10.1.1 and libnpmpublish 12.0.1 (npm 12.2.2). Its {@code normalize}
 * steps are what pacote and Arborist read when packing (bin, bundleDependencies); its {@code fix} and
 * {@code prepare} steps plus libnpmpublish's make the published version manifest. Checked against npm's own
 * normalizer by {@code PackageJsonNormalizerTest} and against hosted-git-info by {@code HostedGitTest}.
 */
package io.github.npmreg.npm.packagejson;
