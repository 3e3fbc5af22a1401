package io.github.npmreg.doctor;

/**
 * A fact later checks build on. A finding that makes one false (no usable registry, credentials that cannot be
 * sent, an unreachable host, a token the registry refuses) is the root cause; the checks that need it are then
 * skipped, not failed, so a broken setup shows that one cause and not its consequences.
 */
public enum Premise {
    REGISTRY("the publish registry is the one to use"),
    CREDENTIALS("there are credentials to send"),
    NETWORK("the registry is reachable"),
    AUTHENTICATION("the registry accepts the credentials");

    private final String description;

    Premise(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
