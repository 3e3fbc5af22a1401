package io.github.npmreg.npmrc;

import io.github.npmreg.NpmregException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * npm's "nerf dart": the protocol-less prefix of {@code .npmrc} auth keys. Same as {@code @npmcli/config
 * lib/nerf-dart.js}: {@code //host[:port]} plus {@code new URL('.', url).pathname}, so the last path segment is
 * dropped when the URL does not end in {@code /} ({@code https://h/api/npm} gives {@code //h/api/}). The host is
 * lowercased and a default port (80 for http, 443 for https) is left out, as WHATWG URL does.
 */
public final class NerfDart {
    private NerfDart() {}

    /** The nerf dart of a registry URL, e.g. {@code //gitlab.example.com/api/v4/projects/42/packages/npm/}. */
    public static String of(String url) {
        String path = hostAndPath(url);
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /**
     * {@code //host[:port]/full/path} of a URL, the key npm-registry-fetch's {@code regFromURI} starts its walk-up
     * from (query and fragment dropped, dot segments resolved).
     */
    public static String hostAndPath(String url) {
        URI uri;
        try {
            uri = new URI(url.strip().replace('\\', '/'));
        } catch (URISyntaxException e) {
            throw new NpmregException("Invalid registry URL '" + url + "': " + e.getMessage(),
                    "Use an absolute URL such as https://registry.npmjs.org/.", e);
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new NpmregException("Invalid registry URL '" + url + "': it needs a scheme and a host",
                    "Use an absolute URL such as https://registry.npmjs.org/.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return "//" + host + (defaultPort ? "" : ":" + port) + removeDotSegments(rawPath);
    }

    /** RFC 3986 §5.2.4 as WHATWG applies it: {@code .} and {@code ..} segments are resolved, the path stays absolute. */
    private static String removeDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".") || s.equalsIgnoreCase("%2e")) {
                if (last) {
                    out.addLast("");
                }
            } else if (s.equals("..") || s.equalsIgnoreCase(".%2e") || s.equalsIgnoreCase("%2e.")
                    || s.equalsIgnoreCase("%2e%2e")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }
}
