package io.duckstep.core.prompt;

import io.duckstep.core.secrets.Secret;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Takes out of what goes back to the model what it must not see: DuckDB quotes file paths in its errors
 * ("No files found that match the pattern /tmp/…"), and a token must never travel anywhere. Known paths become
 * names ({@code mydf}, {@code <warehouse>}); any other absolute path or URL in an error becomes {@code <path>}. The
 * token is taken out by {@link Secret#redactFrom}, the one place secrets are scrubbed from text.
 */
final class SandboxMessages
{
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"\\])]*[^\\s'\"\\]).,:;]");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.:/~>-])(?:~)?/[\\w.@+~*?%$-]+(?:/[\\w.@+~*?%$-]*)*");

    private final Map<String, String> replacements;
    private final Optional<Secret> secret;

    SandboxMessages(Map<String, String> replacements, Optional<Secret> secret)
    {
        this.replacements = Map.copyOf(requireNonNull(replacements, "replacements is null"));
        this.secret = requireNonNull(secret, "secret is null");
    }

    /** An error message: known paths named, other paths and URLs hidden, the secret removed. */
    String scrub(String message)
    {
        if (message == null) {
            return "The query failed.";
        }
        String text = known(message);
        text = URL.matcher(text).replaceAll("<location>");
        return ABSOLUTE_PATH.matcher(text).replaceAll(Matcher.quoteReplacement("<path>"));
    }

    /** A message for the operator, not the model (the warehouse could not be attached): only the secret is removed. */
    String redactSecret(String message)
    {
        return secret.map(token -> token.redactFrom(message)).orElse(message);
    }

    /** A result: only known paths and the secret are replaced, so data that merely looks like a path stays. */
    String scrubResult(String json)
    {
        return json == null ? "[]" : known(json);
    }

    private String known(String text)
    {
        String scrubbed = redactSecret(text);
        // longest first, so a directory does not cut a file path inside it in two
        for (Map.Entry<String, String> replacement : replacements.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed()).toList()) {
            if (!replacement.getKey().isEmpty()) {
                scrubbed = scrubbed.replace(replacement.getKey(), replacement.getValue());
            }
        }
        return scrubbed;
    }
}
