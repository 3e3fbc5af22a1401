package io.github.npmreg.registry;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy as plain data (the Maven adapter takes it from the active {@code <proxy>} in settings.xml).
 *
 * @param nonProxyHosts Maven's syntax: host patterns separated by {@code |} (commas are accepted too), {@code *}
 *     as a wildcard, e.g. {@code localhost|*.example.com}; {@code null} or empty for none
 */
public record ProxyConfig(String host, int port, String username, String password, String nonProxyHosts) {
    public ProxyConfig {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
    }

    /** Whether requests to {@code targetHost} go direct instead of through this proxy. */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String p = pattern.strip().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && h.matches(java.util.regex.Pattern.quote(p).replace("*", "\\E.*\\Q"))) {
                return true;
            }
        }
        return false;
    }

    /** The proxy password, for redaction. */
    List<String> secrets() {
        return password == null ? List.of() : List.of(password);
    }

    @Override
    public String toString() {
        return "proxy " + host + ":" + port + (username == null ? "" : " as '" + username + "'");
    }
}
