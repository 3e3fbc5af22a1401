package io.github.npmreg.maven;

import io.github.npmreg.NpmregException;
import io.github.npmreg.registry.ProxyConfig;
import java.net.URI;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The active settings.xml {@code <proxy>} for a registry URL's scheme, decrypted, as plain data for the core. */
final class SettingsProxies {
    private SettingsProxies() {}

    static Optional<ProxyConfig> forUrl(Settings settings, SettingsDecrypter decrypter, URI registry) {
        if (settings == null) {
            return Optional.empty();
        }
        String scheme = registry.getScheme() == null ? "https" : registry.getScheme();
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive() || !scheme.equalsIgnoreCase(proxy.getProtocol() == null ? "http" : proxy.getProtocol())) {
                continue;
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() == SettingsProblem.Severity.ERROR
                        || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
                    throw new NpmregException("The password of settings.xml proxy '" + proxy.getId()
                            + "' could not be decrypted: " + problem.getMessage(),
                            "check the master password in settings-security.xml, or re-encrypt the proxy password.");
                }
            }
            Proxy p = result.getProxy();
            return Optional.of(new ProxyConfig(p.getHost(), p.getPort(), p.getUsername(), p.getPassword(),
                    p.getNonProxyHosts()));
        }
        return Optional.empty();
    }
}
