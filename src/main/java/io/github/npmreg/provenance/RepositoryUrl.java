package io.github.npmreg.provenance;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares package.json's {@code repository.url} with the CI project's URL the way npmjs.org's provenance check
 * accepts them: the same https repository once {@code git+}, {@code .git}, a trailing slash, SSH forms and the
 * host's case are set aside ({@code git+https://gitlab.com/acme/web.git} matches {@code https://gitlab.com/acme/web}).
 */
public final class RepositoryUrl {
    private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");
    /** npm's shorthands: {@code gitlab:group/project}, {@code github:user/repo}, bare {@code user/repo} (GitHub). */
    private static final Pattern SHORTHAND = Pattern.compile("^(github|gitlab|bitbucket):([^:]+)$");
    private static final Pattern GITHUB_SHORTHAND = Pattern.compile("^[^/:@#\\s]+/[^/:@#\\s]+$");

    private RepositoryUrl() {}

    /** {@code https://host/path} for a git URL, or empty when it is not one. */
    public static Optional<String> normalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String u = url.strip();
        Matcher shorthand = SHORTHAND.matcher(u);
        if (shorthand.matches()) {
            String host = shorthand.group(1).equals("bitbucket") ? "bitbucket.org" : shorthand.group(1) + ".com";
            u = "https://" + host + "/" + shorthand.group(2);
        } else if (GITHUB_SHORTHAND.matcher(u).matches()) {
            u = "https://github.com/" + u;
        }
        if (u.startsWith("git+")) {
            u = u.substring(4);
        }
        Matcher scp = SCP.matcher(u);
        if (!u.contains("://") && scp.matches()) {
            u = "https://" + scp.group(1) + "/" + scp.group(2);
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getPath() == null) {
            return Optional.empty();
        }
        String path = uri.getPath().replaceAll("/+$", "");
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return Optional.of("https://" + uri.getHost().toLowerCase(Locale.ROOT) + path);
    }

    /** Whether the two name the same repository. */
    public static boolean sameRepository(String repositoryUrl, String projectUrl) {
        Optional<String> a = normalize(repositoryUrl);
        Optional<String> b = normalize(projectUrl);
        return a.isPresent() && b.isPresent() && a.get().equalsIgnoreCase(b.get());
    }
}
