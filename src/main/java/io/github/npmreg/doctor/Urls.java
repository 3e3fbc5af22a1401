package io.github.npmreg.doctor;

import io.github.npmreg.npmrc.NerfDart;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Small facts about registry URLs that several checks need. */
final class Urls {
    static final String NPMJS_HOST = "registry.npmjs.org";

    private Urls() {}

    /** The URL when it is an absolute http(s) URL with a host, else {@code null}. */
    static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** {@code host} or {@code host:port} as npm writes it in a nerf dart: the default port is left out. */
    static String hostAndPort(URI uri) {
        boolean defaultPort = uri.getPort() == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 80);
        return host(uri) + (defaultPort ? "" : ":" + uri.getPort());
    }

    /**
     * The key npm's publish looks credentials up under: {@code //host} + {@code new URL('.', registry).pathname},
     * which drops the last path segment when the URL does not end in {@code /} (npm-pack-and-publish.md §5, "The
     * publish credential check").
     */
    static String publishKey(URI registry) {
        return NerfDart.of(registry.toString());
    }

    /** The URL with a trailing slash, so relative paths resolve below it. */
    static URI withSlash(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    static boolean isNpmjs(URI uri) {
        return host(uri).equals(NPMJS_HOST);
    }

    /** Loopback hosts: plain http:// there is how local test registries run, not a leak. */
    static boolean isLoopback(URI uri) {
        String host = host(uri);
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return (Character.isDigit(host.charAt(0)) || host.startsWith("["))
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.io.IOException e) {
            return false;
        }
    }

}
