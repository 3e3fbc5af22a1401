package io.github.npmreg.doctor;

import io.github.npmreg.registry.ProxyConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How network checks reach the registry: one seam, so the mojo can pass the build's proxy and trust store and
 * tests can point at local servers. Only reads: {@link #get} is the one HTTP method there is.
 */
public interface Network {

    /** DNS lookup of {@code host}. */
    InetAddress[] resolve(String host) throws IOException;

    /** Opens and closes a TCP connection. */
    void connect(String host, int port) throws IOException;

    /**
     * A GET that does not follow redirects (a GitLab redirect to npmjs is itself a finding).
     *
     * @param authorization the {@code Authorization} header value, {@code null} to send none
     */
    Answer get(URI uri, String authorization) throws IOException;

    /** The proxy requests to {@code uri} go through, {@code null} for a direct connection. */
    ProxyConfig proxyFor(URI uri);

    /** An HTTP answer; header names are matched without regard to case. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                        && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }
}
