package io.github.npmreg.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.BuildLog;
import io.github.npmreg.NpmregException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The publish PUT body, streamed: the JSON before the base64 data, the tarball base64-encoded on the fly, the JSON
 * after it. The length is exact and known up front, so the request goes out with {@code Content-Length} (no
 * chunking), and memory stays flat whatever the tarball size. Repeatable: every retry re-reads the file.
 *
 * <p>The JSON matches libnpmpublish's {@code buildMetadata}: keys {@code _id, name, description, dist-tags,
 * versions, access, _attachments} in that order, no whitespace (npm-pack-and-publish.md section 4).
 * {@code _nodeVersion} and {@code _npmVersion} are left out: we are neither, and claiming a node or npm version that
 * did not run would mislead whoever reads the packument; registries (Verdaccio, GitLab, npmjs) do not require them.
 */
final class PublishBody extends AbstractHttpEntity {
    /** 3 * 16 KiB: a multiple of 3, so every chunk but the last encodes without padding. */
    private static final int CHUNK = 3 * 16 * 1024;
    private static final long PROGRESS_THRESHOLD = 5L * 1024 * 1024;

    private final PublishRequest request;
    private final byte[] prefix;
    private final byte[] suffix;
    private final long tarballSize;
    private final long base64Length;
    private final BuildLog log;
    private final Clock clock;

    PublishBody(PublishRequest request, BuildLog log, Clock clock) {
        super(ContentType.create("application/json"), null);
        this.request = request;
        this.log = log;
        this.clock = clock;
        try {
            this.tarballSize = Files.size(request.tarball());
        } catch (IOException e) {
            throw new NpmregException("Cannot read the tarball to publish, " + request.tarball() + ": " + e,
                    "run the pack goal first (mvn package runs it), or point the publish goal at an existing .tgz", e);
        }
        this.base64Length = 4 * ((tarballSize + 2) / 3);
        String marker = "npmreg-data-" + UUID.randomUUID();
        String json;
        json = io.github.npmreg.json.JsonTree.write(document(request, tarballSize, marker));
        int at = json.indexOf(marker);
        if (at < 0 || json.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("the data marker must appear exactly once in the publish body");
        }
        this.prefix = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        this.suffix = json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
    }

    /** The body as libnpmpublish builds it, with {@code marker} where the base64 data goes. */
    static ObjectNode document(PublishRequest r, long tarballSize, String marker) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode version = r.manifest().deepCopy();
        if (!version.has("_id")) {
            version.put("_id", r.name() + "@" + r.version());
        }
        version.remove("dist");
        ObjectNode dist = version.putObject("dist");
        dist.put("integrity", r.integrity());
        dist.put("shasum", r.shasum());
        dist.put("tarball", RegistryUrls.tarballUrl(r.registry(), r.name(), r.version()).toString());

        ObjectNode root = f.objectNode();
        root.put("_id", r.name());
        root.put("name", r.name());
        if (r.manifest().has("description")) {
            // JSON.stringify drops an undefined description, so the key is there only when the manifest has one.
            root.set("description", r.manifest().get("description"));
        }
        root.putObject("dist-tags").put(r.tag(), r.version());
        root.putObject("versions").set(r.version(), version);
        if (r.access() == null) {
            root.putNull("access");
        } else {
            root.put("access", r.access());
        }
        ObjectNode attachment = root.putObject("_attachments")
                .putObject(RegistryUrls.attachmentName(r.name(), r.version()));
        attachment.put("content_type", "application/octet-stream");
        attachment.put("data", marker);
        attachment.put("length", tarballSize);
        PublishRequest.TextAttachment text = r.textAttachment();
        if (text != null) {
            ObjectNode extra = ((ObjectNode) root.get("_attachments")).putObject(text.name());
            extra.put("content_type", text.contentType());
            extra.put("data", text.data());
            extra.put("length", text.length());
        }
        return root;
    }

    long tarballSize() {
        return tarballSize;
    }

    /** The body for a dry-run log: the JSON with the base64 data replaced by a note of its size. */
    String describeWithoutData() {
        return new String(prefix, StandardCharsets.UTF_8) + "<" + base64Length + " characters of base64 elided>"
                + new String(suffix, StandardCharsets.UTF_8);
    }

    @Override
    public long getContentLength() {
        return prefix.length + base64Length + suffix.length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    /** Not used for requests: httpclient writes request entities through {@link #writeTo}. */
    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("the publish body is written with writeTo, never read");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Progress progress = new Progress(getContentLength());
        out.write(prefix);
        progress.add(prefix.length);
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[CHUNK];
        long read = 0;
        try (InputStream in = Files.newInputStream(request.tarball())) {
            int n;
            while ((n = in.readNBytes(chunk, 0, CHUNK)) > 0) {
                read += n;
                if (read > tarballSize) {
                    break;
                }
                byte[] encoded = n == CHUNK ? encoder.encode(chunk) : encoder.encode(java.util.Arrays.copyOf(chunk, n));
                out.write(encoded);
                progress.add(encoded.length);
                if (n < CHUNK) {
                    break;
                }
            }
        }
        if (read != tarballSize) {
            throw new TarballChangedException("the tarball " + request.tarball() + " changed while it was being"
                    + " uploaded (" + tarballSize + " bytes expected, " + read + " read)");
        }
        out.write(suffix);
        progress.add(suffix.length);
        out.flush();
    }

    @Override
    public void close() {
        // nothing held open between writes: each writeTo opens and closes the tarball
    }

    /** The file under the upload changed size: retrying cannot help, so the client fails at once. */
    static final class TarballChangedException extends IOException {
        TarballChangedException(String message) {
            super(message);
        }
    }

    /** Logs about every 10 % of a large body, with the average rate so far. */
    private final class Progress {
        private final long total;
        private final long startMillis = clock.millis();
        private long sent;
        private int lastDecile;

        Progress(long total) {
            this.total = total;
        }

        void add(long bytes) {
            sent += bytes;
            if (total < PROGRESS_THRESHOLD) {
                return;
            }
            int decile = (int) (sent * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                double seconds = Math.max(1, clock.millis() - startMillis) / 1000.0;
                log.info(String.format(java.util.Locale.ROOT, "Uploading %s: %d%% of %.1f MB (%.1f MB/s)",
                        request.name() + "@" + request.version(), decile * 10, total / 1e6, sent / 1e6 / seconds));
            }
        }
    }
}
