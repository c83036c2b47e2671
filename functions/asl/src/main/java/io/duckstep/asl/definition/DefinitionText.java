package io.duckstep.asl.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.asl.InvalidDefinitionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a definition's text: replaces its {@code ${Name}} placeholders as CDK's
 * {@code definitionSubstitutions} do (the value is inserted verbatim), then parses the JSON,
 * refusing duplicate member names (and so duplicate state names).
 */
public final class DefinitionText
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DefinitionText() {}

    public static JsonNode read(String stateMachineName, String text, Map<String, String> substitutions)
    {
        String substituted = substitute(stateMachineName, text, substitutions);
        try {
            JsonNode document = MAPPER.readTree(substituted);
            if (document == null || document.isMissingNode()) {
                throw new InvalidDefinitionException(stateMachineName, Optional.empty(), Optional.empty(), "the definition is empty");
            }
            return document;
        }
        catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidDefinitionException(stateMachineName, Optional.empty(), Optional.empty(),
                    "the definition is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    static String substitute(String stateMachineName, String text, Map<String, String> substitutions)
    {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        List<String> missing = new ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = substitutions.get(name);
            if (value == null) {
                missing.add("${" + name + "} (line " + lineOf(text, matcher.start()) + ")");
                value = matcher.group();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        if (!missing.isEmpty()) {
            throw new InvalidDefinitionException(stateMachineName, Optional.empty(), Optional.empty(),
                    "no substitution was given for the placeholder" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + "; given substitutions: " + new TreeSet<>(substitutions.keySet()));
        }
        return result.toString();
    }

    private static int lineOf(String text, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
