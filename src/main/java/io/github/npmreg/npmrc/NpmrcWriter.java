package io.github.npmreg.npmrc;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code .npmrc} lines npm 11 reads: {@code @scope:registry=} and nerf-dart auth lines, with the registry's
 * trailing {@code /} on both and the default port left out (the two mismatches that make npm send no
 * credentials). Tokens become {@code _authToken}; Basic credentials become {@code username} plus base64
 * {@code _password}, as {@code npm login --auth-type=legacy} stores them ({@code setCredentialsByURI}).
 *
 * <p>Files are written owner-only (0600, set when the temporary file is created, before any secret is in it) and
 * moved into place atomically. {@link #writeBlock(Path, List)} replaces only the plugin's marked block in a user's
 * file and leaves every other byte alone.
 */
public final class NpmrcWriter {
    public static final String BLOCK_START = "# >>> npmreg-maven-plugin (managed) >>>";
    public static final String BLOCK_END = "# <<< npmreg-maven-plugin <<<";

    private NpmrcWriter() {}

    /**
     * The lines for a registry.
     *
     * @param scope          e.g. {@code @acme}, or {@code null} for no {@code @scope:registry} line
     * @param registry       the registry URL; a missing trailing {@code /} is added
     * @param credentials    a token, Basic credentials or none (then no auth line)
     * @param secretVariable when not {@code null}, {@code ${secretVariable}} is written instead of the secret: it
     *                       must hold the token, or for Basic credentials the base64 of the password
     */
    public static List<String> lines(String scope, URI registry, Credentials credentials, String secretVariable) {
        String url = normalise(registry);
        String nerfDart = NerfDart.of(url);
        List<String> out = new ArrayList<>();
        if (scope != null) {
            String s = scope.startsWith("@") ? scope : "@" + scope;
            out.add(line(s + ":registry", url));
        }
        String reference = secretVariable == null ? null : "${" + secretVariable + "}";
        if (credentials instanceof Credentials.Token t) {
            out.add(line(nerfDart + ":_authToken", reference != null ? reference : t.token()));
        } else if (credentials instanceof Credentials.Basic b) {
            out.add(line(nerfDart + ":username", b.username()));
            out.add(line(nerfDart + ":_password", reference != null ? reference
                    : Base64.getEncoder().encodeToString(b.password().getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    /** The registry as written: trailing {@code /}, lowercase scheme and host, no default port. */
    static String normalise(URI registry) {
        String scheme = registry.getScheme().toLowerCase(Locale.ROOT);
        int port = registry.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = registry.getRawPath() == null || registry.getRawPath().isEmpty() ? "/" : registry.getRawPath();
        if (!path.endsWith("/")) {
            path += "/";
        }
        return scheme + "://" + registry.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** {@code key=value} with the {@code ini} package's {@code safe()} quoting, so npm reads back the same strings. */
    static String line(String key, String value) {
        return safe(key) + "=" + safe(value);
    }

    private static String safe(String val) {
        boolean quoted = val.length() > 1 && ((val.startsWith("\"") && val.endsWith("\""))
                || (val.startsWith("'") && val.endsWith("'")));
        if (val.matches("(?s).*[=\\r\\n].*") || val.startsWith("[") || quoted || !val.equals(val.strip())) {
            return jsonString(val);
        }
        return val.replace(";", "\\;").replace("#", "\\#");
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Writes {@code lines} as the whole file. */
    public static void writeFile(Path file, List<String> lines) {
        write(file, String.join("\n", lines) + "\n");
    }

    /**
     * Puts {@code lines} between the plugin's markers: replaces an existing block, or appends one at the end.
     * Everything outside the block stays byte-identical; the block uses the file's line ending.
     */
    public static void writeBlock(Path file, List<String> lines) {
        String before;
        try {
            before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new NpmregException("Cannot read " + file.toAbsolutePath() + ": " + e,
                    "Check that the file is readable.", e);
        }
        String nl = before.contains("\r\n") ? "\r\n" : "\n";
        String block = BLOCK_START + nl + String.join(nl, lines) + (lines.isEmpty() ? "" : nl) + BLOCK_END;
        int start = before.indexOf(BLOCK_START);
        int end = before.indexOf(BLOCK_END);
        String after;
        if (start >= 0 || end >= 0) {
            if (start < 0 || end < start || before.indexOf(BLOCK_START, start + 1) >= 0) {
                throw new NpmregException(file.toAbsolutePath() + " has a broken npmreg-maven-plugin block (its marker "
                        + "lines are missing, repeated or out of order)", "Delete the lines between and including '"
                        + BLOCK_START + "' and '" + BLOCK_END + "', then run the build again.");
            }
            after = before.substring(0, start) + block + before.substring(end + BLOCK_END.length());
        } else {
            String glue = before.isEmpty() || before.endsWith("\n") ? "" : nl;
            after = before + glue + block + nl;
        }
        write(file, after);
    }

    private static void write(Path file, String content) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Path temp = Files.createTempFile(target.getParent(), ".npmrc.", ".tmp", ownerOnly);
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new NpmregException("Cannot write " + target + ": " + e, "Check that its directory is writable.", e);
        }
    }
}
