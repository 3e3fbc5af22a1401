package io.github.npmreg.npmrc;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} expansion as {@code @npmcli/config lib/env-replace.js} does it: {@code ${VAR}} is replaced by the
 * variable, or stays literal when it is unset; {@code ${VAR?}} becomes empty when unset; an odd number of
 * backslashes before {@code $} escapes the reference and half of them are consumed.
 */
final class EnvReplace {
    private static final Pattern ENV_EXPR = Pattern.compile("(?<!\\\\)(\\\\*)\\$\\{([^${}?]+)(\\?)?\\}");

    private EnvReplace() {}

    /** Expands {@code text}; {@code unset} receives the name of every non-optional variable left literal. */
    static String replace(String text, Map<String, String> env, Consumer<String> unset) {
        Matcher m = ENV_EXPR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String esc = m.group(1);
            String name = m.group(2);
            boolean optional = m.group(3) != null;
            String replacement;
            if (esc.length() % 2 == 1) {
                replacement = m.group().substring((esc.length() + 1) / 2);
            } else {
                String value = env.get(name);
                if (value == null) {
                    if (!optional) {
                        unset.accept(name);
                    }
                    value = optional ? "" : "${" + name + "}";
                }
                replacement = esc.substring(esc.length() / 2) + value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
