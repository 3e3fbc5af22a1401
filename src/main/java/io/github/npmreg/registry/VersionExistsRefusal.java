package io.github.npmreg.registry;

/**
 * The registry refused a PUT because it already holds this name and version (409; GitLab's 403 "Package already
 * exists." or 400 "Validation failed: ... already exists", which it also gives when another project of the same
 * top-level group holds the version, so the project's packument does not list it). A type of its own so that
 * {@code skipExisting} can decide on it without reading the message.
 */
public final class VersionExistsRefusal extends RegistryException {
    public VersionExistsRefusal(int status, String npmCode, String problem, String fix) {
        super(status, npmCode, problem, fix);
    }
}
