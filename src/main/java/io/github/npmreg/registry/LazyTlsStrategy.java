package io.github.npmreg.registry;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The TLS strategy, set up on the first {@code https} connection: loading the JVM's trust store and initializing
 * an SSLContext costs a cold build some 300 ms and 200 classes, which a build publishing to an {@code http}
 * registry (a local or in-cluster one) never needs. With a {@code caFile} the context is built at once instead,
 * so a bad file fails the goal with its own message before anything is sent.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private final Path extraCaPem;
    private volatile TlsSocketStrategy delegate;

    private LazyTlsStrategy(Path extraCaPem) {
        this.extraCaPem = extraCaPem;
    }

    static TlsSocketStrategy of(Path extraCaPem) {
        if (extraCaPem != null) {
            return new DefaultClientTlsStrategy(TrustMaterial.sslContext(extraCaPem));
        }
        return new LazyTlsStrategy(null);
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return delegate().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy delegate() {
        TlsSocketStrategy d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = new DefaultClientTlsStrategy(TrustMaterial.sslContext(extraCaPem));
                    delegate = d;
                }
            }
        }
        return d;
    }
}
