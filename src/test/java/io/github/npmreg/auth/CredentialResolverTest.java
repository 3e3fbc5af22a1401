package io.github.npmreg.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmreg.NpmregException;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.npmrc.Npmrc;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialResolverTest {
    private static final URI REGISTRY = URI.create("https://gitlab.example.com/api/v4/projects/42/packages/npm/");
    private static final Npmrc EXACT = Npmrc.parse(
            "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=npmrc-token-0001\n", Path.of("/p/.npmrc"), Map.of());
    private static final Map<String, String> ENV = Map.of("NPM_TOKEN", "env-npm-token-01", "NODE_AUTH_TOKEN", "env-node-token-1");

    @Test
    void serverWinsAndPasswordAloneIsAToken() {
        Credentials c = CredentialResolver.resolve(REGISTRY,
                Optional.of(new ServerCredentials("gitlab", null, "server-token-0001")), List.of(EXACT), ENV);
        assertEquals(new Credentials.Token("server-token-0001", "settings.xml server 'gitlab'"), c);
    }

    @Test
    void serverWithUsernameIsBasic() {
        Credentials c = CredentialResolver.resolve(REGISTRY,
                Optional.of(new ServerCredentials("gitlab", "deployer", "pw")), List.of(), Map.of());
        assertEquals(new Credentials.Basic("deployer", "pw", "settings.xml server 'gitlab'"), c);
    }

    @Test
    void serverWithoutPasswordIsAnErrorNamingTheId() {
        NpmregException e = assertThrows(NpmregException.class, () -> CredentialResolver.resolve(REGISTRY,
                Optional.of(new ServerCredentials("gitlab-npm", "me", "")), List.of(EXACT), ENV));
        assertTrue(e.problem().contains("settings.xml server 'gitlab-npm'"), e.problem());
        assertTrue(e.fix().contains("<id>gitlab-npm</id>"), e.fix());
    }

    @Test
    void npmrcBeforeEnvironment() {
        Credentials c = CredentialResolver.resolve(REGISTRY, Optional.empty(), List.of(EXACT), ENV);
        assertEquals("Bearer npmrc-token-0001", c.authorizationHeader());
        assertEquals(".npmrc file /p/.npmrc, key //gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken (line 1)",
                c.source());
    }

    @Test
    void npmTokenThenNodeAuthToken() {
        assertEquals("environment variable NPM_TOKEN",
                CredentialResolver.resolve(REGISTRY, Optional.empty(), List.of(), ENV).source());
        assertEquals("environment variable NODE_AUTH_TOKEN", CredentialResolver.resolve(REGISTRY, Optional.empty(),
                List.of(), Map.of("NPM_TOKEN", " ", "NODE_AUTH_TOKEN", "env-node-token-1")).source());
        assertInstanceOf(Credentials.None.class, CredentialResolver.resolve(REGISTRY, Optional.empty(), List.of(), Map.of()));
    }

    @Test
    void walkUpMatchIsUsedWithANote() {
        Npmrc hostLevel = Npmrc.parse("//gitlab.example.com/:_authToken=host-token-00001\n", Path.of("/u/.npmrc"), Map.of());
        Resolution r = CredentialResolver.standard().explain(new CredentialRequest(REGISTRY, Optional.empty(),
                NpmConfig.of(hostLevel), Map.of()));
        assertEquals("Bearer host-token-00001", r.credentials().authorizationHeader());
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).contains("npm publish would fail with ENEEDAUTH"), r.notes().get(0));
        assertTrue(r.notes().get(0).contains("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken"));
        assertFalse(r.notes().get(0).contains("host-token"));
    }

    @Test
    void exactMatchHasNoNote() {
        Resolution r = CredentialResolver.standard().explain(new CredentialRequest(REGISTRY, Optional.empty(),
                NpmConfig.of(EXACT), Map.of()));
        assertEquals(List.of(), r.notes());
    }

    @Test
    void unexpandedVariableIsAClearErrorWithoutSecrets() {
        Npmrc rc = Npmrc.parse("//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=${CI_JOB_TOKEN}\n",
                Path.of("/p/.npmrc"), Map.of());
        NpmregException e = assertThrows(NpmregException.class,
                () -> CredentialResolver.resolve(REGISTRY, Optional.empty(), List.of(rc), Map.of()));
        assertTrue(e.problem().contains("${CI_JOB_TOKEN}") && e.problem().contains("/p/.npmrc"), e.problem());
        assertTrue(e.fix().startsWith("Set CI_JOB_TOKEN"), e.fix());
    }

    @Test
    void extraSourcesPlugIn() {
        CredentialSource jobToken = request -> Optional.ofNullable(request.env().get("CI_JOB_TOKEN"))
                .map(t -> Resolution.of(new Credentials.Token(t, "environment variable CI_JOB_TOKEN"),
                        CredentialOrigin.GITLAB_JOB_TOKEN));
        CredentialResolver gitlab = CredentialResolver.standard().withSourcesBefore(List.of(jobToken), 2);
        Resolution r = gitlab.explain(new CredentialRequest(REGISTRY, Optional.empty(), NpmConfig.of(),
                Map.of("CI_JOB_TOKEN", "job-token-000001", "NPM_TOKEN", "env-npm-token-01")));
        assertEquals("environment variable CI_JOB_TOKEN", r.credentials().source());
    }

    @Test
    void serverToStringHidesThePassword() {
        String s = new ServerCredentials("gitlab", "me", "super-secret-password").toString();
        assertFalse(s.contains("super-secret"), s);
    }

    @Test
    void requestToStringHidesTheEnvironment() {
        String s = new CredentialRequest(REGISTRY, Optional.of(new ServerCredentials("g", null, "server-secret-value")),
                NpmConfig.of(EXACT), ENV).toString();
        assertFalse(s.contains("env-npm-token") || s.contains("server-secret") || s.contains("npmrc-token"), s);
    }
}
