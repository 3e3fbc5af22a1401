/**
 * Builds that publish several packages: a Maven reactor of npm modules, or the workspaces of one npm workspaces root.
 * {@link io.github.npmreg.reactor.PackageResult} is what happened to one package, and {@link
 * io.github.npmreg.reactor.PublishSummary} the table printed at the end of the build.
 */
package io.github.npmreg.reactor;
