package io.github.npmreg.sigstore;

import io.github.npmreg.auth.Redaction;
import io.github.npmreg.registry.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * JSON over HTTP to Fulcio and Rekor with sigstore-js's retry rule ({@code external/fetch.js}): a connection
 * failure, 408, 429 or 5xx is tried again, twice at most, 1 s then 2 s later; redirects are not followed. Only the
 * given secrets' hints ever appear in an error text.
 */
final class SigstoreHttp {
    /** What came back: status, headers (lower-case names) and the body as text. */
    record Answer(int status, Map<String, String> headers, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final int RETRIES = 2;

    private final HttpClient http;
    private final Sleeper sleeper;
    private final String userAgent;

    SigstoreHttp(HttpClient http, Sleeper sleeper, String userAgent) {
        this.http = http;
        this.sleeper = sleeper;
        this.userAgent = userAgent;
    }

    Answer post(SigstoreException.Service service, URI url, String json, List<String> secrets) {
        return send(service, ClassicRequestBuilder.post(url)
                // "application/json" without a charset parameter, as sigstore-js sends it.
                .setEntity(new ByteArrayEntity(json.getBytes(StandardCharsets.UTF_8),
                        ContentType.create("application/json", (java.nio.charset.Charset) null))),
                secrets);
    }

    Answer get(SigstoreException.Service service, URI url) {
        return send(service, ClassicRequestBuilder.get(url), List.of());
    }

    private Answer send(SigstoreException.Service service, ClassicRequestBuilder builder, List<String> secrets) {
        builder.setHeader("Accept", "application/json").setHeader("User-Agent", userAgent);
        ClassicHttpRequest request = builder.build();
        if (request instanceof org.apache.hc.client5.http.classic.methods.HttpUriRequestBase base) {
            base.setConfig(RequestConfig.custom().setRedirectsEnabled(false).build());
        }
        for (int attempt = 0; ; attempt++) {
            Answer answer = null;
            IOException failure = null;
            try {
                answer = http.execute(request, response -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : response.getHeaders()) {
                        headers.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
                    }
                    String body = response.getEntity() == null ? ""
                            : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                    return new Answer(response.getCode(), headers, body);
                });
            } catch (IOException e) {
                failure = e;
            }
            boolean retryable = answer == null || answer.status() == 408 || answer.status() == 429
                    || answer.status() >= 500;
            if (!retryable || attempt >= RETRIES) {
                if (answer != null) {
                    return answer;
                }
                throw new SigstoreException(service, SigstoreException.NO_ANSWER, service.title() + " ("
                        + service.role() + ") at " + request.getAuthority() + " could not be reached: "
                        + request.getMethod() + " " + safeUri(request) + " failed after " + (attempt + 1)
                        + " attempts: " + Redaction.redact(String.valueOf(failure), secrets) + ".",
                        "Check that the build machine reaches " + request.getAuthority() + " (proxy settings in"
                                + " settings.xml, firewall), or point the plugin at your own sigstore deployment"
                                + " (fulcioUrl / rekorUrl).", null);
            }
            try {
                sleeper.sleep(Duration.ofSeconds(1L << attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry " + service.title(), e);
            }
        }
    }

    private static String safeUri(ClassicHttpRequest request) {
        try {
            return request.getUri().toString();
        } catch (java.net.URISyntaxException e) {
            return request.getRequestUri();
        }
    }
}
