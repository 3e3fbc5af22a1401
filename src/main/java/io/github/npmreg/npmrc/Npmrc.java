package io.github.npmreg.npmrc;

import io.github.npmreg.NpmregException;
import io.github.npmreg.auth.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code .npmrc} file (or npm's {@code npm_config_*} environment layer) as npm reads it: the {@code ini}
 * package's dialect (comments {@code ;}/{@code #}, quoted values, {@code key[]=} arrays; keys under a
 * {@code [section]} are not top-level config and npm ignores them), then {@code @npmcli/config}'s
 * {@code ${VAR}} expansion of keys and values. A missing file reads as empty, as in npm.
 *
 * <p>Besides the values it records what {@code verify} should report: variables left unexpanded, keys ignored
 * because they sit in a section, and credentials without a nerf-dart prefix (npm 11 rejects those with
 * {@code ERR_INVALID_AUTH}).
 */
public final class Npmrc {
    /** One config entry: its value after expansion and the line it came from (0 for the environment). */
    public record Entry(String key, String value, List<String> values, int line) {
        public boolean isArray() {
            return values != null;
        }

        /** Whether the value is a secret ({@code _authToken}, {@code _auth}, {@code _password}, with or without a nerf dart). */
        public boolean isSecret() {
            return isSecretKey(key);
        }

        @Override
        public String toString() {
            return key + "=" + (isSecret() ? Redaction.hint(value) : isArray() ? values : value) + (line > 0 ? " (line " + line + ")" : "");
        }
    }

    static boolean isSecretKey(String key) {
        String base = key.substring(key.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        return base.equals("_authtoken") || base.equals("-authtoken") || base.equals("_auth") || base.equals("_password");
    }

    /** A key under a {@code [section]} header, which npm does not see as a config key. */
    public record SectionKey(String section, String key, int line) {}

    private static final Pattern LINE = Pattern.compile("^\\[([^\\]]*)\\]\\s*$|^([^=]+)(=(.*))?$");
    private static final Pattern NPM_CONFIG_ENV = Pattern.compile("^npm_config_", Pattern.CASE_INSENSITIVE);
    private static final List<String> BARE_AUTH_KEYS = List.of("_authToken", "_authtoken", "-authtoken", "_auth",
            "username", "_password");

    private final String source;
    private final Path file;
    private final Map<String, Entry> entries;
    private final Set<String> unsetVariables;
    private final List<SectionKey> sectionKeys;

    private Npmrc(String source, Path file, Map<String, Entry> entries, Set<String> unsetVariables,
            List<SectionKey> sectionKeys) {
        this.source = source;
        this.file = file;
        this.entries = Collections.unmodifiableMap(entries);
        this.unsetVariables = Collections.unmodifiableSet(unsetVariables);
        this.sectionKeys = List.copyOf(sectionKeys);
    }

    /** Reads {@code file}; a missing file gives an empty config, as npm treats it. */
    public static Npmrc read(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            throw new NpmregException("Cannot read " + file.toAbsolutePath() + ": " + e,
                    "Check that the file is readable by the user running the build.", e);
        }
        return parse(text, file, env);
    }

    /** Parses {@code text} as the content of {@code file} (used in messages; may be a made-up path). */
    public static Npmrc parse(String text, Path file, Map<String, String> env) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Set<String> unset = new LinkedHashSet<>();
        List<SectionKey> sectionKeys = new ArrayList<>();
        String section = null;
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.matches("^\\s*[;#].*") || line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (m.group(1) != null) {
                section = unsafe(m.group(1));
                continue;
            }
            String rawKey = unsafe(m.group(2));
            boolean array = rawKey.length() > 2 && rawKey.endsWith("[]");
            String keyName = array ? rawKey.substring(0, rawKey.length() - 2) : rawKey;
            if (keyName.equals("__proto__")) {
                continue;
            }
            if (section != null) {
                sectionKeys.add(new SectionKey(section, keyName, i + 1));
                continue;
            }
            String rawValue = m.group(3) != null ? unsafe(m.group(4)) : "true";
            String key = EnvReplace.replace(keyName, env, unset::add);
            String value = EnvReplace.replace(rawValue.strip(), env, unset::add);
            Entry previous = entries.get(key);
            if (array || (previous != null && previous.isArray())) {
                List<String> values = new ArrayList<>();
                if (previous != null) {
                    values.addAll(previous.isArray() ? previous.values() : List.of(previous.value()));
                }
                values.add(value);
                entries.put(key, new Entry(key, values.get(0), List.copyOf(values), i + 1));
            } else {
                entries.put(key, new Entry(key, value, null, i + 1));
            }
        }
        return new Npmrc(".npmrc file " + file.toAbsolutePath(), file, entries, unset, sectionKeys);
    }

    /**
     * npm's environment layer ({@code @npmcli/config loadEnv}): every non-empty {@code npm_config_*} variable,
     * the prefix matched case-insensitively; keys not starting with {@code //} are lowercased and their inner
     * {@code _} become {@code -}.
     */
    public static Npmrc fromEnvironment(Map<String, String> env) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Set<String> unset = new LinkedHashSet<>();
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!NPM_CONFIG_ENV.matcher(e.getKey()).find() || e.getValue() == null || e.getValue().isEmpty()) {
                return;
            }
            String key = e.getKey().substring("npm_config_".length());
            if (!key.startsWith("//")) {
                key = key.charAt(0) + key.substring(1).replace('_', '-');
                key = key.toLowerCase(Locale.ROOT);
            }
            key = EnvReplace.replace(key, env, unset::add);
            String value = EnvReplace.replace(e.getValue().strip(), env, unset::add);
            entries.put(key, new Entry(key, value, null, 0));
        });
        return new Npmrc("environment", null, entries, unset, List.of());
    }

    /** The {@code ini} package's {@code unsafe}: unquote (JSON or single quotes), else cut at an unescaped ; or #. */
    static String unsafe(String raw) {
        String val = raw == null ? "" : raw.strip();
        if (isQuoted(val)) {
            if (val.charAt(0) == '\'') {
                val = val.length() >= 2 ? val.substring(1, val.length() - 1) : "";
            }
            return JsonString.parseOrKeep(val);
        }
        StringBuilder out = new StringBuilder();
        boolean esc = false;
        for (int i = 0; i < val.length(); i++) {
            char c = val.charAt(i);
            if (esc) {
                if (c == '\\' || c == ';' || c == '#') {
                    out.append(c);
                } else {
                    out.append('\\').append(c);
                }
                esc = false;
            } else if (c == ';' || c == '#') {
                break;
            } else if (c == '\\') {
                esc = true;
            } else {
                out.append(c);
            }
        }
        if (esc) {
            out.append('\\');
        }
        return out.toString().strip();
    }

    private static boolean isQuoted(String val) {
        return (val.startsWith("\"") && val.endsWith("\"")) || (val.startsWith("'") && val.endsWith("'"));
    }

    /** Where this config came from, e.g. {@code .npmrc file /home/me/.npmrc} or {@code environment}. */
    public String source() {
        return source;
    }

    /** The file, or empty for the environment layer. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The value of {@code key} (the first element for arrays). */
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** All entries in file order (a repeated key keeps its last value, at its last line). */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** Names of {@code ${VAR}} references that were unset and so stay literal in the value. */
    public Set<String> unsetVariables() {
        return unsetVariables;
    }

    /** Keys below a {@code [section]} header; npm does not read them as config. */
    public List<SectionKey> sectionKeys() {
        return sectionKeys;
    }

    /**
     * Credentials without a nerf-dart prefix ({@code _authToken=...}): npm 11 refuses to run with
     * {@code ERR_INVALID_AUTH} and asks to rename them to {@code //host/:_authToken}.
     */
    public List<Entry> bareAuthEntries() {
        List<Entry> out = new ArrayList<>();
        for (String key : BARE_AUTH_KEYS) {
            Entry e = entries.get(key);
            if (e != null && NpmConfig.truthy(e.value())) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@link NpmConfig#credentialsForPublish(String)} on this file alone. */
    public Optional<NpmrcAuth> credentialsForPublish(String registry) {
        return NpmConfig.of(this).credentialsForPublish(registry);
    }

    /** {@link NpmConfig#credentialsForRequest(String)} on this file alone. */
    public Optional<NpmrcAuth> credentialsForRequest(String url) {
        return NpmConfig.of(this).credentialsForRequest(url);
    }

    /** The place of one key in messages: {@code .npmrc file /x/.npmrc, key //host/:_authToken (line 3)}. */
    public String describe(String key) {
        Entry e = entries.get(key);
        String line = e != null && e.line() > 0 ? " (line " + e.line() + ")" : "";
        return file == null ? "environment variable npm_config_" + key : source + ", key " + key + line;
    }

    @Override
    public String toString() {
        return source;
    }
}
