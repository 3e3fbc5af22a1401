/** Mojos and Maven adapters only: parameters, settings.xml, project, logging. All real work is in the core packages. */
package io.github.npmreg.maven;
