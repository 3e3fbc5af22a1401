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
    static HttpConnectionFactory<ManagedHttpClientConnection> factory(java.time.Duration requestTimeout) {
        return socket -> {
            QuietConnection c = new QuietConnection(requestTimeout);
            if (socket != null) {
                c.bind(socket);
            }
            return c;
        };
    }

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "npmreg-request-deadline");
                t.setDaemon(true);
                return t;
            });

    private volatile Timeout socketTimeout;
    private final long requestTimeoutNanos;
    /** When the current request's deadline passes (System.nanoTime), or 0 between requests. */
    private volatile long deadline;

    private QuietConnection(java.time.Duration requestTimeout) {
        super(Http1Config.DEFAULT);
        this.requestTimeoutNanos = requestTimeout.toNanos();
    }

    @Override
    public void bind(Socket socket) throws IOException {
        super.bind(new DeadlineSocket(socket));
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        super.bind(new DeadlineSocket(sslSocket, socket));
        socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    /** Each request starts its own deadline: the whole exchange (upload, wait, answer) must end within it. */
    @Override
    public void sendRequestHeader(org.apache.hc.core5.http.ClassicHttpRequest request)
            throws org.apache.hc.core5.http.HttpException, IOException {
        deadline = requestTimeoutNanos <= 0 ? 0 : System.nanoTime() + requestTimeoutNanos;
        super.sendRequestHeader(request);
    }

    /** The request's total time ran out; {@link RegistryDiagnosis} names the setting that raises it. */
    static final class DeadlineExceeded extends java.io.InterruptedIOException {
        final java.time.Duration limit;

        DeadlineExceeded(java.time.Duration limit) {
            super("the answer did not complete within " + limit.toSeconds() + " s");
            this.limit = limit;
        }
    }

    private long remainingMillis() {
        long d = deadline;
        if (d == 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (d - System.nanoTime()) / 1_000_000);
    }

    private DeadlineExceeded exceeded() {
        return new DeadlineExceeded(java.time.Duration.ofNanos(requestTimeoutNanos));
    }

    /** The socket's streams, bounded by the request's deadline: reads by their timeout, writes by a watchdog. */
    private final class DeadlineSocket extends SocketHolder {
        DeadlineSocket(Socket socket) {
            super(socket);
        }

        DeadlineSocket(SSLSocket ssl, Socket base) {
            super(ssl, base);
        }

        @Override
        protected java.io.InputStream getInputStream(Socket socket) throws IOException {
            java.io.InputStream in = super.getInputStream(socket);
            return new java.io.FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    long left = remainingMillis();
                    if (left == Long.MAX_VALUE) {
                        return super.read(b, off, len);
                    }
                    if (left <= 0) {
                        throw exceeded();
                    }
                    int base = socket.getSoTimeout();
                    int bounded = (int) Math.min(base == 0 ? Integer.MAX_VALUE : base, Math.max(1, left));
                    socket.setSoTimeout(bounded);
                    try {
                        return super.read(b, off, len);
                    } catch (java.net.SocketTimeoutException e) {
                        if (remainingMillis() <= 0) {
                            throw exceeded();
                        }
                        throw e;
                    } finally {
                        socket.setSoTimeout(base);
                    }
                }
            };
        }

        @Override
        protected java.io.OutputStream getOutputStream(Socket socket) throws IOException {
            java.io.OutputStream out = super.getOutputStream(socket);
            return new java.io.FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    long left = remainingMillis();
                    if (left == Long.MAX_VALUE) {
                        out.write(b, off, len);
                        return;
                    }
                    if (left <= 0) {
                        throw exceeded();
                    }
                    // A server that stops reading blocks a write forever (writes have no timeout): close the socket.
                    java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
                    var watch = WATCHDOG.schedule(() -> {
                        fired.set(true);
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // the blocked write fails either way
                        }
                    }, left, java.util.concurrent.TimeUnit.MILLISECONDS);
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        if (fired.get()) {
                            throw exceeded();
                        }
                        throw e;
                    } finally {
                        watch.cancel(false);
                    }
                }
            };
        }
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
        deadline = 0;
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }
}
