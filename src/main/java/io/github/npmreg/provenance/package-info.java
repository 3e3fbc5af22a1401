/**
 * npm provenance from GitLab CI: a port of libnpmpublish 12.0.1 (bundled with npm 12.2.2) {@code lib/provenance.js}
 * (the GitLab statement, {@code verifyProvenance}) and the provenance rules of {@code lib/publish.js}
 * ({@code ensureProvenanceGeneration}, the {@code .sigstore} attachment) and npm's {@code lib/utils/oidc.js} (when
 * trusted publishing turns provenance on by itself). Signing is {@link io.github.npmreg.sigstore}.
 *
 * <p>Only GitLab CI is supported: GitHub Actions builds a different statement (in-toto v1, SLSA v1) from its own
 * variables and gets its ID token by request, and this plugin's CI integration is GitLab's.
 *
 * <p>Parity: {@code GitLabStatementNpmParityTest} runs npm's own {@code generateProvenance} under Node with the same
 * variables against the in-test Fulcio and Rekor and compares the statements field by field.
 */
package io.github.npmreg.provenance;
