package io.github.npmreg.auth;

import java.util.Optional;

/**
 * One place credentials can come from. {@link CredentialResolver} asks its sources in order and the first answer
 * wins; the GitLab support adds {@code CI_JOB_TOKEN} and OIDC sources to the standard list.
 */
@FunctionalInterface
public interface CredentialSource {
    /** The credentials this source has for the request, or empty to let the next source answer. */
    Optional<Resolution> find(CredentialRequest request);
}
