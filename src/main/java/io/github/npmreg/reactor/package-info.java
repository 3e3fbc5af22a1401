/**
 * Builds that publish several packages: a Maven reactor of npm modules, or the workspaces of one npm workspaces root.
 * {@link io.github.npmreg.reactor.PackageResult} is what happened to one package, {@link
 * io.github.npmreg.reactor.PublishSummary} the table printed at the end of the build, and {@link
 * io.github.npmreg.reactor.WorkspaceOrder} the order in which workspaces are published (dependencies first).
 */
package io.github.npmreg.reactor;
