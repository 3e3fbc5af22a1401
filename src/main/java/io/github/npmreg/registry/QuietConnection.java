package io.github.npmreg.registry;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP/1.1 client connection that never logs headers or wire bytes.
 *
 * <p>Why: httpclient5's own connection ({@code DefaultManagedHttpClientConnection}) logs every request header,
 * {@code Authorization} included, to the slf4j logger {@code org.apache.hc.client5.http.headers}, and every byte
 * (the token and the whole base64 tarball) to {@code org.apache.hc.client5.http.wire}, at debug level. A Maven
 * plugin shares Maven's slf4j provider, and {@code mvn -X} turns debug on for every logger, so the token would reach
 * the console and CI logs. Replacing the connection removes those log calls whatever the logging configuration;
 * the remaining httpclient debug lines (request lines, connection pool) carry no header values.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
    /** Creates quiet connections for the connection manager. */
    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        QuietConnection c = new QuietConnection();
        if (socket != null) {
            c.bind(socket);
        }
        return c;
    };

    private volatile Timeout socketTimeout;

    private QuietConnection() {
        super(Http1Config.DEFAULT);
    }

    @Override
    public void bind(Socket socket) throws IOException {
        super.bind(socket);
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        super.bind(sslSocket, socket);
        socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder == null ? null : holder.getSocket();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    /** Idle in the pool: no read timeout, as httpclient's own connection does. */
    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }
}
