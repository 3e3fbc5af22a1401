package io.github.npmreg.npm.packagejson;

import io.github.npmreg.manifest.PackageName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A port of the parts of hosted-git-info 9 that npm's manifest normalization uses: recognising GitHub, GitLab,
 * Bitbucket, Gist and sourcehut repositories from URLs and shorthands ({@code user/repo},
 * {@code gitlab:group/repo}, {@code git@github.com:user/repo.git}) and printing them in npm's representations
 * ({@code https()}, {@code toString()}, {@code docs()}, {@code bugs()}).
 */
final class HostedGit {
    /** One host's fixed data (hosted-git-info lib/hosts.js). */
    private record Host(String name, String domain, String treepath, Set<String> protocols) {}

    private static final Map<String, Host> BY_NAME = Map.of(
            "github", new Host("github", "github.com", "tree",
                    Set.of("git:", "http:", "git+ssh:", "git+https:", "ssh:", "https:")),
            "bitbucket", new Host("bitbucket", "bitbucket.org", "src",
                    Set.of("git+ssh:", "git+https:", "ssh:", "https:")),
            "gitlab", new Host("gitlab", "gitlab.com", "tree", Set.of("git+ssh:", "git+https:", "ssh:", "https:")),
            "gist", new Host("gist", "gist.github.com", null, Set.of("git:", "git+ssh:", "git+https:", "ssh:", "https:")),
            "sourcehut", new Host("sourcehut", "git.sr.ht", "tree", Set.of("git+ssh:", "https:")));
    private static final Map<String, String> BY_DOMAIN = Map.of("github.com", "github", "bitbucket.org", "bitbucket",
            "gitlab.com", "gitlab", "gist.github.com", "gist", "git.sr.ht", "sourcehut");
    /** hosted-git-info's protocol table: representation name and whether auth is kept. */
    private static final Map<String, String[]> PROTOCOLS = Map.ofEntries(
            Map.entry("git+ssh:", new String[] {"sshurl", "false"}), Map.entry("ssh:", new String[] {"sshurl", "false"}),
            Map.entry("git+https:", new String[] {"https", "true"}), Map.entry("git:", new String[] {null, "true"}),
            Map.entry("http:", new String[] {null, "true"}), Map.entry("https:", new String[] {null, "true"}),
            Map.entry("git+http:", new String[] {null, "true"}), Map.entry("github:", new String[] {"github", "false"}),
            Map.entry("bitbucket:", new String[] {"bitbucket", "false"}), Map.entry("gitlab:", new String[] {"gitlab", "false"}),
            Map.entry("gist:", new String[] {"gist", "false"}), Map.entry("sourcehut:", new String[] {"sourcehut", "false"}));
    private static final Set<String> SPECIAL = Set.of("http:", "https:", "ws:", "wss:", "ftp:", "file:");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*:)(.*)$", Pattern.DOTALL);

    private final Host host;
    private final String user;
    private final String auth;
    private final String project;
    private final String committish;
    private final String representation;

    private HostedGit(Host host, String user, String auth, String project, String committish, String representation) {
        this.host = host;
        this.user = user;
        this.auth = auth;
        this.project = project;
        this.committish = committish;
        this.representation = representation;
    }

    /** A parsed URL, as far as these rules need one (WHATWG URL's fields). */
    private record Url(String protocol, String username, String password, String hostname, String pathname, String hash) {}

    /** hosted-git-info's {@code fromUrl}, or {@code null} when the URL is not a known git host. */
    static HostedGit fromUrl(String giturl) {
        if (giturl == null || giturl.isEmpty()) {
            return null;
        }
        String corrected = isGitHubShorthand(giturl) ? "github:" + giturl : giturl;
        Url parsed = parseUrl(corrected);
        if (parsed == null) {
            return null;
        }
        String shortcut = switch (parsed.protocol()) {
            case "github:", "bitbucket:", "gitlab:", "gist:", "sourcehut:" ->
                    parsed.protocol().substring(0, parsed.protocol().length() - 1);
            default -> null;
        };
        String hostname = parsed.hostname().startsWith("www.") ? parsed.hostname().substring(4) : parsed.hostname();
        String name = shortcut != null ? shortcut : BY_DOMAIN.get(hostname);
        if (name == null) {
            return null;
        }
        Host host = BY_NAME.get(name);
        String[] proto = PROTOCOLS.get(parsed.protocol());
        String auth = null;
        if (proto != null && "true".equals(proto[1]) && (!parsed.username().isEmpty() || !parsed.password().isEmpty())) {
            auth = parsed.username() + (parsed.password().isEmpty() ? "" : ":" + parsed.password());
        }
        try {
            if (shortcut != null) {
                String pathname = parsed.pathname().startsWith("/") ? parsed.pathname().substring(1) : parsed.pathname();
                int at = pathname.indexOf('@');
                if (at > -1) {
                    pathname = pathname.substring(at + 1);
                }
                String user = null;
                String project;
                int lastSlash = pathname.lastIndexOf('/');
                if (lastSlash > -1) {
                    user = decode(pathname.substring(0, lastSlash));
                    if (user.isEmpty()) {
                        user = null;
                    }
                    project = decode(pathname.substring(lastSlash + 1));
                } else {
                    project = decode(pathname);
                }
                if (project.endsWith(".git")) {
                    project = project.substring(0, project.length() - 4);
                }
                String committish = parsed.hash().isEmpty() ? null : decode(parsed.hash().substring(1));
                return new HostedGit(host, user, auth, project, committish, "shortcut");
            }
            if (!host.protocols().contains(parsed.protocol())) {
                return null;
            }
            String[] segments = extract(host, parsed);
            if (segments == null) {
                return null;
            }
            String representation = proto != null && proto[0] != null ? proto[0]
                    : parsed.protocol().substring(0, parsed.protocol().length() - 1);
            return new HostedGit(host, segments[0] == null ? null : decode(segments[0]), auth, decode(segments[1]),
                    decode(segments[2]), representation);
        } catch (IllegalArgumentException e) {
            return null; // decodeURIComponent's URIError
        }
    }

    /** Each host's {@code extract}: user, project, committish (or {@code null} when the URL is not a repository). */
    private static String[] extract(Host host, Url url) {
        String hash = url.hash().isEmpty() ? "" : url.hash().substring(1);
        switch (host.name()) {
            case "github" -> {
                String[] p = limitSplit(url.pathname(), 5);
                String user = p[1];
                String project = p[2];
                String type = p[3];
                String committish = p[4];
                if (type != null && !type.isEmpty() && !type.equals("tree")) {
                    return null;
                }
                if (type == null || type.isEmpty()) {
                    committish = hash;
                }
                if (project != null && project.endsWith(".git")) {
                    project = project.substring(0, project.length() - 4);
                }
                if (user == null || user.isEmpty() || project == null || project.isEmpty()) {
                    return null;
                }
                return new String[] {user, project, committish == null ? "" : committish};
            }
            case "bitbucket", "sourcehut" -> {
                String[] p = limitSplit(url.pathname(), 4);
                String aux = p[3];
                if (host.name().equals("bitbucket") ? "get".equals(aux) : "archive".equals(aux)) {
                    return null;
                }
                String project = p[2];
                if (project != null && project.endsWith(".git")) {
                    project = project.substring(0, project.length() - 4);
                }
                if (p[1] == null || p[1].isEmpty() || project == null || project.isEmpty()) {
                    return null;
                }
                return new String[] {p[1], project, hash};
            }
            case "gitlab" -> {
                String path = url.pathname().isEmpty() ? "" : url.pathname().substring(1);
                if (path.contains("/-/") || path.contains("/archive.tar.gz")) {
                    return null;
                }
                int last = path.lastIndexOf('/');
                String project = path.substring(last + 1);
                if (project.endsWith(".git")) {
                    project = project.substring(0, project.length() - 4);
                }
                String user = last < 0 ? "" : path.substring(0, last);
                if (user.isEmpty() || project.isEmpty()) {
                    return null;
                }
                return new String[] {user, project, hash};
            }
            default -> { // gist
                String[] p = limitSplit(url.pathname(), 4);
                if ("raw".equals(p[3])) {
                    return null;
                }
                String user = p[1];
                String project = p[2];
                if (project == null || project.isEmpty()) {
                    if (user == null || user.isEmpty()) {
                        return null;
                    }
                    project = user;
                    user = null;
                }
                if (project.endsWith(".git")) {
                    project = project.substring(0, project.length() - 4);
                }
                return new String[] {user, project, hash};
            }
        }
    }

    /** JavaScript's {@code str.split('/', limit)}: at most {@code limit} pieces, missing ones {@code null}. */
    private static String[] limitSplit(String s, int limit) {
        String[] all = s.split("/", -1);
        String[] out = new String[limit];
        for (int i = 0; i < limit && i < all.length; i++) {
            out[i] = all[i];
        }
        return out;
    }

    /** from-url.js: a GitHub shorthand such as {@code npm/cli} or {@code npm/cli#v1}. */
    static boolean isGitHubShorthand(String arg) {
        int firstHash = arg.indexOf('#');
        int firstSlash = arg.indexOf('/');
        int secondSlash = arg.indexOf('/', firstSlash + 1);
        int firstColon = arg.indexOf(':');
        Matcher space = Pattern.compile("\\s").matcher(arg);
        int firstSpace = space.find() ? space.start() : -1;
        int firstAt = arg.indexOf('@');
        boolean spaceOnlyAfterHash = firstSpace == -1 || (firstHash > -1 && firstSpace > firstHash);
        boolean atOnlyAfterHash = firstAt == -1 || (firstHash > -1 && firstAt > firstHash);
        boolean colonOnlyAfterHash = firstColon == -1 || (firstHash > -1 && firstColon > firstHash);
        boolean secondSlashOnlyAfterHash = secondSlash == -1 || (firstHash > -1 && secondSlash > firstHash);
        boolean hasSlash = firstSlash > 0;
        boolean doesNotEndWithSlash = firstHash > -1 ? arg.charAt(firstHash - 1) != '/' : !arg.endsWith("/");
        boolean doesNotStartWithDot = !arg.startsWith(".");
        return spaceOnlyAfterHash && hasSlash && doesNotEndWithSlash && doesNotStartWithDot && atOnlyAfterHash
                && colonOnlyAfterHash && secondSlashOnlyAfterHash;
    }

    /** parse-url.js: correct the protocol, try WHATWG URL, else correct an scp-style URL and try again. */
    private static Url parseUrl(String giturl) {
        String withProtocol = correctProtocol(giturl);
        Url url = whatwg(withProtocol);
        return url != null ? url : whatwg(correctUrl(withProtocol));
    }

    private static String correctProtocol(String arg) {
        int firstColon = arg.indexOf(':');
        String proto = arg.substring(0, firstColon + 1);
        if (PROTOCOLS.containsKey(proto)) {
            return arg;
        }
        if (firstColon >= 0 && arg.startsWith("://", firstColon)) {
            return arg;
        }
        int firstAt = arg.indexOf('@');
        if (firstAt > -1) {
            return firstAt > firstColon ? "git+ssh://" + arg : arg;
        }
        return arg.substring(0, firstColon + 1) + "//" + arg.substring(firstColon + 1);
    }

    private static String correctUrl(String giturl) {
        int firstAt = lastIndexOfBefore(giturl, '@', '#');
        int lastColonBeforeHash = lastIndexOfBefore(giturl, ':', '#');
        if (lastColonBeforeHash > firstAt) {
            giturl = giturl.substring(0, lastColonBeforeHash) + "/" + giturl.substring(lastColonBeforeHash + 1);
        }
        if (lastIndexOfBefore(giturl, ':', '#') == -1 && !giturl.contains("//")) {
            giturl = "git+ssh://" + giturl;
        }
        return giturl;
    }

    private static int lastIndexOfBefore(String s, char c, char before) {
        int start = s.indexOf(before);
        return start > -1 ? s.lastIndexOf(c, start) : s.lastIndexOf(c);
    }

    /** Enough of WHATWG URL parsing for git URLs: {@code null} where {@code new URL()} would throw. */
    private static Url whatwg(String input) {
        Matcher m = SCHEME.matcher(input.strip());
        if (!m.matches()) {
            return null;
        }
        String protocol = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        String hash = "";
        int h = rest.indexOf('#');
        if (h >= 0) {
            hash = rest.substring(h);
            rest = rest.substring(0, h);
            if (hash.equals("#")) {
                hash = "";
            }
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        boolean special = SPECIAL.contains(protocol);
        if (special) {
            rest = rest.replace('\\', '/');
            rest = "//" + rest.replaceFirst("^/*", "");
        }
        if (!rest.startsWith("//")) {
            return new Url(protocol, "", "", "", rest, hash);
        }
        String afterSlashes = rest.substring(2);
        int slash = afterSlashes.indexOf('/');
        String authority = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
        String pathname = slash < 0 ? (special ? "/" : "") : afterSlashes.substring(slash);
        String username = "";
        String password = "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userinfo.indexOf(':');
            username = colon < 0 ? userinfo : userinfo.substring(0, colon);
            password = colon < 0 ? "" : userinfo.substring(colon + 1);
        }
        String hostname = authority;
        if (!authority.startsWith("[")) {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                String port = authority.substring(colon + 1);
                if (!port.matches("\\d*")) {
                    return null;
                }
                hostname = authority.substring(0, colon);
            }
            if (hostname.matches(".*[\\s#/:<>?@\\[\\\\\\]^|" + (special ? "%" : "") + "].*")) {
                return null;
            }
        }
        if (special && hostname.isEmpty()) {
            return null;
        }
        return new Url(protocol, username, password, hostname.toLowerCase(Locale.ROOT), pathname, hash);
    }

    private static String decode(String s) {
        if (s == null) {
            return null;
        }
        if (s.indexOf('%') < 0) {
            return s;
        }
        if (s.matches(".*%(?![0-9a-fA-F]{2}).*")) {
            throw new IllegalArgumentException("URIError");
        }
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return PackageName.encodeURIComponent(s);
    }

    private static String join(String... parts) {
        for (String p : parts) {
            if (p == null || p.isEmpty()) {
                return "";
            }
        }
        return String.join("", parts);
    }

    private String hashPart() {
        return join("#", committish);
    }

    /** The default representation: {@code shortcut}, {@code https}, {@code sshurl}, {@code git}, ... */
    String defaultRepresentation() {
        return representation;
    }

    String https() {
        return switch (host.name()) {
            case "gist" -> "git+https://" + host.domain() + "/" + project + ".git" + hashPart();
            case "sourcehut" -> "https://" + host.domain() + "/" + user + "/" + project + hashPart();
            default -> "git+https://" + join(auth, "@") + host.domain() + "/" + user + "/" + project + ".git" + hashPart();
        };
    }

    String sshurl() {
        return host.name().equals("gist")
                ? "git+ssh://git@" + host.domain() + "/" + project + ".git" + hashPart()
                : "git+ssh://git@" + host.domain() + "/" + user + "/" + project + ".git" + hashPart();
    }

    String git() {
        return switch (host.name()) {
            case "github" -> "git://" + join(auth, "@") + host.domain() + "/" + user + "/" + project + ".git" + hashPart();
            case "gist" -> "git://" + host.domain() + "/" + project + ".git" + hashPart();
            default -> null;
        };
    }

    String shortcut() {
        return host.name().equals("gist")
                ? host.name() + ":" + project + hashPart()
                : host.name() + ":" + user + "/" + project + hashPart();
    }

    String docs() {
        String c = committish == null || committish.isEmpty() ? null : encode(committish);
        if (host.name().equals("gist")) {
            return "https://" + host.domain() + "/" + project + join("/", c);
        }
        return "https://" + host.domain() + "/" + user + "/" + project + join("/", host.treepath(), "/", c) + "#readme";
    }

    String bugs() {
        return switch (host.name()) {
            case "gist" -> "https://" + host.domain() + "/" + project;
            case "sourcehut" -> null;
            default -> "https://" + host.domain() + "/" + user + "/" + project + "/issues";
        };
    }

    /** GitHost#toString: the method named by the default representation, else {@code sshurl}. */
    @Override
    public String toString() {
        return switch (representation) {
            case "shortcut" -> shortcut();
            case "https" -> https();
            case "sshurl" -> sshurl();
            case "git" -> git();
            default -> sshurl();
        };
    }
}
