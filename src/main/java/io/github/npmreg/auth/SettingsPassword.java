package io.github.npmreg.auth;

import io.github.npmreg.NpmregException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a settings.xml {@code <server>}'s password cannot be used, told apart before Maven's decrypter sees it: the
 * decrypter takes any {@code {...}} for an encrypted value, so a {@code ${env.NPM_TOKEN}} Maven left unresolved (it
 * keeps a variable it cannot resolve as written) would otherwise read "cannot be decrypted".
 */
public final class SettingsPassword {
    /** The kinds of unusable password, each with its own fix. */
    public enum Problem {
        /** {@code ${env.X}} (or another property) that Maven could not resolve: X is not set. */
        VARIABLE_UNSET,
        /** An encrypted {@code {...}} password, but no settings-security.xml with the master password exists. */
        NO_MASTER_PASSWORD,
        /** An encrypted password the master password does not decrypt. */
        UNDECRYPTABLE
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private SettingsPassword() {}

    /** The first {@code ${...}} left in a settings value ({@code env.NPM_TOKEN}), if any. */
    public static Optional<String> unresolvedVariable(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = VARIABLE.matcher(raw);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The refusal for a server whose password has {@code variable} unresolved. */
    public static Unusable variableUnset(String serverId, String files, String variable) {
        boolean env = variable.startsWith("env.");
        String name = env ? variable.substring("env.".length()) : variable;
        return new Unusable(Problem.VARIABLE_UNSET,
                "The <password> of settings.xml server '" + serverId + "' (" + files + ") is ${" + variable + "}, which"
                        + " Maven could not resolve: " + (env ? "the environment variable " + name + " is not set"
                                : "no property " + name + " is defined") + " in this build.",
                env ? "set " + name + " in the environment that runs Maven (export " + name + "=<token>; in GitLab CI"
                        + " a masked CI/CD variable), or write the token into the <password>"
                        : "define " + name + " (-D" + name + "=<token> or a settings.xml profile property), or write the"
                                + " token into the <password>");
    }

    /** The refusal for an encrypted password Maven could not decrypt; {@code detail} is the decrypter's message. */
    public static Unusable undecryptable(String serverId, String files, boolean securityFileExists,
            String securityFile, String detail) {
        if (!securityFileExists) {
            return new Unusable(Problem.NO_MASTER_PASSWORD,
                    "The password of settings.xml server '" + serverId + "' (" + files + ") is encrypted, but "
                            + securityFile + " (the master password) does not exist.",
                    "create it with mvn --encrypt-master-password <master> (put the output in " + securityFile
                            + " as <settingsSecurity><master>...</master></settingsSecurity>), then re-encrypt the"
                            + " token with mvn --encrypt-password; or write the token unencrypted or as"
                            + " ${env.NPM_TOKEN}");
        }
        return new Unusable(Problem.UNDECRYPTABLE,
                "The password of settings.xml server '" + serverId + "' (" + files + ") could not be decrypted with"
                        + " the master password in " + securityFile + ": " + detail,
                "re-encrypt the token with mvn --encrypt-password (with the master password of " + securityFile
                        + "), or point -Dsettings.security=<file> at the settings-security.xml it was encrypted for");
    }

    /** An unusable password: which kind, and the message and fix for the user. */
    public record Unusable(Problem problem, String message, String fix) {
        public NpmregException toException() {
            return new Failure(this);
        }
    }

    /** The failure a goal raises for an unusable password; {@link #unusable()} tells the kind. */
    public static final class Failure extends NpmregException {
        private final transient Unusable unusable;

        Failure(Unusable unusable) {
            super(unusable.message(), unusable.fix());
            this.unusable = unusable;
        }

        public Unusable unusable() {
            return unusable;
        }
    }
}
