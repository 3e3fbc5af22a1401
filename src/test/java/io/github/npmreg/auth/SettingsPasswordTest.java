package io.github.npmreg.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsPasswordTest {
    @Test
    void aVariableMavenLeftAsWrittenIsFound() {
        assertEquals(Optional.of("env.NPM_TOKEN"), SettingsPassword.unresolvedVariable("${env.NPM_TOKEN}"));
        assertEquals(Optional.of("gitlab.token"), SettingsPassword.unresolvedVariable("x${gitlab.token}"));
        assertEquals(Optional.empty(), SettingsPassword.unresolvedVariable("{COQLCE6DU6GtcS5P=}"));
        assertEquals(Optional.empty(), SettingsPassword.unresolvedVariable("glpat-plain"));
        assertEquals(Optional.empty(), SettingsPassword.unresolvedVariable(null));
    }

    @Test
    void anUnsetEnvironmentVariableNamesTheVariableNotDecryption() {
        SettingsPassword.Unusable u = SettingsPassword.variableUnset("gitlab", "/home/me/.m2/settings.xml",
                "env.NPM_TOKEN");
        assertEquals(SettingsPassword.Problem.VARIABLE_UNSET, u.problem());
        assertTrue(u.message().contains("the environment variable NPM_TOKEN is not set"), u.message());
        assertTrue(u.message().contains("'gitlab'") && u.message().contains("/home/me/.m2/settings.xml"), u.message());
        assertTrue(u.fix().contains("export NPM_TOKEN="), u.fix());
        assertTrue(!u.message().toLowerCase().contains("decrypt"), u.message());
    }

    @Test
    void aMissingSecurityFileSaysHowToCreateIt() {
        SettingsPassword.Unusable u = SettingsPassword.undecryptable("gitlab", "settings.xml", false,
                "/home/me/.m2/settings-security.xml", "java.io.FileNotFoundException: ...");
        assertEquals(SettingsPassword.Problem.NO_MASTER_PASSWORD, u.problem());
        assertTrue(u.message().contains("/home/me/.m2/settings-security.xml") && u.message().contains("does not exist"));
        assertTrue(u.fix().startsWith("create it with mvn --encrypt-master-password"), u.fix());
        assertTrue(!u.message().contains("FileNotFoundException"), u.message());
    }

    @Test
    void aWrongMasterPasswordSaysToReEncrypt() {
        SettingsPassword.Unusable u = SettingsPassword.undecryptable("gitlab", "settings.xml", true,
                "/s/settings-security.xml", "bad padding");
        assertEquals(SettingsPassword.Problem.UNDECRYPTABLE, u.problem());
        assertTrue(u.fix().contains("mvn --encrypt-password"), u.fix());
        assertTrue(u.toException() instanceof SettingsPassword.Failure f && f.unusable() == u);
    }
}
