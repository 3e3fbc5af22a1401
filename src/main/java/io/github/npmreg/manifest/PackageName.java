package io.github.npmreg.manifest;

import io.github.npmreg.NpmregException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An npm package name such as {@code hello} or {@code @acme/hello}, with the derived forms the registry protocol
 * uses. {@link #violations(String)} are validate-npm-package-name's errors, the names npm refuses (npm-package-arg
 * accepts what is {@code validForOldPackages}); {@link #warnings(String)} its warnings (a core module's name, more
 * than 214 characters, capital letters, {@code ~'!()*}), which npm publishes and the plugin too, saying so.
 */
public record PackageName(String name) {

    private static final int MAX_LENGTH = 214;
    private static final Set<String> EXCLUDED = Set.of("node_modules", "favicon.ico");
    /** validate-npm-package-name 6 lib/builtin-modules.json: Node's core modules, rejected for new unscoped names. */
    private static final Set<String> NODE_BUILTINS = Set.of("_http_agent", "_http_client", "_http_common",
            "_http_incoming", "_http_outgoing", "_http_server", "_stream_duplex", "_stream_passthrough",
            "_stream_readable", "_stream_transform", "_stream_wrap", "_stream_writable", "_tls_common", "_tls_wrap",
            "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
            "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises",
            "http", "http2", "https", "inspector", "inspector/promises", "module", "net", "os", "path", "path/posix",
            "path/win32", "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl",
            "stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
            "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
            "worker_threads", "zlib", "node:sea", "node:sqlite", "node:test", "node:test/reporters");
    private static final Pattern SCOPED = Pattern.compile("^(?:@([^/]+?)/)?([^/]+?)$");
    /**
     * GitLab's {@code Gitlab::Regex.npm_package_name_regex} with {@code NAMESPACE_FORMAT_REGEX} inlined
     * (lib/gitlab/regex/packages.rb, lib/gitlab/path_regex.rb); Ruby's {@code \A..\z} become Java's anchors.
     */
    private static final Pattern GITLAB = Pattern.compile(
            "\\A(?:@((?:[a-zA-Z0-9_.][a-zA-Z0-9_\\-.]*[a-zA-Z0-9_\\-]|[a-zA-Z0-9_])(?<!\\.git|\\.atom))/)?"
                    + "[-+._a-zA-Z0-9]+\\z");

    public PackageName {
        Objects.requireNonNull(name, "name");
    }

    /** Parses and validates a name; the exception says which rule failed and how to fix it. */
    public static PackageName parse(String name) {
        List<String> problems = violations(name);
        if (!problems.isEmpty()) {
            throw new NpmregException("Invalid npm package name \"" + name + "\": " + String.join("; ", problems),
                    "Use a lowercase, URL-safe name such as \"my-package\" or \"@my-scope/my-package\" "
                            + "(rules: https://github.com/npm/validate-npm-package-name#naming-rules).");
        }
        return new PackageName(name);
    }

    /** The scope with its {@code @}, e.g. {@code @acme}; empty for unscoped names. */
    public Optional<String> scope() {
        if (!name.startsWith("@")) {
            return Optional.empty();
        }
        int slash = name.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(name.substring(0, slash));
    }

    /** The name without its scope: {@code hello} for {@code @acme/hello}. */
    public String unscopedName() {
        return scope().map(s -> name.substring(s.length() + 1)).orElse(name);
    }

    /** npm-package-arg's escapedName: only the first {@code /} becomes a lowercase {@code %2f}. */
    public String escapedName() {
        return scope().isPresent() ? name.replaceFirst("/", "%2f") : name;
    }

    /**
     * The file name {@code npm pack} writes (libnpmpack lib/index.js): {@code name-version.tgz}, leading {@code @}
     * dropped, {@code /} and {@code \} replaced by {@code -}.
     */
    public String tarballFileName(String version) {
        String file = name + "-" + version + ".tgz";
        if (file.startsWith("@")) {
            file = file.substring(1);
        }
        return file.replace('/', '-').replace('\\', '-');
    }

    /** Whether GitLab's npm registry accepts this name (it also allows uppercase and dots in the scope). */
    public boolean gitlabValid() {
        return GITLAB.matcher(name).matches();
    }

    /**
     * Every rule of validate-npm-package-name (new packages) the name breaks, each saying what to change; empty
     * when the name is valid.
     */
    public static List<String> violations(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            out.add("the name is missing");
            return out;
        }
        if (name.isEmpty()) {
            out.add("the name must not be empty");
        }
        if (name.startsWith(".")) {
            out.add("the name must not start with a period (.): remove the leading '.'");
        }
        if (name.startsWith("-")) {
            out.add("the name must not start with a hyphen (-): remove the leading '-'");
        }
        if (name.startsWith("_")) {
            out.add("the name must not start with an underscore (_): remove the leading '_'");
        }
        if (!name.strip().equals(name)) {
            out.add("the name must not have leading or trailing spaces: remove them");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (EXCLUDED.contains(lower)) {
            out.add("\"" + lower + "\" is reserved and cannot be a package name: choose another name");
        }
        if (!encodeURIComponent(name).equals(name)) {
            var m = SCOPED.matcher(name);
            boolean scopedOk = false;
            if (m.matches() && m.group(1) != null) {
                String scope = m.group(1);
                String pkg = m.group(2);
                if (pkg.startsWith(".")) {
                    out.add("the part after the scope must not start with a period (.): remove the leading '.'");
                }
                scopedOk = encodeURIComponent(scope).equals(scope) && encodeURIComponent(pkg).equals(pkg);
            }
            if (!scopedOk) {
                out.add("the name may only contain URL-safe characters (a-z 0-9 - . _ ~ and one '@scope/' prefix;"
                        + " no spaces, no '/', ':' or '%'): remove or replace the others");
            }
        }
        return out;
    }

    /**
     * validate-npm-package-name's warnings: rules for new package names that npm does not enforce when it publishes
     * (the name is {@code validForOldPackages}); each says what to change.
     */
    public static List<String> warnings(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (NODE_BUILTINS.contains(lower)) {
            out.add("\"" + name + "\" is the name of a Node.js core module (npm warns: Package name \"" + name
                    + "\" conflicts with a Node.js built-in module name): choose another name or add a scope "
                    + "(\"@my-scope/" + name + "\")");
        }
        if (name.length() > MAX_LENGTH) {
            out.add("the name has " + name.length() + " characters, more than the " + MAX_LENGTH + " allowed for new"
                    + " packages: shorten it");
        }
        if (!lower.equals(name)) {
            out.add("the name can no longer contain capital letters (new packages must be lowercase): use \""
                    + lower + "\"");
        }
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (last.matches(".*[~'!()*].*")) {
            out.add("the name can no longer contain the special characters ~'!()*: remove them");
        }
        return out;
    }

    /** JavaScript's encodeURIComponent, which leaves {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )} unescaped. */
    public static String encodeURIComponent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%21", "!")
                .replace("%27", "'")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%7E", "~");
    }

    @Override
    public String toString() {
        return name;
    }
}
