/** Credentials for a registry URL, from settings.xml servers, .npmrc files, the environment, CI job tokens and OIDC. */
package io.github.npmreg.auth;
