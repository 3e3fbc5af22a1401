package io.github.npmreg.doctor;

import io.github.npmreg.registry.ProxyConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * A {@link Network} that can send GETs ahead of the checks that read them: each is sent on its own thread at once,
 * and the first {@link #get} of the same URL with the same {@code Authorization} takes its answer (or its
 * failure); any other request goes to the network as it is asked. Only reads are ever sent ahead, so an answer
 * nobody takes costs the registry one read and changes nothing.
 */
final class PrefetchedNetwork implements Network {
    private final Network network;
    private final Map<Key, CompletableFuture<Answer>> ahead = new ConcurrentHashMap<>();

    private record Key(String url, String authorization) {}

    PrefetchedNetwork(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** Sends a GET of each URL now (one daemon thread each), unless one of the same request is already out. */
    void sendAhead(List<URI> urls, String authorization) {
        for (URI url : urls) {
            ahead.computeIfAbsent(new Key(url.toString(), authorization), k -> {
                CompletableFuture<Answer> answer = new CompletableFuture<>();
                Thread sender = new Thread(() -> {
                    try {
                        answer.complete(network.get(url, authorization));
                    } catch (IOException | RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                }, "npmreg-doctor-get");
                sender.setDaemon(true);
                sender.start();
                return answer;
            });
        }
    }

    @Override
    public Answer get(URI uri, String authorization) throws IOException {
        CompletableFuture<Answer> sent = ahead.remove(new Key(uri.toString(), authorization));
        if (sent == null) {
            return network.get(uri, authorization);
        }
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for GET " + uri, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws IOException {
        return network.resolve(host);
    }

    @Override
    public void connect(String host, int port) throws IOException {
        network.connect(host, port);
    }

    @Override
    public ProxyConfig proxyFor(URI uri) {
        return network.proxyFor(uri);
    }
}
