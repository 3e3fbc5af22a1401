package io.github.npmreg.doctor;

import io.github.npmreg.registry.ProxyConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * DNS, TCP and TLS to the registry (or to the proxy, which then resolves and connects for us), with no
 * credentials sent. Certificate problems are told apart because each has its own fix.
 */
final class NetworkCheck implements Check {
    @Override
    public String id() {
        return "network";
    }

    @Override
    public String title() {
        return "Network";
    }

    @Override
    public Category category() {
        return Category.NETWORK;
    }

    @Override
    public java.util.Set<Premise> needs() {
        return java.util.Set.of(Premise.REGISTRY);
    }

    @Override
    public List<Finding> run(DoctorContext context) {
        URI registry = context.registry() == null ? null : Urls.parse(context.registry().url());
        if (registry == null) {
            return List.of(Finding.skipped(this, "no usable registry URL"));
        }
        Network network = context.network();
        ProxyConfig proxy = network.proxyFor(registry);
        String host = proxy == null ? Urls.host(registry) : proxy.host();
        int port = proxy == null ? Urls.port(registry) : proxy.port();
        String route = proxy == null ? "direct connection" : "through " + proxy;
        String addresses;
        try {
            InetAddress[] resolved = network.resolve(host);
            addresses = Arrays.stream(resolved).map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        } catch (IOException e) {
            return List.of(Finding.of(FindingKind.DNS_FAILED, id(),
                    (proxy == null ? "" : "proxy ") + host + " does not resolve (" + route + "): " + e,
                    proxy == null ? "check the host in " + registry + " (" + context.registry().reason()
                            + "); behind a proxy, add it to settings.xml <proxies>"
                            : "check the <host> of the <proxy> in settings.xml"));
        }
        try {
            network.connect(host, port);
        } catch (IOException e) {
            return List.of(Finding.of(FindingKind.TCP_FAILED, id(),
                    "cannot connect to " + host + ":" + port + " (" + addresses + ", " + route + "): " + e,
                    proxy == null ? "check host and port of " + registry + ", or configure the proxy in settings.xml"
                            : "check the <host> and <port> of the <proxy> in settings.xml"));
        }
        String tls = "";
        if ("https".equalsIgnoreCase(registry.getScheme())) {
            try {
                network.get(Urls.withSlash(registry), null);
                tls = ", TLS certificate trusted";
            } catch (SSLException e) {
                return List.of(tlsFinding(registry, e));
            } catch (java.io.InterruptedIOException e) {
                // TCP connected above, so the time went into the handshake: the port does not answer TLS.
                return List.of(Finding.of(FindingKind.TLS_FAILED, id(),
                        "TCP to " + host + ":" + port + " works but the TLS handshake got no answer: " + e,
                        "check that port " + Urls.port(registry) + " speaks HTTPS; for a plain-HTTP registry use "
                                + "http://"));
            } catch (IOException e) {
                return List.of(Finding.of(FindingKind.TCP_FAILED, id(),
                        "connected to " + host + ":" + port + " but the request to " + registry + " failed: " + e,
                        "check that " + registry + " is the registry's URL"));
            }
        }
        return List.of(Finding.pass(this, Urls.host(registry) + " reachable (" + addresses + ", " + route + ")"
                + tls));
    }

    private Finding tlsFinding(URI registry, SSLException e) {
        String detail = messages(e);
        if (detail.contains("PKIX") || detail.contains("unable to find valid certification path")
                || detail.contains("self signed") || detail.contains("self-signed")) {
            return Finding.of(FindingKind.TLS_UNTRUSTED_CERTIFICATE, id(),
                    registry.getHost() + ": " + detail,
                    "save the registry's CA certificate as ca.pem (openssl s_client -showcerts -connect "
                            + registry.getHost() + ":" + Urls.port(registry) + ") and pass it with -Dnpmreg.caFile="
                            + "ca.pem (or .npmrc cafile=ca.pem); or import it into the JVM trust store: keytool "
                            + "-importcert -alias registry-ca -file ca.pem -cacerts");
        }
        if (detail.contains("No subject alternative") || detail.contains("No name matching")
                || detail.contains("doesn't match")) {
            return Finding.of(FindingKind.TLS_HOSTNAME_MISMATCH, id(), registry.getHost() + ": " + detail,
                    "use the host name on the certificate in the registry URL, or have the certificate reissued "
                            + "for " + registry.getHost());
        }
        return Finding.of(FindingKind.TLS_FAILED, id(),
                registry.getHost() + ":" + Urls.port(registry) + ": " + detail
                        + (e instanceof SSLHandshakeException ? "" : " (" + e.getClass().getSimpleName() + ")"),
                "check that port " + Urls.port(registry) + " speaks HTTPS; for a plain-HTTP registry use http://");
    }

    /** The messages of an exception and its causes: the useful one (PKIX…) is usually a cause. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && out.indexOf(t.getMessage()) < 0) {
                out.append(out.length() == 0 ? "" : "; ").append(t.getMessage());
            }
        }
        return out.toString();
    }
}
